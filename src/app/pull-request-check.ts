/**
 * The `plan-align` check run on a pull request, for teams that install only the App: the
 * same pipeline, title, Markdown and annotations as the Action's check mode — judged against
 * the plan on the BASE branch, so a pull request cannot lower the bar it is measured by.
 * Off when the plan says `settings.pull_requests.check: false`. A merge queue's group is
 * judged as the pull request it adds, with the check run on the group's head commit.
 */
import { writeCheckRun } from "../github/check-run.ts";
import { evaluateLoadedPlan, readPlanOnGitHub } from "../github/evaluate-on-github.ts";
import { appPlanCache } from "../github/plan-cache.ts";
import type { GitHubClient, Logger, RepoRef } from "../github/types.ts";
import type { Conclusion } from "../model/report.ts";
import { CHECK_NAME, checkContent } from "../render/check-content.ts";

export type PullRequestCheckOutcome =
  | { status: "posted"; conclusion: Conclusion; title: string }
  | { status: "skipped"; reason: string };

export async function checkPullRequest(
  params: RepoRef & {
    client: GitHubClient;
    log: Logger;
    number: number;
    baseRef: string;
    /** The commit the check run goes on, when not the pull request's head (a merge group's). */
    checkSha?: string;
    planPath?: string;
    now?: () => Date;
  },
): Promise<PullRequestCheckOutcome> {
  const { client, owner, repo, log, number } = params;
  const plan = await readPlanOnGitHub({
    plans: appPlanCache,
    client,
    owner,
    repo,
    ref: params.baseRef,
    ...(params.planPath ? { planPath: params.planPath } : {}),
  });
  // No plan on the base branch: this repository (or branch) does not use plan-align.
  if (!plan) return { status: "skipped", reason: `no plan on ${params.baseRef}` };
  if (plan.loaded.plan && !plan.loaded.plan.settings.pull_requests.check) {
    return { status: "skipped", reason: "settings.pull_requests.check is false" };
  }

  const { snapshot, report } = await evaluateLoadedPlan({
    client,
    owner,
    repo,
    ...plan,
    pr: number,
    log,
    ...(params.now ? { now: params.now } : {}),
  });
  const pr = snapshot.pullRequests.find((p) => p.number === number);
  if (!pr?.headSha || pr.state !== "open") {
    return { status: "skipped", reason: `pull request #${number} is not open` };
  }
  const content = checkContent(report);
  const { title, conclusion } = content;
  await writeCheckRun({
    client,
    owner,
    repo,
    name: CHECK_NAME,
    headSha: params.checkSha ?? pr.headSha,
    ...content,
  });
  const where = params.checkSha ? ` (merge group ${params.checkSha.slice(0, 7)})` : "";
  log.info(`plan-align: checked ${owner}/${repo}#${number}${where}: ${conclusion} — ${title}`);
  return { status: "posted", conclusion, title };
}
