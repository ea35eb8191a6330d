/**
 * The `open-review` action: one review issue per milestone, ever. It re-reads GitHub first
 * and adopts any issue (open or closed) with the review label and title, so a second run, a
 * human-made issue or a declined review never produces a duplicate.
 */

import type { SyncAction } from "../model/actions.ts";
import { REVIEW_LABEL } from "../model/names/labels.ts";
import {
  isReviewIssueOf,
  reviewBodyMarker,
  reviewedMilestoneTitle,
  reviewIssueTitle,
} from "../model/names/review-issue.ts";
import { alreadyExists, createLabel, type RunContext } from "./apply-actions.ts";
import { statusOf } from "./read-plan.ts";
import type { ActionResult } from "./types.ts";

type OpenReview = Extract<SyncAction, { type: "open-review" }>;

export async function openReview(
  ctx: RunContext,
  action: OpenReview,
): Promise<Omit<ActionResult, "action">> {
  const { client, owner, repo } = ctx;
  const title = reviewIssueTitle(action.title);

  const milestoneNumber = action.number ?? ctx.milestoneNumbers.get(action.milestone) ?? null;
  const existing = await findReviewIssue(ctx, title, milestoneNumber);
  if (existing) {
    return {
      status: "adopted",
      detail: `review issue #${existing.number} already exists (${existing.state})`,
    };
  }
  const milestone = action.number ?? ctx.milestoneNumbers.get(action.milestone) ?? null;
  if (milestone === null) {
    return { status: "failed", detail: `milestone "${action.milestone}" does not exist on GitHub` };
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

function reviewBody(params: {
  action: OpenReview;
  milestoneTitle: string;
  reportUrl?: string;
}): string {
  const { action } = params;
  const lines = [
    `Everything milestone **${params.milestoneTitle}** needs is in, except this review.`,
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
  const clip = (e: string) =>
    e.length > MAX_EVIDENCE_CHARS ? `${e.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : e;
  const lines = evidence.slice(0, MAX_EVIDENCE_LINES).map((e) => `- ${clip(e)}`);
  if (evidence.length > MAX_EVIDENCE_LINES) {
    lines.push(`- …and ${evidence.length - MAX_EVIDENCE_LINES} more (see the plan dashboard)`);
  }
  return lines;
}
