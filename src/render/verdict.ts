import type { Report } from "../model/report.ts";
import { visible } from "../model/visible-text.ts";
import { joinAnd, plural } from "../model/words.ts";
import { milestoneTitle } from "./lookups.ts";

export interface Verdict {
  icon: string;
  /** The sentence that opens every rendering; names pass through `strong`, paths through `code`. */
  text: string;
  /**
   * The check run's title in the checks list: the same sentence in plain text, without its
   * trailing advice. One exception, a pull request that serves no deliverable: the list
   * already shows "neutral" or "failure" beside it, so it says what the pull request does.
   */
  title: string;
}

interface Style {
  strong?: (t: string) => string;
  code?: (t: string) => string;
}

/** What the report says about a pull request that serves no deliverable of the plan. */
export const SERVES_NO_DELIVERABLE = "Serves no deliverable of the plan";

/**
 * The one verdict of a report, worded once: for a pull request what merging it does, for
 * the repository how many milestones are achieved and what needs attention. The Markdown
 * and terminal reports open with `text`; the check run is titled with `title`.
 */
export function verdict(report: Report, style: Style = {}): Verdict {
  const styled = sentence(report, style);
  const plain = sentence(report, {});
  return {
    icon: styled.icon,
    text: styled.advice ? `${styled.text}; ${styled.advice}` : styled.text,
    title: visible(plain.title ?? plain.text),
  };
}

function sentence(
  report: Report,
  style: Style,
): { icon: string; text: string; advice?: string; title?: string } {
  const strong = style.strong ?? ((t: string) => t);
  const code = style.code ?? ((t: string) => t);
  const title = (id: string) => strong(milestoneTitle(report, id));
  if (!report.plan.valid) {
    const errors = report.plan.findings.filter((f) => f.severity === "error").length;
    return {
      icon: "❌",
      text: `The plan ${code(report.plan.path)} is invalid (${plural(errors, "error")})`,
      advice: "nothing is evaluated or synced until it is fixed",
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
      return {
        icon: level === "fail" ? "❌" : "⚠️",
        text: "Not linked to any deliverable",
        title: SERVES_NO_DELIVERABLE,
      };
    }
    const icon = pr.conclusion === "success" ? "✅" : pr.conclusion === "neutral" ? "⚠️" : "❌";
    const served = pr.milestones.length
      ? ` of ${joinAnd(pr.milestones.map(title))}`
      : " (in no milestone)";
    const warned = pr.warnings.length ? ` · ${plural(pr.warnings.length, "warning")}` : "";
    return {
      icon,
      text: `Serves ${plural(pr.deliverables.length, "deliverable")}${served}${warned}`,
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
