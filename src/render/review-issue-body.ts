/**
 * The body of a review issue: what the milestone needs, who signs it off and how, its
 * evidence (bounded: GitHub refuses an issue body over 65,536 characters), and the hidden
 * marker that names the plan milestone. The milestone's title and the evidence are text from
 * the plan and from GitHub: escaped for an issue body (no markup, no mention, no control
 * character); the approvers are @-mentioned on purpose.
 */
import type { ActionOf } from "../model/actions.ts";
import { reviewBodyMarker } from "../model/names/review-issue.ts";
import { mdIssueText } from "./escape.ts";

export function reviewBody(params: {
  action: ActionOf<"open-review">;
  milestoneTitle: string;
  reportUrl?: string;
}): string {
  const { action } = params;
  const lines = [
    `Everything milestone **${mdIssueText(params.milestoneTitle)}** needs is in, except this review.`,
    "",
    `Approvers: ${action.approvers.map((a) => `@${a}`).join(", ")}. One of you signs it off by closing this issue as **completed**; closing it as *not planned* declines it.`,
    "",
    "### Evidence",
    ...evidenceLines(action.evidence),
    ...(action.risks
      ? ["", "### Fired risks on this milestone", ...evidenceLines(action.risks)]
      : []),
  ];
  if (params.reportUrl) lines.push("", `Full report: ${params.reportUrl}`);
  lines.push("", reviewBodyMarker(action.milestone));
  return lines.join("\n");
}

/** Evidence lines shown in a review issue; the rest are counted (see ISSUE_BODY_LIMIT). */
const MAX_EVIDENCE_LINES = 100;
const MAX_EVIDENCE_CHARS = 500;

/**
 * GitHub refuses an issue body over 65,536 characters (422), which would leave a large
 * milestone without its review forever: at most 100 lines of at most 500 characters each
 * (about 50,000 characters, well within the limit with the rest of the body).
 */
function evidenceLines(evidence: string[]): string[] {
  if (evidence.length === 0) return ["- (none recorded)"];
  const lines = evidence
    .slice(0, MAX_EVIDENCE_LINES)
    .map((e) => `- ${mdIssueText(e, MAX_EVIDENCE_CHARS)}`);
  if (evidence.length > MAX_EVIDENCE_LINES) {
    lines.push(`- …and ${evidence.length - MAX_EVIDENCE_LINES} more (see the plan dashboard)`);
  }
  return lines;
}
