/**
 * Executes the sync actions against GitHub, in their order, idempotently: each
 * action's executor (executor/executors.ts) adopts what already exists and re-reads what a
 * person may have changed since the snapshot. Nothing is ever deleted and no label is ever
 * removed. One failing action does not stop the others; every action gets a result
 * (applied | adopted | skipped | failed) with a detail for people and, when it failed, the
 * kind of failure and GitHub's status for code.
 */

import type { SyncAction } from "../model/actions.ts";
import { describe, failureOf } from "./errors.ts";
import type { Outcome, RunContext } from "./executor/context.ts";
import { execute } from "./executor/executors.ts";
import { closeDuplicateReviews } from "./executor/review-duplicates.ts";
import type { ActionResult, GitHubClient, Logger, RepoRef } from "./types.ts";

export interface ApplyActionsParams extends RepoRef {
  client: GitHubClient;
  actions: SyncAction[];
  log: Logger;
  /** Linked from created review issues, when given. */
  reportUrl?: string;
  /** Clock, for the "Achieved on" date (tests pass a fixed one). */
  now?: () => Date;
  /** The plan's `settings.timezone`, for the "Achieved on" day. Absent: UTC. */
  timeZone?: string;
}

export async function applyActions(params: ApplyActionsParams): Promise<ActionResult[]> {
  const ctx: RunContext = {
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    log: params.log,
    ...(params.reportUrl ? { reportUrl: params.reportUrl } : {}),
    now: params.now ?? (() => new Date()),
    ...(params.timeZone ? { timeZone: params.timeZone } : {}),
    milestoneNumbers: new Map(),
  };
  const results: ActionResult[] = [];
  for (const action of params.actions) {
    let outcome: Outcome;
    try {
      outcome = await execute(ctx, action);
    } catch (error) {
      outcome = { status: "failed", detail: describe(error), failure: failureOf(error) };
    }
    const line = `${action.type} ${label(action)}: ${outcome.status}${outcome.detail ? ` — ${outcome.detail}` : ""}`;
    if (outcome.status === "failed") ctx.log.error(line);
    else ctx.log.info(line);
    results.push({ action, ...outcome });
  }
  await convergeReviews(ctx, results);
  return results;
}

/**
 * Another process may have opened the same review at the same moment: close the extras
 * (closeDuplicateReviews). Best effort — the reviews themselves are open either way.
 */
async function convergeReviews(ctx: RunContext, results: ActionResult[]): Promise<void> {
  try {
    await closeDuplicateReviews({ ...ctx, results });
  } catch (error) {
    ctx.log.warn(`could not check for duplicate review issues: ${describe(error)}`);
  }
}

/** What the log line names: the label, the issue and its milestone, or the milestone. */
function label(action: SyncAction): string {
  switch (action.type) {
    case "create-label":
      return `"${action.label}"`;
    case "set-issue-milestone":
      return `#${action.issue} → ${action.milestone}`;
    default:
      return action.milestone;
  }
}
