import { evaluatePullRequest } from "../evaluate/pull-request.ts";
import type { HistoryEntry } from "../model/names/history.ts";
import type { PullRequestReport, Report } from "../model/report.ts";
import type { Snapshot, SnapshotPullRequest } from "../model/snapshot.ts";
import { DEFAULT_TIME_ZONE } from "../model/time-zone.ts";
import { loadPlan, type PlanLoadResult } from "../plan/load.ts";
import { DEFAULT_PLAN_PATHS } from "../plan/schema.ts";
import { evaluateAndPlan } from "./plan-sync.ts";
import { applyForecast, historyWithToday } from "./progress.ts";

/**
 * The one pure pipeline every front end calls: load + validate the plan text, evaluate the
 * repository, plan the sync, and (with `pr`) judge the pull request against this (base)
 * plan, reading the head plan from the pull request's `headFiles` when it changes it.
 *
 * An invalid plan gives a report with `plan.valid: false`, its findings and nothing
 * evaluated or planned: nothing is synced or closed from a plan that does not hold.
 */
export function buildReport(params: {
  planText: string;
  planPath: string;
  snapshot: Snapshot;
  pr?: number;
  /**
   * `loadPlan({ text: planText, path: planPath })` when the caller has it already (it needed
   * the plan to load the snapshot), so the text is parsed once. Absent: loaded here.
   */
  loaded?: PlanLoadResult;
  /**
   * The plan's history so far (the dashboard's block, or `--history FILE`): today's entry is
   * recorded into it and, from 14 days on, the forecast computed. Absent: no forecast.
   */
  history?: readonly HistoryEntry[];
}): Report {
  const { snapshot, planPath, pr } = params;
  // 1. Load and validate the (base) plan.
  const loaded = params.loaded ?? loadPlan({ text: params.planText, path: planPath });
  const base: Report = {
    version: 1,
    repository: snapshot.repository,
    evaluatedAt: snapshot.fetchedAt,
    plan: { path: planPath, valid: loaded.valid, findings: loaded.findings },
    goals: [],
    objectives: [],
    milestones: [],
    unscheduled: [],
    risks: [],
    actions: [],
    notInPlan: [],
    forecast: null,
  };
  if (!loaded.valid || loaded.plan === null) {
    if (pr === undefined) return base;
    return { ...base, pullRequest: invalidBasePullRequest({ snapshot, pr, planPath }) };
  }
  const plan = loaded.plan;
  const { timezone } = plan.settings;

  // 2. Evaluate the repository, 3. plan the sync.
  const { evaluation, sync } = evaluateAndPlan({ plan, snapshot });
  const { version, repository, evaluatedAt, ...rest } = base;
  const report: Report = {
    version,
    repository,
    evaluatedAt,
    // Named only when not UTC; right after evaluatedAt, the instant it qualifies.
    ...(timezone === DEFAULT_TIME_ZONE ? {} : { timezone }),
    ...rest,
    goals: evaluation.goals,
    objectives: evaluation.objectives,
    milestones: evaluation.milestones,
    unscheduled: evaluation.unscheduled,
    risks: evaluation.risks,
    actions: sync.actions,
    notInPlan: sync.notInPlan,
  };
  if (params.history) applyForecast(report, historyWithToday(params.history, report));
  if (pr === undefined) return report;

  // 4. The pull request, judged against this base plan; its head plan only for the diff.
  const repoPath = repositoryPlanPath({ snapshot, planPath, pr });
  const headPlan = headPlanOf({ snapshot, pr, repoPath });
  report.pullRequest = evaluatePullRequest({
    plan,
    snapshot,
    number: pr,
    planPath: repoPath,
    current: evaluation,
    ...(headPlan ? { headPlan } : {}),
  });
  return report;
}

/**
 * Where the plan lives in the repository, to recognise a pull request that changes it: the
 * loader's record (`snapshot.planPath`), else the given path when the pull request changes
 * a file of that name, else whichever default location it changes, else the given path.
 */
export function repositoryPlanPath(params: {
  snapshot: Snapshot;
  planPath: string;
  pr: number;
}): string {
  const { snapshot, planPath } = params;
  if (snapshot.planPath) return snapshot.planPath;
  const pull = snapshot.pullRequests.find((p) => p.number === params.pr);
  // A hand-written snapshot may carry the head plan in headFiles without listing changedFiles.
  const changed = [...(pull?.changedFiles ?? []), ...Object.keys(pull?.headFiles ?? {})];
  const given = planPath.replace(/^\.\//, "");
  if (changed.includes(given)) return given;
  return DEFAULT_PLAN_PATHS.find((p) => changed.includes(p)) ?? given;
}

/** The plan at the pull request's head, when the pull request changes it (else undefined). */
function headPlanOf(params: {
  snapshot: Snapshot;
  pr: number;
  repoPath: string;
}): PlanLoadResult | undefined {
  const pull = params.snapshot.pullRequests.find((p) => p.number === params.pr);
  const text = headPlanText(pull, params.repoPath);
  return text === undefined ? undefined : loadPlan({ text, path: params.repoPath });
}

/**
 * The plan's text at the head of a pull request that changes it. The loader puts the plan in
 * `headFiles` when the pull request changes it; a changed plan missing from loaded
 * `headFiles` was deleted there (an empty file, which loading reports as invalid). Without
 * `headFiles` at all the head was not read, so there is nothing to judge: undefined.
 */
function headPlanText(pull: SnapshotPullRequest | undefined, repoPath: string): string | undefined {
  const text = pull?.headFiles?.[repoPath];
  if (text !== undefined) return text;
  if (!pull?.changedFiles?.includes(repoPath) || pull.headFiles === undefined) return undefined;
  return "";
}

/** A pull request cannot be judged against a base plan that does not hold. */
function invalidBasePullRequest(params: {
  snapshot: Snapshot;
  pr: number;
  planPath: string;
}): PullRequestReport {
  const { snapshot, pr, planPath } = params;
  const pull = snapshot.pullRequests.find((p) => p.number === pr);
  const repoPath = repositoryPlanPath({ snapshot, planPath, pr });
  const headText = headPlanText(pull, repoPath);
  const fixes = headText === undefined ? undefined : loadPlan({ text: headText, path: repoPath });
  const unjudged = {
    number: pr,
    ...(pull ? { title: pull.title } : {}),
    aligned: false,
    deliverables: [],
    milestones: [],
    achieves: [],
    regresses: [],
    planChanges: [],
  };
  if (fixes?.valid) {
    return {
      ...unjudged,
      warnings: [
        {
          code: "plan-changed",
          level: "warn",
          message: `The plan on the base branch (${planPath}) is invalid, so this pull request cannot be judged against it; the plan at its head is valid, so merging it repairs the plan.`,
        },
      ],
      headPlanFindings: fixes.findings,
      conclusion: "neutral",
    };
  }
  return {
    ...unjudged,
    warnings: [
      {
        code: "plan-invalid",
        level: "fail",
        message: `The plan on the base branch (${planPath}) is invalid, so this pull request cannot be judged against it. Fix the plan's errors (run \`plan-align validate --plan ${planPath}\`) first.`,
      },
    ],
    ...(fixes ? { headPlanFindings: fixes.findings } : {}),
    conclusion: "failure",
  };
}
