import * as core from "@actions/core";
import { truncateBytes } from "../github/check-run.ts";
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
      await core.summary.addRaw(fitSummary(markdown), true).write();
    },
  };
}

/** GitHub drops a step summary over 1 MiB entirely; stay under it with room for a note. */
export const MAX_STEP_SUMMARY_BYTES = 1_000_000;

/** The summary, cut on a character boundary with a note when it would not be shown at all. */
export function fitSummary(markdown: string): string {
  return truncateBytes(
    markdown,
    MAX_STEP_SUMMARY_BYTES,
    "\n\n---\n*This summary was cut to GitHub's 1 MiB limit for a step summary; the full report is in the JSON report (output `report`).*\n",
  );
}
