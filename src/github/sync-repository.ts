/**
 * "Sync a repository": the one pipeline the App, the Action's milestone mode and
 * `plan-align sync` run. The front ends only say where the plan comes from, which of the
 * optional steps they want and where the outcome goes.
 *   1. The plan: given (a local file), else read from the default branch. None: "no-plan".
 *   2. `onPlan` sees it loaded, before anything else is read, and may stop there ("stopped":
 *      the CLI prints an invalid plan's findings and reads no further).
 *   3. The snapshot that plan needs, and the report; its actions are the dry run.
 *   4. An invalid plan changes nothing on GitHub ("invalid-plan": the report shows why).
 *   5. Unless a dry run: apply the actions, then (`answerRefusedReviews`) tell a non-approver
 *      who closed a review that it is not a sign-off.
 *   6. (`dashboard`, unless a dry run) the plan dashboard issue, as GitHub stands after this run,
 *      with the plan's history it keeps (read back in step 3 for the forecast, today recorded).
 */

import { refusedReviews } from "../evaluate/refused-reviews.ts";
import { type HistoryEntry, readHistory } from "../model/names/history.ts";
import type { Report } from "../model/report.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { dayIn } from "../model/time-zone.ts";
import { renderDashboard } from "../render/dashboard.ts";
import { historyWithToday } from "../sync/progress.ts";
import { achievedDates, afterActions } from "./after-actions.ts";
import { applyActions } from "./apply-actions.ts";
import { type DashboardIssue, findDashboard, upsertDashboard } from "./dashboard-issue.ts";
import { evaluateLoadedPlan, type LoadedPlanFile, readPlanOnGitHub } from "./evaluate-on-github.ts";
import type { PlanCache } from "./plan-cache.ts";
import { commentOnRefusedReviews } from "./review-refusal.ts";
import type { ActionResult, GitHubClient, Logger, PlanFile, RepoRef } from "./types.ts";

type SyncedPlan = LoadedPlanFile<Pick<PlanFile, "path" | "text">>;

export interface SyncRepositoryParams extends RepoRef {
  client: GitHubClient;
  log: Logger;
  /** The plan to sync to (a local file, to preview it). Absent: the default branch's. */
  plan?: SyncedPlan;
  /** Where the plan lives on the default branch; absent: the default locations. */
  planPath?: string;
  /** Parsed plans to reuse (the App's process-wide cache, per blob SHA). */
  plans?: PlanCache;
  /** The default branch's plan read, already sent (the Action sends it first). */
  planFile?: Promise<PlanFile | null>;
  /** Told the loaded plan before the repository is read; "stop" ends the run there. */
  onPlan?: (plan: SyncedPlan) => "go-on" | "stop";
  /** Build the actions and change nothing. */
  dryRun?: boolean;
  /** Linked from created review issues (the dashboard's address, when there is one). */
  reportUrl?: string;
  /** Comment on reviews closed by someone who is not an approver. */
  answerRefusedReviews?: boolean;
  /** Keep the plan dashboard issue current; links in it go to this GitHub. */
  dashboard?: { serverUrl: string };
  /** Clock, for `fetchedAt` and "Achieved on" (tests pass a fixed one). */
  now?: () => Date;
}

interface Synced extends SyncedPlan {
  report: Report;
  results: ActionResult[];
  dashboard?: { number: number; changed: boolean };
}

export type SyncOutcome =
  | { status: "no-plan"; results: ActionResult[] }
  | (SyncedPlan & { status: "stopped"; results: ActionResult[] })
  | (Synced & { status: "invalid-plan" | "dry-run" | "synced" });

/** Without `onPlan` nothing stops the run at the plan. */
export type SyncedOutcome = Exclude<SyncOutcome, { status: "stopped" }>;

export async function syncRepository(
  params: SyncRepositoryParams & { onPlan?: undefined },
): Promise<SyncedOutcome>;
export async function syncRepository(params: SyncRepositoryParams): Promise<SyncOutcome>;
export async function syncRepository(params: SyncRepositoryParams): Promise<SyncOutcome> {
  const { client, owner, repo, log } = params;
  const clock = params.now ? { now: params.now } : {};

  // 1–2. The plan.
  const plan =
    params.plan ??
    (await readPlanOnGitHub({
      client,
      owner,
      repo,
      ...(params.planPath ? { planPath: params.planPath } : {}),
      ...(params.plans ? { plans: params.plans } : {}),
      ...(params.planFile ? { planFile: params.planFile } : {}),
    }));
  if (!plan) return { status: "no-plan", results: [] };
  if (params.onPlan?.(plan) === "stop") return { ...plan, status: "stopped", results: [] };

  // 3–4. The repository as the plan needs it, the report (with the forecast from the
  // dashboard's history), and whether it may sync anything.
  const existing = params.dashboard ? await findDashboard({ client, owner, repo }) : null;
  const history = params.dashboard ? readHistory(existing?.body) : undefined;
  const { snapshot, report } = await evaluateLoadedPlan({
    client,
    owner,
    repo,
    ...plan,
    log,
    ...clock,
    ...(history ? { history } : {}),
  });
  const status = !plan.loaded.valid ? "invalid-plan" : params.dryRun ? "dry-run" : "synced";

  // 5. The sync — never from an invalid plan, nor in a dry run.
  let results: ActionResult[] = [];
  if (status === "synced") {
    const reportUrl = existing?.url ?? params.reportUrl;
    results = await applyActions({
      client,
      owner,
      repo,
      actions: report.actions,
      log,
      ...(reportUrl ? { reportUrl } : {}),
      ...(report.timezone ? { timeZone: report.timezone } : {}),
      ...clock,
    });
    if (params.answerRefusedReviews) {
      const refused = refusedReviews(report, snapshot);
      await commentOnRefusedReviews({ client, owner, repo, log, refused });
    }
  }
  const synced: Synced = { ...plan, report, results };
  if (!params.dashboard || status === "dry-run") return { ...synced, status };

  // 6. The dashboard, as GitHub stands after this run.
  const dashboard = await writeDashboard({
    ...params,
    ...synced,
    serverUrl: params.dashboard.serverUrl,
    snapshot,
    existing,
    history: history ?? [],
  });
  return { ...synced, status, dashboard };
}

async function writeDashboard(
  params: RepoRef &
    Omit<Synced, "dashboard"> & {
      client: GitHubClient;
      log: Logger;
      serverUrl: string;
      snapshot: Snapshot;
      existing: DashboardIssue | null;
      history: readonly HistoryEntry[];
      now?: () => Date;
    },
): Promise<{ number: number; changed: boolean }> {
  const { client, owner, repo, log, results, snapshot } = params;
  const shown = afterActions(params.report, results);
  const body = renderDashboard({
    report: shown,
    plan: params.loaded.plan,
    achievedOn: achievedDates({
      report: shown,
      snapshot,
      results,
      today: dayIn((params.now?.() ?? new Date()).getTime(), shown.timezone),
    }),
    serverUrl: params.serverUrl,
    history: historyWithToday(params.history, shown),
  });
  return upsertDashboard({ client, owner, repo, log, body, existing: params.existing });
}
