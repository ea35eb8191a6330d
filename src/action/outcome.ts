/**
 * What a run ends with, and the one place it becomes step outputs: the JSON report file,
 * the four outputs, and a failed step only for a `failure` conclusion.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Conclusion, Report } from "../model/report.ts";
import { renderJson } from "../render/json.ts";
import type { ActionCore } from "./core.ts";

export interface Outcome {
  conclusion: Conclusion | "skipped";
  /** Check mode: the pull request serves a deliverable. Null outside check mode. */
  aligned: boolean | null;
  /** Plan milestone ids (ids never contain commas, titles may). */
  achieves: string[];
  report: Report | null;
  /** Shown by setFailed when the conclusion is failure. */
  failMessage?: string;
}

export function writeOutcome(params: {
  core: ActionCore;
  env: Record<string, string | undefined>;
  outcome: Outcome;
  /** False: the caller fails the step itself (with the error that ended the run). */
  failMessage?: false;
}): void {
  const { core, env, outcome } = params;
  const reportPath = outcome.report ? writeReportFile({ env, report: outcome.report }) : "";
  core.setOutput("conclusion", outcome.conclusion);
  core.setOutput("aligned", outcome.aligned === null ? "" : String(outcome.aligned));
  core.setOutput("achieves", outcome.achieves.join(","));
  core.setOutput("report", reportPath);
  if (outcome.conclusion === "failure" && params.failMessage !== false) {
    core.setFailed(outcome.failMessage ?? "plan-align concluded failure; see the job summary");
  }
}

/** A fresh directory per run under RUNNER_TEMP, so two plan-align steps in a job never clash. */
function writeReportFile(params: {
  env: Record<string, string | undefined>;
  report: Report;
}): string {
  const dir = mkdtempSync(join(params.env.RUNNER_TEMP || tmpdir(), "plan-align-"));
  const path = join(dir, "report.json");
  // The same document, key for key, as `plan-align report --format json`.
  writeFileSync(path, renderJson(params.report));
  return path;
}
