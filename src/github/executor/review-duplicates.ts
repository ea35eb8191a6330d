/**
 * Two processes evaluating one repository at the same moment can both find no review issue
 * and both open one (GitHub has no unique constraint on issue titles). So after a run that
 * opened reviews, the executor re-lists the review issues: for each milestone it opened one
 * for, when several are open, the lowest-numbered is kept and the others are closed as not
 * planned — which is never a sign-off — with a note pointing at the kept one on top of the
 * body; never deleted. Every process picks the same lowest number, so they all converge.
 */
import { REVIEW_LABEL } from "../../model/names/labels.ts";
import { reviewIssueTitle as reviewTitle } from "../../model/names/review-issue.ts";
import type { ActionResult, GitHubClient, Logger, RepoRef } from "../types.ts";

/** Closes the duplicates of the reviews opened in `results`; returns how many it closed. */
export async function closeDuplicateReviews(
  params: RepoRef & { client: GitHubClient; log: Logger; results: ActionResult[] },
): Promise<number> {
  const { client, owner, repo, log } = params;
  const opened = new Set<string>();
  for (const r of params.results) {
    if (r.action.type === "open-review" && r.status === "applied") {
      opened.add(reviewTitle(r.action.title).trim());
    }
  }
  if (opened.size === 0) return 0;
  const issues = await client.paginate(client.rest.issues.listForRepo, {
    owner,
    repo,
    labels: REVIEW_LABEL.name,
    state: "open",
    per_page: 100,
  });
  const byTitle = new Map<string, { number: number; body: string }[]>();
  for (const i of issues) {
    const title = i.title.trim();
    if (i.pull_request || !opened.has(title)) continue;
    byTitle.set(title, [...(byTitle.get(title) ?? []), { number: i.number, body: i.body ?? "" }]);
  }
  let closed = 0;
  for (const same of byTitle.values()) {
    const [keep, ...extra] = same.sort((a, b) => a.number - b.number);
    if (!keep) continue;
    for (const dup of extra) {
      // One write: the note goes on top of the body, and the issue is closed.
      await client.rest.issues.update({
        owner,
        repo,
        issue_number: dup.number,
        state: "closed",
        state_reason: "not_planned",
        body: `**Duplicate of #${keep.number}**: two plan-align processes opened this review at the same moment. Sign off in #${keep.number}.\n\n${dup.body}`,
      });
      log.warn(
        `plan-align: closed duplicate review issue #${dup.number} in ${owner}/${repo}; #${keep.number} is the review`,
      );
      closed++;
    }
  }
  return closed;
}
