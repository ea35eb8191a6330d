import type { Report } from "../model/report.ts";
import { joinAnd, plural } from "../model/words.ts";

export interface Verdict {
  icon: string;
  /** The sentence; names are passed through `strong`. */
  text: string;
}

/**
 * The one-line verdict that opens every rendering: for a pull request what merging it
 * does, for the repository how many milestones are achieved and what needs attention.
 */
export function verdict(
  report: Report,
  style: { strong?: (t: string) => string; code?: (t: string) => string } = {},
): Verdict {
  const strong = style.strong ?? ((t: string) => t);
  const code = style.code ?? ((t: string) => t);
  const title = (id: string) => strong(report.milestones.find((m) => m.id === id)?.title ?? id);
  if (!report.plan.valid) {
    const errors = report.plan.findings.filter((f) => f.severity === "error").length;
    return {
      icon: "❌",
      text: `The plan ${code(report.plan.path)} is invalid (${plural(errors, "error")}); nothing is evaluated or synced until it is fixed`,
    };
  }
  const pr = report.pullRequest;
  if (pr) {
    const codes = new Set(pr.warnings.map((w) => w.code));
    if (codes.has("plan-invalid")) {
      return { icon: "❌", text: "The plan at the head of this pull request is invalid" };
    }
    const lost = pr.regresses.map(title);
    const lostText = `${joinAnd(lost)} ${lost.length === 1 ? "is" : "are"} no longer achieved after merging`;
    if (pr.achieves.length) {
      return {
        icon: lost.length ? "⚠️" : "🎯",
        text: `Merging this achieves ${joinAnd(pr.achieves.map(title))}${lost.length ? `, but ${lostText}` : ""}`,
      };
    }
    if (lost.length) return { icon: "⚠️", text: lostText };
    if (codes.has("unlinked")) {
      const level = pr.warnings.find((w) => w.code === "unlinked")?.level;
      return { icon: level === "fail" ? "❌" : "⚠️", text: "Not linked to any deliverable" };
    }
    const icon = pr.conclusion === "success" ? "✅" : pr.conclusion === "neutral" ? "⚠️" : "❌";
    const served = pr.milestones.length
      ? ` of ${joinAnd(pr.milestones.map(title))}`
      : " (in no milestone)";
    return {
      icon,
      text: `Serves ${plural(pr.deliverables.length, "deliverable")}${served}`,
    };
  }
  const achieved = report.milestones.filter((m) => m.achieved).length;
  const overdue = report.milestones.filter((m) => m.overdue).length;
  const atRisk = report.milestones.filter((m) => m.atRisk).length;
  const parts = [
    strong(`${achieved} of ${plural(report.milestones.length, "milestone")} achieved`),
  ];
  if (overdue) parts.push(`${overdue} overdue`);
  if (atRisk) parts.push(`${atRisk} at risk`);
  if (report.actions.length) parts.push(plural(report.actions.length, "planned change"));
  return { icon: overdue ? "⏰" : atRisk ? "⚠️" : "📋", text: parts.join(" · ") };
}
