import type { Logger } from "../github/types.ts";
import { visible } from "../model/visible-text.ts";
import type { ActionCore } from "./core.ts";

/**
 * The GitHub port's logger, writing to the step log. Warnings stay plain log lines (no
 * annotation noise). Each message is one line with its control characters visible: a line
 * break in a title must not start a line the runner reads as a workflow command (`::error`).
 */
export function coreLogger(core: ActionCore): Logger {
  return {
    debug: (m) => core.debug(visible(m)),
    info: (m) => core.info(visible(m)),
    warn: (m) => core.info(`warning: ${visible(m)}`),
    error: (m) => core.info(`error: ${visible(m)}`),
  };
}
