/**
 * Runs one coalesced batch of work for a repository: plan checks on pushed commits, then
 * the repository evaluation and sync, then pull request checks (after the sync, so they see
 * the milestones it just created). Each step's failure is logged and does not skip the rest;
 * when a step failed, the run ends with a WorkFailedError so the queue does not count the
 * deliveries behind it as done (a redelivery, or a retry in Redis mode, runs them again).
 */
import { CheckRunForbiddenError } from "../github/types.ts";
import { checkPlanAtCommit } from "./plan-check.ts";
import { checkPullRequest } from "./pull-request-check.ts";
import { describe, WorkFailedError } from "./queue.ts";
import { type SyncOutcome, syncRepository } from "./sync-repository.ts";
import type { RepoWork } from "./work.ts";

export interface RunStats {
  /** Repository evaluations (syncs) run. */
  evaluations: number;
  pullRequestChecks: number;
  planChecks: number;
  failures: number;
}

export function newRunStats(): RunStats {
  return { evaluations: 0, pullRequestChecks: 0, planChecks: 0, failures: 0 };
}

export async function runWork(params: {
  work: RepoWork;
  planPath?: string;
  noPlanSeen: Set<string>;
  stats: RunStats;
  now?: () => Date;
  onSynced?: (outcome: SyncOutcome) => void;
}): Promise<void> {
  const { work, stats } = params;
  const { owner, repo, log } = work;
  const where = `${owner}/${repo}`;
  let client: Awaited<ReturnType<RepoWork["client"]>>;
  try {
    client = await work.client();
  } catch (error) {
    stats.failures++;
    log.error(`plan-align: ${where}: no installation token from GitHub: ${describe(error)}`);
    throw new WorkFailedError("no installation token");
  }
  const clock = params.now ? { now: params.now } : {};
  const failed: string[] = [];
  const step = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (error) {
      stats.failures++;
      if (error instanceof CheckRunForbiddenError) {
        // A permission only the owner can grant: running it again would fail again.
        log.warn(
          `plan-align: ${what} in ${where}: the app may not write check runs; grant it "checks: write"`,
        );
      } else {
        failed.push(what);
        log.error(`plan-align: ${what} in ${where} failed: ${describe(error)}`);
      }
    }
  };
  log.debug(`plan-align: ${where}: running work for ${work.events.join(", ")}`);

  for (const c of work.planChecks) {
    await step(`plan check of ${c.path} at ${c.sha.slice(0, 7)}`, async () => {
      stats.planChecks++;
      await checkPlanAtCommit({ client, owner, repo, log, sha: c.sha, path: c.path });
    });
  }
  if (work.sync) {
    await step("evaluation", async () => {
      stats.evaluations++;
      const outcome = await syncRepository({
        client,
        owner,
        repo,
        log,
        serverUrl: work.serverUrl,
        noPlanSeen: params.noPlanSeen,
        ...(params.planPath ? { planPath: params.planPath } : {}),
        ...clock,
      });
      params.onSynced?.(outcome);
    });
  }
  for (const pr of work.pullRequests) {
    await step(`check of pull request #${pr.number}`, async () => {
      stats.pullRequestChecks++;
      await checkPullRequest({
        client,
        owner,
        repo,
        log,
        number: pr.number,
        baseRef: pr.baseRef,
        ...(pr.checkSha ? { checkSha: pr.checkSha } : {}),
        ...(params.planPath ? { planPath: params.planPath } : {}),
        ...clock,
      });
    });
  }
  if (failed.length > 0) throw new WorkFailedError(`${failed.join(", ")} failed`);
}
