/**
 * One evaluation of a repository by the App (docs/app.md):
 *   1. read the plan from the default branch — none: do nothing, say so once in the log;
 *   2. load the snapshot the plan needs, build the report (pure core);
 *   3. valid plan: apply the sync actions; invalid: change nothing on GitHub;
 *   4. tell a non-approver who closed a review that it is not a sign-off;
 *   5. render the dashboard and create or edit its issue (only when its text changed).
 */

import { achievedDates, afterActions } from "../github/after-actions.ts";
import { applyActions } from "../github/apply-actions.ts";
import { findDashboard, upsertDashboard } from "../github/dashboard-issue.ts";
import { evaluateOnGitHub } from "../github/evaluate-on-github.ts";
import { commentOnRefusedReviews } from "../github/review-refusal.ts";
import type { ActionResult, GitHubClient, Logger, RepoRef } from "../github/types.ts";
import type { Report } from "../model/report.ts";
import { renderDashboard } from "../report/dashboard.ts";
import { refusedReviews } from "../report/refused-reviews.ts";

export interface SyncOutcome {
  status: "no-plan" | "invalid-plan" | "synced";
  report?: Report;
  results: ActionResult[];
  dashboard?: { number: number; changed: boolean };
}

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
  const { client, owner, repo, log } = params;
  const key = `${owner}/${repo}`.toLowerCase();
  const clock = params.now ? { now: params.now } : {};

  // 1–2. The plan on the default branch, the snapshot it needs, and the report.
  const evaluation = await evaluateOnGitHub({
    client,
    owner,
    repo,
    ...(params.planPath ? { planPath: params.planPath } : {}),
    log,
    ...clock,
  });
  if (!evaluation.planFile) {
    if (!params.noPlanSeen.has(key)) {
      params.noPlanSeen.add(key);
      log.info(
        `plan-align: ${owner}/${repo} has no plan (${params.planPath ?? ".github/plan.yml"}) on its default branch; nothing to do until one is added`,
      );
    }
    return { status: "no-plan", results: [] };
  }
  params.noPlanSeen.delete(key);
  const { loaded, snapshot, report } = evaluation;
  const existing = await findDashboard({ client, owner, repo });

  // 3. The sync — never from an invalid plan.
  let results: ActionResult[] = [];
  if (report.plan.valid) {
    results = await applyActions({
      client,
      owner,
      repo,
      actions: report.actions,
      log,
      ...(existing ? { reportUrl: existing.url } : {}),
      ...clock,
    });
    // 4. Review sign-off by someone else.
    await commentOnRefusedReviews({
      client,
      owner,
      repo,
      log,
      refused: refusedReviews(report, snapshot),
    });
  } else {
    const errors = report.plan.findings.filter((f) => f.severity === "error").length;
    log.warn(
      `plan-align: the plan of ${owner}/${repo} is invalid (${errors} errors); nothing synced`,
    );
  }

  // 5. The dashboard, as GitHub stands after this run.
  const shown = afterActions(report, results);
  const body = renderDashboard({
    report: shown,
    plan: loaded.plan,
    achievedOn: achievedDates({
      report: shown,
      snapshot,
      results,
      today: (params.now?.() ?? new Date()).toISOString().slice(0, 10),
    }),
    serverUrl: params.serverUrl,
  });
  const dashboard = await upsertDashboard({ client, owner, repo, log, body, existing });
  return { status: report.plan.valid ? "synced" : "invalid-plan", report, results, dashboard };
}
