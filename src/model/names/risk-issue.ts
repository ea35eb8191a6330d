/**
 * A fired risk's issue: its title (`Risk: <risk title>`) and the hidden marker in its body
 * naming the plan risk. One issue per risk, ever: an issue labelled `plan-align:risk` that
 * carries the marker (or, made by hand or renamed marker-less, the exact title) is that risk's
 * issue, open or closed. Writers and readers side by side.
 */
import { ISSUE_TITLE_CHARS } from "../github-limits.ts";

export const RISK_TITLE_PREFIX = "Risk: ";

/** The risk issue's title, cut to GitHub's limit. */
export function riskIssueTitle(riskTitle: string): string {
  const full = RISK_TITLE_PREFIX + riskTitle.replace(/\s+/g, " ").trim();
  const chars = [...full];
  return chars.length <= ISSUE_TITLE_CHARS
    ? full
    : `${chars.slice(0, ISSUE_TITLE_CHARS - 1).join("")}…`;
}

/** The hidden line at the end of a risk issue's body, naming the plan risk. */
export function riskBodyMarker(riskId: string): string {
  return `<!-- plan-align:risk=${riskId} -->`;
}

/** Whether an issue (already known to carry the risk label) is the issue of this risk. */
export function isRiskIssueOf(
  issue: { title: string; body?: string | null | undefined },
  risk: { id: string; title: string },
): boolean {
  if ((issue.body ?? "").includes(riskBodyMarker(risk.id))) return true;
  return issue.title.trim() === riskIssueTitle(risk.title);
}
