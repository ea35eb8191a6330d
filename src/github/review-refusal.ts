/**
 * A review is signed off only when an APPROVER closes it as completed. When
 * someone else closes it, the milestone stays unachieved — and the issue says so, once per
 * closer, so the people watching it are not left believing it was signed off. Which reviews
 * those are is pure (src/evaluate/refused-reviews.ts); this posts the comments.
 */

import type { RefusedReview } from "../evaluate/refused-reviews.ts";
import { refusalMarker } from "../model/names/review-issue.ts";
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
    const who = r.approvers.map((a) => `\`${a}\``).join(", ");
    await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: r.issue,
      body: [
        `This review was closed by \`${r.closedBy}\`, who is not one of its approvers (${who}), so it does **not** sign off milestone **${r.milestoneTitle}**, which stays not achieved.`,
        "",
        "To sign it off, one of the approvers reopens this issue and closes it as completed.",
        "",
        marker,
      ].join("\n"),
    });
    params.log.info(
      `plan-align: review #${r.issue} in ${owner}/${repo} closed by non-approver ${r.closedBy}; commented`,
    );
    posted++;
  }
  return posted;
}
