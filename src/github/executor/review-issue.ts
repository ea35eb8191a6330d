/**
 * The `open-review` action: one review issue per milestone, ever. It re-reads GitHub first
 * and adopts any issue (open or closed) with the review label and title, so a second run, a
 * human-made issue or a declined review never produces a duplicate.
 */

import type { ActionOf } from "../../model/actions.ts";
import { REVIEW_LABEL } from "../../model/names/labels.ts";
import {
  isReviewIssueOf,
  reviewedMilestoneTitle,
  reviewIssueTitle,
} from "../../model/names/review-issue.ts";
import { reviewBody } from "../../render/review-issue-body.ts";
import { alreadyExists, statusOf } from "../errors.ts";
import { milestoneNumberOf, missingMilestone, type Outcome, type RunContext } from "./context.ts";
import { createLabel } from "./label.ts";

export async function openReview(
  ctx: RunContext,
  action: ActionOf<"open-review">,
): Promise<Outcome> {
  const { client, owner, repo } = ctx;
  const title = reviewIssueTitle(action.title);

  const existing = await findReviewIssue(ctx, title, milestoneNumberOf(ctx, action));
  if (existing) {
    return {
      status: "adopted",
      detail: `review issue #${existing.number} already exists (${existing.state})`,
    };
  }
  const milestone = milestoneNumberOf(ctx, action);
  if (milestone === null) {
    return missingMilestone(`milestone "${action.milestone}" does not exist on GitHub`);
  }
  await createLabel({ ...ctx, ...REVIEW_LABEL });

  const body = reviewBody({
    action,
    milestoneTitle: reviewedMilestoneTitle(title) ?? title,
    reportUrl: ctx.reportUrl,
  });
  const create = (assignees: string[]) =>
    client.rest.issues.create({
      owner,
      repo,
      title,
      body,
      labels: [REVIEW_LABEL.name],
      milestone,
      ...(assignees.length > 0 ? { assignees } : {}),
    });
  let created: Awaited<ReturnType<typeof create>>;
  try {
    created = await create(action.approvers);
  } catch (error) {
    // An approver who cannot be assigned (no access to the repository) must not block the
    // review: the body @-mentions every approver anyway.
    if (statusOf(error) !== 422 || alreadyExists(error) || action.approvers.length === 0)
      throw error;
    ctx.log.warn(
      `could not assign ${action.approvers.join(", ")} to "${title}"; creating it unassigned`,
    );
    created = await create([]);
  }
  return { status: "applied", detail: `opened review issue #${created.data.number}` };
}

async function findReviewIssue(
  ctx: RunContext,
  title: string,
  milestone: number | null,
): Promise<{ number: number; state: string } | null> {
  const issues = await ctx.client.paginate(ctx.client.rest.issues.listForRepo, {
    owner: ctx.owner,
    repo: ctx.repo,
    labels: REVIEW_LABEL.name,
    state: "all",
    per_page: 100,
  });
  // Renamed review issues still count: one in the milestone is its review (isReviewIssueOf).
  const hit = issues.find(
    (i) =>
      !i.pull_request &&
      isReviewIssueOf(
        { title: i.title, milestone: i.milestone?.number ?? null },
        { title: reviewedMilestoneTitle(title) ?? title, githubNumber: milestone },
      ),
  );
  return hit ? { number: hit.number, state: hit.state } : null;
}
