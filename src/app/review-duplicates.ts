/**
 * Two app processes evaluating one repository at the same moment can both find no review
 * issue and both open one (GitHub has no unique constraint on issue titles). After a run
 * that opened a review, the App re-reads the review issues; when one milestone has several
 * open, everyone keeps the lowest-numbered and the others are closed as duplicates — closed
 * as not planned, which is never a sign-off, and never deleted. All processes converge on
 * the same issue because they all pick the lowest number.
 */
import type { ActionResult, GitHubClient, Logger, RepoRef } from "../github/types.ts";

const REVIEW_LABEL = "plan-align:review";

export async function closeDuplicateReviews(
  params: RepoRef & { client: GitHubClient; log: Logger; results: ActionResult[] },
): Promise<number> {
  const { client, owner, repo, log } = params;
  const opened = params.results.some(
    (r) => r.action.type === "open-review" && r.status === "applied",
  );
  if (!opened) return 0;
  const issues = await client.paginate(client.rest.issues.listForRepo, {
    owner,
    repo,
    labels: REVIEW_LABEL,
    state: "open",
    per_page: 100,
  });
  const byTitle = new Map<string, number[]>();
  const bodies = new Map<number, string>();
  for (const i of issues) {
    if (i.pull_request) continue;
    const key = i.title.trim();
    byTitle.set(key, [...(byTitle.get(key) ?? []), i.number]);
    bodies.set(i.number, i.body ?? "");
  }
  let closed = 0;
  for (const numbers of byTitle.values()) {
    const [keep, ...extra] = numbers.sort((a, b) => a - b);
    for (const n of extra) {
      // One write: the note goes on top of the body, and the issue is closed.
      await client.rest.issues.update({
        owner,
        repo,
        issue_number: n,
        state: "closed",
        state_reason: "not_planned",
        body: `**Duplicate of #${keep}**: two plan-align processes opened this review at the same moment. Sign off in #${keep}.\n\n${bodies.get(n) ?? ""}`,
      });
      log.warn(
        `plan-align: closed duplicate review issue #${n} in ${owner}/${repo}; #${keep} is the review`,
      );
      closed++;
    }
  }
  return closed;
}
