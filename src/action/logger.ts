import type { Logger } from "../github/types.ts";
import type { ActionCore } from "./core.ts";

/** The GitHub port's logger, writing to the step log. Warnings stay plain log lines (no annotation noise). */
export function coreLogger(core: ActionCore): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warn: (m) => core.info(`warning: ${m}`),
    error: (m) => core.info(`error: ${m}`),
  };
}
