/**
 * The compact report of a pull request that is unlinked or only polishes work already done:
 * when it is one, and how to link a pull request to the work it serves.
 */
import type { Report } from "../../model/report.ts";
import { code } from "../escape.ts";
import type { Ctx } from "./context.ts";

/** Unlinked or already-done, changing no milestone and not the plan. */
export function isCompact(report: Report): boolean {
  const pr = report.pullRequest;
  if (!pr || !report.plan.valid) return false;
  if (pr.achieves.length > 0 || pr.regresses.length > 0) return false;
  const codes = new Set(pr.warnings.map((w) => w.code));
  if (codes.has("plan-changed") || codes.has("plan-invalid")) return false;
  return codes.has("unlinked") || codes.has("already-done");
}

export function howToLink(ctx: Ctx): string {
  const labels = [
    ...ctx.report.milestones.flatMap((m) => m.deliverables.filter((d) => !d.done)),
    ...ctx.report.unscheduled.filter((d) => !d.done),
  ].map((d) => d.label);
  const example = labels[0] ?? "deliverable:<id>";
  return [
    "**How to link it** to the work it serves (any one is enough):",
    `- add the deliverable's label, such as ${code(example)};`,
    `- write ${code("Closes #N")} in its description, naming one of the deliverable's issues;`,
    `- change a file under the deliverable's ${code("paths")} in the plan.`,
  ].join("\n");
}
