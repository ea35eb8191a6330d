/** The check run's one-line title: the verdict a reviewer sees in the checks list. */
import type { Report } from "../model/report.ts";

export function checkTitle(report: Report): string {
  const pr = report.pullRequest;
  if (!report.plan.valid) return "The plan on the base branch is invalid";
  if (!pr) return "Plan evaluated";
  if (pr.warnings.some((w) => w.code === "plan-invalid"))
    return "The plan in this pull request is invalid";
  const titles = (ids: string[]) =>
    ids.map((id) => report.milestones.find((m) => m.id === id)?.title ?? id).join(", ");
  if (pr.regresses.length > 0) return `Merging this un-achieves ${titles(pr.regresses)}`;
  if (pr.achieves.length > 0) return `Merging this achieves ${titles(pr.achieves)}`;
  if (!pr.aligned) return "Serves no deliverable of the plan";
  const served =
    pr.deliverables.length === 1 ? "1 deliverable" : `${pr.deliverables.length} deliverables`;
  const warned =
    pr.warnings.length > 0
      ? `, ${pr.warnings.length} warning${pr.warnings.length === 1 ? "" : "s"}`
      : "";
  return `Serves ${served} (${titles(pr.milestones) || "no milestone"})${warned}`;
}
