/**
 * What the `plan-align` check run on a pull request says — the same from the Action and the
 * App: the one-line verdict, the Markdown summary, the conclusion and the plan annotations.
 */

import type { Finding } from "../model/findings.ts";
import type { Conclusion, Report } from "../model/report.ts";
import { renderMarkdown } from "./markdown.ts";
import { planAnnotations } from "./plan-annotations.ts";
import { verdict } from "./verdict.ts";

/** The check run's name on a pull request, whether the Action or the App posts it (docs/evaluation.md). */
export const CHECK_NAME = "plan-align";

export interface CheckContent {
  title: string;
  summary: string;
  conclusion: Conclusion;
  annotations: { path: string; finding: Finding }[];
}

export function checkContent(report: Report): CheckContent {
  return {
    title: verdict(report).title,
    summary: renderMarkdown(report),
    // No pull request verdict (it was not in the snapshot): neutral, or failure for a bad plan.
    conclusion: report.pullRequest?.conclusion ?? (report.plan.valid ? "neutral" : "failure"),
    annotations: planAnnotations(report),
  };
}
