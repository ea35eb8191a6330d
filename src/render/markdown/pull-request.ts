/**
 * "### Pull request #N": what it serves, its conclusion, its warnings and the findings of its head
 * plan.
 */
import { joinAnd } from "../../model/words.ts";
import { deliverableTitle, milestoneTitle } from "../lookups.ts";
import { SERVES_NO_DELIVERABLE } from "../verdict.ts";
import { WARNING_TITLES } from "../warning-titles.ts";
import { type Ctx, capped } from "./context.ts";
import { findingLine } from "./plan-findings.ts";

export function pullRequestSection(ctx: Ctx): string {
  const pr = ctx.report.pullRequest;
  if (!pr) return "";
  const title = pr.title ? `: ${ctx.text(pr.title)}` : "";
  const lines = [`### Pull request #${pr.number}${title}`];
  const served = pr.deliverables.map((id) => ctx.name(deliverableTitle(ctx.report, id)));
  const milestones = pr.milestones.map((id) => ctx.name(milestoneTitle(ctx.report, id)));
  lines.push(
    served.length
      ? `Serves ${joinAnd(served)}${milestones.length ? ` → ${joinAnd(milestones)}` : " (in no milestone)"}.`
      : `${SERVES_NO_DELIVERABLE}.`,
  );
  lines.push(`Conclusion: **${pr.conclusion}**.`);
  if (pr.warnings.length) {
    lines.push("");
    lines.push(
      ...capped(ctx, pr.warnings, "warning", (w) => {
        const icon = w.level === "fail" || w.code === "plan-invalid" ? "❌" : "⚠️";
        return `- ${icon} **${WARNING_TITLES[w.code]}**: ${ctx.text(w.message)}`;
      }),
    );
  }
  const headFindings = pr.headPlanFindings ?? [];
  if (headFindings.length) {
    lines.push("", "Findings of the plan at the head of this pull request:", "");
    lines.push(...capped(ctx, headFindings, "finding", (f) => findingLine(ctx, f)));
  }
  return lines.join("\n");
}
