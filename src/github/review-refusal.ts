/**
 * A review is signed off only when an APPROVER closes it as completed. When
 * someone else closes it, the milestone stays unachieved — and the issue says so, once per
 * closer, so the people watching it are not left believing it was signed off. Which reviews
 * those are is pure (src/evaluate/refused-reviews.ts); this posts the comments.
 */

import type { RefusedReview } from "../evaluate/refused-reviews.ts";
import { refusalMarker } from "../model/names/review-issue.ts";
import { refusalComment } from "../render/review-refusal-comment.ts";
import type { GitHubClient, Logger, RepoRef } from "./types.ts";

/** Comments on each refused review issue, unless this closer was already told. */
export async function commentOnRefusedReviews(
  params: RepoRef & { client: GitHubClient; log: Logger; refused: RefusedReview[] },
): Promise<number> {
  const { client, owner, repo } = params;
  let posted = 0;
  for (const r of params.refused) {
    const marker = refusalMarker(r.closedBy);
    const comments = await client.paginate(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: r.issue,
      per_page: 100,
    });
    if (comments.some((c) => (c.body ?? "").includes(marker))) continue;
    await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: r.issue,
      body: refusalComment(r, marker),
    });
    params.log.info(
      `plan-align: review #${r.issue} in ${owner}/${repo} closed by non-approver ${r.closedBy}; commented`,
    );
    posted++;
  }
  return posted;
}
