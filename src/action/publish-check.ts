/**
 * Posts the `plan-align` check run; when the token may not (a fork's read-only token answers
 * 403), the same findings go out as workflow-command annotations instead, with a notice that
 * says why — the job summary is written either way, so nothing is lost and nothing fails.
 */
import { writeCheckRun } from "../github/check-run.ts";
import { CheckRunForbiddenError, type GitHubClient, type RepoRef } from "../github/types.ts";
import { CHECK_NAME, type CheckContent } from "../render/check-content.ts";
import { annotateFindings } from "./annotate.ts";
import type { ActionCore } from "./core.ts";

export type Publish = (content: CheckContent) => Promise<{ posted: boolean }>;

export async function publishCheck(
  params: RepoRef &
    CheckContent & {
      core: ActionCore;
      client: GitHubClient;
      headSha: string;
      detailsUrl?: string;
    },
): Promise<{ posted: boolean }> {
  const { core } = params;
  try {
    const run = await writeCheckRun({
      client: params.client,
      owner: params.owner,
      repo: params.repo,
      name: CHECK_NAME,
      headSha: params.headSha,
      title: params.title,
      summary: params.summary,
      conclusion: params.conclusion,
      annotations: params.annotations,
      ...(params.detailsUrl ? { detailsUrl: params.detailsUrl } : {}),
    });
    core.info(`check run ${CHECK_NAME} posted: ${run.url || `#${run.id}`} (${params.conclusion})`);
    return { posted: true };
  } catch (error) {
    if (!(error instanceof CheckRunForbiddenError)) throw error;
    core.notice(
      "plan-align could not create its check run: the token is read-only (403), as it is for pull " +
        "requests from forks (or the workflow lacks `permissions: checks: write`). The report is in " +
        "the job summary and in these annotations instead. " +
        "To get the check run on fork pull requests, run the workflow on pull_request_target " +
        "(plan-align reads through the API and never checks out the pull request's code).",
      { title: "plan-align: check run not posted" },
    );
    // The verdict first: GitHub drops a step's annotations beyond 10 of a level, and the
    // verdict must not be the one dropped.
    const verdict = `plan-align: ${params.conclusion} — ${params.title}`;
    if (params.conclusion === "success") core.notice(verdict);
    else core.warning(verdict);
    annotateFindings({
      core,
      findings: params.annotations,
      reserved: {
        notice: params.conclusion === "success" ? 2 : 1,
        warning: params.conclusion === "success" ? 0 : 1,
        // A failure conclusion fails the step, which is one more error annotation.
        error: params.conclusion === "failure" ? 1 : 0,
      },
    });
    return { posted: false };
  }
}

/** Link from the check run to this workflow run's log and summary. */
export function runUrl(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}
