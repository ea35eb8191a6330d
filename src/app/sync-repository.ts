/**
 * One evaluation of a repository by the App: the port's sync with the App's parts (the
 * dashboard issue, answers to reviews closed by non-approvers), and what only the App's log
 * says — "no plan" once per repository, not on every event, and that an invalid plan synced
 * nothing (its findings are on the dashboard).
 */

import { appPlanCache } from "../github/plan-cache.ts";
import { type SyncedOutcome, syncRepository as syncOnGitHub } from "../github/sync-repository.ts";
import type { GitHubClient, Logger, RepoRef } from "../github/types.ts";

export type SyncOutcome = SyncedOutcome;

export interface SyncRepositoryParams extends RepoRef {
  client: GitHubClient;
  log: Logger;
  serverUrl: string;
  planPath?: string;
  /** Repositories already told "no plan", so the log says it once, not on every event. */
  noPlanSeen: Set<string>;
  now?: () => Date;
}

export async function syncRepository(params: SyncRepositoryParams): Promise<SyncOutcome> {
  const { owner, repo, log, noPlanSeen } = params;
  const outcome = await syncOnGitHub({
    client: params.client,
    owner,
    repo,
    log,
    ...(params.planPath ? { planPath: params.planPath } : {}),
    plans: appPlanCache,
    answerRefusedReviews: true,
    dashboard: { serverUrl: params.serverUrl },
    ...(params.now ? { now: params.now } : {}),
  });
  const key = `${owner}/${repo}`.toLowerCase();
  if (outcome.status === "no-plan") {
    if (!noPlanSeen.has(key)) {
      noPlanSeen.add(key);
      log.info(
        `plan-align: ${owner}/${repo} has no plan (${params.planPath ?? ".github/plan.yml"}) on its default branch; nothing to do until one is added`,
      );
    }
    return outcome;
  }
  noPlanSeen.delete(key);
  if (outcome.status === "invalid-plan") {
    const errors = outcome.loaded.findings.filter((f) => f.severity === "error").length;
    log.warn(
      `plan-align: the plan of ${owner}/${repo} is invalid (${errors} errors); nothing synced`,
    );
  }
  return outcome;
}
