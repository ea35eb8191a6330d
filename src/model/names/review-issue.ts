/**
 * A milestone's review issue: its title (`Milestone review: <milestone title>`), the hidden
 * marker in its body naming the plan milestone, and the marker of the comment plan-align
 * leaves when someone who is not an approver closes it. Writers and readers side by side.
 */
import { ISSUE_TITLE_CHARS } from "../github-limits.ts";

export const REVIEW_TITLE_PREFIX = "Milestone review: ";

/** The longest milestone title whose review issue title GitHub still accepts. */
export const MAX_REVIEWED_MILESTONE_TITLE = ISSUE_TITLE_CHARS - REVIEW_TITLE_PREFIX.length;

/** The review issue's title for a milestone title (one that already has the prefix is kept). */
export function reviewIssueTitle(milestoneTitle: string): string {
  return milestoneTitle.startsWith(REVIEW_TITLE_PREFIX)
    ? milestoneTitle
    : REVIEW_TITLE_PREFIX + milestoneTitle;
}

/** The milestone title a review issue's title names, or null when it is not a review title. */
export function reviewedMilestoneTitle(issueTitle: string): string | null {
  return issueTitle.startsWith(REVIEW_TITLE_PREFIX)
    ? issueTitle.slice(REVIEW_TITLE_PREFIX.length)
    : null;
}

/**
 * Whether an issue labelled `plan-align:review` is the review issue of a milestone: it is in
 * that milestone's GitHub milestone, or titled `Milestone review: <title>` — so a review issue
 * the team renamed still counts.
 */
export function isReviewIssueOf(
  issue: { title: string; milestone: number | null },
  milestone: { title: string; githubNumber: number | null },
): boolean {
  if (milestone.githubNumber !== null && issue.milestone === milestone.githubNumber) return true;
  return issue.title.trim() === reviewIssueTitle(milestone.title).trim();
}

/** The hidden line at the end of a review issue's body, naming the plan milestone. */
export function reviewBodyMarker(milestoneId: string): string {
  return `<!-- plan-align:review=${milestoneId} -->`;
}

/**
 * The hidden marker of the comment on a review closed by a non-approver: one comment per
 * closer, so a second run (or a second process) finds it and does not comment again.
 */
export function refusalMarker(closedBy: string): string {
  return `<!-- plan-align:review-not-signed-off by=${closedBy.toLowerCase()} -->`;
}
