/**
 * One milestone in detail (due date, status, requirements, deliverables, review), and the status
 * and GitHub cells its table row shares.
 */
import type { MilestoneResult } from "../../model/report.ts";
import { plural } from "../../model/words.ts";
import { describeDaysLeft } from "../format.ts";
import { milestoneTitle } from "../lookups.ts";
import type { Ctx } from "./context.ts";
import { deliverableLines } from "./deliverables.ts";

export function status(m: MilestoneResult): string {
  if (m.achieved) return "Achieved";
  if (m.overdue) return `Not achieved · ⏰ **overdue** by ${plural(-m.daysLeft, "day")}`;
  if (m.atRisk) return `Not achieved · ⚠️ **at risk**: ${describeDaysLeft(m.daysLeft)}`;
  if (m.due === null) return "Not achieved (no due date)";
  return `Not achieved (${describeDaysLeft(m.daysLeft)})`;
}

export function githubCell(m: MilestoneResult): string {
  if (m.githubMilestone === null) return "not created yet";
  return `#${m.githubMilestone} ${m.githubState ?? ""}`.trim();
}

export function milestoneDetail(ctx: Ctx, m: MilestoneResult): string {
  const facts = [
    m.due ? `Due ${m.due}` : "No due date",
    status(m),
    `${m.criteria.met} of ${m.criteria.total} criteria met`,
  ];
  if (m.githubMilestone !== null) facts.push(`GitHub milestone ${githubCell(m)}`);
  const lines = [facts.join(" · "), ""];
  for (const r of m.requires) {
    lines.push(
      `- ${r.achieved ? "✅" : "❌"} Requires ${ctx.name(milestoneTitle(ctx.report, r.id))}: ${r.achieved ? "achieved" : "not achieved"}`,
    );
  }
  for (const d of m.deliverables) lines.push(...deliverableLines(ctx, d));
  if (m.review) {
    const who = m.review.approvers.map((a) => ctx.text(a)).join(", ");
    const icon = m.review.signedOff ? "✅" : "⏳";
    const issue = m.review.issue === null ? "" : ` (#${m.review.issue})`;
    lines.push(`- ${icon} Review by ${who}${issue}: ${ctx.text(m.review.detail)}`);
  }
  return lines.join("\n");
}
