import * as core from "@actions/core";
import type { ActionCore } from "./core.ts";

/** The real toolkit behind the ActionCore interface; the only place `@actions/core` is used. */
export function actionsCore(): ActionCore {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    notice: (m, p) => core.notice(m, p),
    warning: (m, p) => core.warning(m, p),
    error: (m, p) => core.error(m, p),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (m) => core.setFailed(m),
    writeSummary: async (markdown) => {
      // Outside a runner (act, local runs) there is no summary file: print it instead of
      // failing the whole step over a missing convenience.
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.info(markdown);
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
  };
}
