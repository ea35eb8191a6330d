/**
 * The read pipeline every evaluation runs against GitHub (the Action's check mode, the App's
 * pull request check, and `syncRepository` for the three front ends' sync):
 *   1. read the plan file (default locations, or `planPath`) at `ref`,
 *   2. load and validate it — once: the same result decides what the snapshot reads and is
 *      what the report is built from,
 *   3. read the snapshot that plan needs (with `pr`: that pull request too),
 *   4. build the report (pure core).
 * Callers that must decide something between the plan and the snapshot (the App's check is
 * off in the plan's settings; `syncRepository`'s `onPlan` may stop there) run
 * `readPlanOnGitHub` and `evaluateLoadedPlan` themselves.
 */

import type { HistoryEntry } from "../model/names/history.ts";
import type { Report } from "../model/report.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { loadPlan, type PlanLoadResult } from "../plan/load.ts";
import { buildReport } from "../sync/build-report.ts";
import { loadSnapshot } from "./load-snapshot.ts";
import type { PlanCache } from "./plan-cache.ts";
import { readPlanFile } from "./read-plan.ts";
import type { GitHubClient, Logger, PlanFile, RepoRef } from "./types.ts";

export interface LoadedPlanFile<F extends Pick<PlanFile, "path" | "text"> = PlanFile> {
  planFile: F;
  loaded: PlanLoadResult;
}

export interface GitHubEvaluation<F extends Pick<PlanFile, "path" | "text"> = PlanFile>
  extends LoadedPlanFile<F> {
  snapshot: Snapshot;
  report: Report;
}

/**
 * The plan file at `ref` (absent: the default branch), loaded; null when there is none. With
 * `plans`, a plan whose blob was loaded before is not parsed again.
 */
export async function readPlanOnGitHub(
  params: RepoRef & {
    client: GitHubClient;
    ref?: string;
    planPath?: string;
    plans?: PlanCache;
    /** The same read, already sent (the Action sends it before loading the rest of its code). */
    planFile?: Promise<PlanFile | null>;
  },
): Promise<LoadedPlanFile | null> {
  const { client, owner, repo } = params;
  const planFile = await (params.planFile ??
    readPlanFile({
      client,
      owner,
      repo,
      ...(params.ref ? { ref: params.ref } : {}),
      ...(params.planPath ? { path: params.planPath } : {}),
    }));
  if (!planFile) return null;
  const source = { text: planFile.text, path: planFile.path };
  return { planFile, loaded: params.plans ? params.plans.load(source) : loadPlan(source) };
}

/** Steps 3 and 4 for a plan already read and loaded (from GitHub, or a local file). */
export async function evaluateLoadedPlan<F extends Pick<PlanFile, "path" | "text">>(
  params: RepoRef &
    LoadedPlanFile<F> & {
      client: GitHubClient;
      pr?: number;
      log: Logger;
      now?: () => Date;
      /** The plan's history so far (the dashboard's): the report gets its forecast. */
      history?: readonly HistoryEntry[];
    },
): Promise<GitHubEvaluation<F>> {
  const { client, owner, repo, planFile, loaded, pr } = params;
  const snapshot = await loadSnapshot({
    client,
    owner,
    repo,
    plan: loaded.plan,
    planPath: planFile.path,
    ...(pr !== undefined ? { pr } : {}),
    log: params.log,
    ...(params.now ? { now: params.now } : {}),
  });
  const report = buildReport({
    planText: planFile.text,
    planPath: planFile.path,
    snapshot,
    loaded,
    ...(pr !== undefined ? { pr } : {}),
    ...(params.history ? { history: params.history } : {}),
  });
  return { planFile, loaded, snapshot, report };
}

/** The whole pipeline; `{ planFile: null }` when there is no plan at `ref`. */
export async function evaluateOnGitHub(
  params: RepoRef & {
    client: GitHubClient;
    /** Branch, tag or SHA to read the plan at; absent: the default branch. */
    ref?: string;
    /** Absent: `.github/plan.yml`, then `.github/plan.yaml`. */
    planPath?: string;
    /** The plan file's read, already sent: see readPlanOnGitHub. */
    planFile?: Promise<PlanFile | null>;
    pr?: number;
    log: Logger;
    now?: () => Date;
    /** Parsed plans to reuse (the App's process-wide cache). */
    plans?: PlanCache;
  },
): Promise<GitHubEvaluation | { planFile: null }> {
  const plan = await readPlanOnGitHub(params);
  if (!plan) return { planFile: null };
  return evaluateLoadedPlan({ ...params, ...plan });
}
