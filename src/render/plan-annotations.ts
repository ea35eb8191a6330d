/**
 * Which plan findings annotate the plan file. Annotations hang on the head commit's file, so
 * when the pull request changes the plan its head findings are the ones whose lines match;
 * otherwise the base plan is the file at the head too, and its findings apply.
 */
import type { Finding } from "../model/findings.ts";
import type { Report } from "../model/report.ts";

export function planAnnotations(report: Report): { path: string; finding: Finding }[] {
  const head = report.pullRequest?.headPlanFindings;
  const findings = head ?? report.plan.findings;
  return findings.map((finding) => ({ path: report.plan.path, finding }));
}
