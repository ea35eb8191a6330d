/**
 * A review is signed off only when an APPROVER closes it as completed (docs/evaluation.md). These are
 * the review issues closed as completed by someone else: the milestone stays not achieved,
 * and the App tells them so on the issue (src/github/review-refusal.ts). Pure.
 */

import type { Report } from "../model/report.ts";
import type { Snapshot } from "../model/snapshot.ts";

export interface RefusedReview {
  issue: number;
  closedBy: string;
  milestoneTitle: string;
  approvers: string[];
}

/** Pure: review issues closed as completed by someone who is not an approver. */
export function refusedReviews(report: Report, snapshot: Snapshot): RefusedReview[] {
  const out: RefusedReview[] = [];
  for (const m of report.milestones) {
    const review = m.review;
    if (!review || review.signedOff || review.issue === null) continue;
    const issue = snapshot.issues.find((i) => i.number === review.issue);
    if (issue?.state !== "closed" || !issue.closedBy) continue;
    if (issue.stateReason === "not_planned" || issue.stateReason === "duplicate") continue;
    const approvers = new Set(review.approvers.map((a) => a.toLowerCase()));
    if (approvers.has(issue.closedBy.toLowerCase())) continue;
    out.push({
      issue: issue.number,
      closedBy: issue.closedBy,
      milestoneTitle: m.title,
      approvers: review.approvers,
    });
  }
  return out;
}
