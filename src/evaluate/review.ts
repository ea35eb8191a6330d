/**
 * A milestone's review sign-off: the issue titled `Milestone review: <title>`, labelled
 * `plan-align:review`, closed as completed by one of the approvers. Logins are compared
 * case-insensitively, as GitHub treats them.
 */

import { reviewIssues } from "../criteria/snapshot-index.ts";
import { isReviewIssueOf, reviewIssueTitle } from "../model/names/review-issue.ts";
import type { MilestoneResult } from "../model/report.ts";
import type { SnapshotIssue } from "../model/snapshot.ts";
import type { Milestone } from "../plan/schema.ts";
import type { EvaluationContext } from "./context.ts";

type Review = NonNullable<MilestoneResult["review"]>;

function isCompleted(issue: SnapshotIssue): boolean {
  return (
    issue.state === "closed" &&
    issue.stateReason !== "not_planned" &&
    issue.stateReason !== "duplicate"
  );
}

/**
 * The review issues of one milestone, newest first: found through a lookup by GitHub milestone
 * and by title, so that a plan with many reviewed milestones does not compare every review
 * issue with every milestone. `isReviewIssueOf` stays the rule.
 */
function reviewIssuesOf(
  ctx: EvaluationContext,
  target: { title: string; githubNumber: number | null },
): SnapshotIssue[] {
  let lookup = ctx.reviewLookup;
  if (!lookup) {
    lookup = { byMilestone: new Map(), byTitle: new Map() };
    for (const issue of reviewIssues(ctx.index)) {
      if (issue.milestone !== null) push(lookup.byMilestone, issue.milestone, issue);
      push(lookup.byTitle, issue.title.trim(), issue);
    }
    ctx.reviewLookup = lookup;
  }
  const byNumber =
    target.githubNumber === null ? [] : (lookup.byMilestone.get(target.githubNumber) ?? []);
  const byTitle = lookup.byTitle.get(reviewIssueTitle(target.title).trim()) ?? [];
  return [...new Set([...byNumber, ...byTitle])]
    .filter((issue) => isReviewIssueOf(issue, target))
    .sort((a, b) => b.number - a.number);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function evaluateReview(params: {
  ctx: EvaluationContext;
  milestone: Milestone;
  /** The number of the GitHub milestone that belongs to it, or null. */
  githubNumber?: number | null;
}): Review | undefined {
  const { milestone } = params;
  if (!milestone.review) return undefined;
  const approvers = milestone.review.approvers;
  const approverKeys = new Set(approvers.map((a) => a.toLowerCase()));
  const title = reviewIssueTitle(milestone.title);
  const target = { title: milestone.title, githubNumber: params.githubNumber ?? null };
  const issues = reviewIssuesOf(params.ctx, target);
  const byApprover = (i: SnapshotIssue) =>
    isCompleted(i) && !!i.closedBy && approverKeys.has(i.closedBy.toLowerCase());

  const signed = issues.find(byApprover);
  if (signed) {
    return {
      approvers,
      issue: signed.number,
      signedOff: true,
      detail: `signed off by ${signed.closedBy} in #${signed.number}`,
    };
  }
  // Nothing signed off: report the open review issue if there is one, else the latest.
  const issue = issues.find((i) => i.state === "open") ?? issues[0];
  const who = approvers.join(", ");
  let detail: string;
  if (!issue) {
    detail = `no review issue "${title}" yet; it is opened when everything else is met`;
  } else if (issue.state === "open") {
    detail = `review issue #${issue.number} is open; one of ${who} must close it as completed`;
  } else if (!isCompleted(issue)) {
    detail = `review issue #${issue.number} was closed as ${issue.stateReason === "duplicate" ? "a duplicate" : "not planned"}, which is not a sign-off`;
  } else if (!issue.closedBy) {
    detail = `review issue #${issue.number} is closed, but who closed it is unknown; one of ${who} must close it`;
  } else {
    detail = `review issue #${issue.number} was closed by ${issue.closedBy}, who is not an approver (${who})`;
  }
  return { approvers, issue: issue?.number ?? null, signedOff: false, detail };
}
