import { truncateBytes } from "../github/check-run.ts";
import type { ActionCore } from "./core.ts";
import { annotationProperties, workflowCommands } from "./workflow-commands.ts";

/** The real runner behind the ActionCore interface: the workflow-command protocol. */
export function actionsCore(env: NodeJS.ProcessEnv = process.env): ActionCore {
  const runner = workflowCommands(env);
  return {
    debug: (m) => runner.command("debug", {}, m),
    info: (m) => runner.log(m),
    notice: (m, p) => runner.command("notice", annotationProperties(p), m),
    warning: (m, p) => runner.command("warning", annotationProperties(p), m),
    error: (m, p) => runner.command("error", annotationProperties(p), m),
    setOutput: (name, value) => runner.setOutput(name, value),
    setFailed: (m) => {
      process.exitCode = 1;
      runner.command("error", {}, m);
    },
    writeSummary: async (markdown) => {
      // Outside a runner (act, local runs) there is no summary file: print it instead of
      // failing the whole step over a missing convenience.
      if (!env.GITHUB_STEP_SUMMARY) {
        runner.log(markdown);
        return;
      }
      runner.appendSummary(fitSummary(markdown));
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
