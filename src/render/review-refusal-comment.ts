/**
 * The comment on a review issue closed by someone who is not one of its approvers: it does
 * not sign the milestone off, and says how to. The milestone title is plan text, escaped for
 * an issue comment; logins are shown as code, so nobody is notified by it.
 */
import type { RefusedReview } from "../evaluate/refused-reviews.ts";
import { code, mdIssueText } from "./escape.ts";

export function refusalComment(r: RefusedReview, marker: string): string {
  const who = r.approvers.map((a) => code(a)).join(", ");
  return [
    `This review was closed by ${code(r.closedBy)}, who is not one of its approvers (${who}), so it does **not** sign off milestone **${mdIssueText(r.milestoneTitle)}**, which stays not achieved.`,
    "",
    "To sign it off, one of the approvers reopens this issue and closes it as completed.",
    "",
    marker,
  ].join("\n");
}
