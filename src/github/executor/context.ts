/**
 * What every executor gets: the repository, the client, the log, a clock, and what this run
 * has learnt so far (the GitHub numbers of milestones it created or adopted, by plan id).
 */
import { dayIn } from "../../model/time-zone.ts";
import type { Failure } from "../errors.ts";
import type { ActionResult, GitHubClient, Logger, RepoRef } from "../types.ts";

export interface RunContext extends RepoRef {
  client: GitHubClient;
  log: Logger;
  /** Linked from created review issues, when given. */
  reportUrl?: string;
  now: () => Date;
  /** The plan's `settings.timezone`: "Achieved on" days are days there. Absent: UTC. */
  timeZone?: string;
  milestoneNumbers: Map<string, number>;
}

/** What an executor answers for its action. */
export type Outcome = Omit<ActionResult, "action">;

/** `YYYY-MM-DD` of the run's clock: the day written into "Achieved on" footers. */
export function today(ctx: RunContext): string {
  return dayIn(ctx.now().getTime(), ctx.timeZone);
}

/**
 * The GitHub number of an action's milestone: the one the planner saw, else the one this run
 * created or adopted; null when it does not exist on GitHub.
 */
export function milestoneNumberOf(
  ctx: RunContext,
  action: { milestone: string; number: number | null },
): number | null {
  return action.number ?? ctx.milestoneNumbers.get(action.milestone) ?? null;
}

/** The milestone an action needs is not on GitHub (its creation failed or was not run). */
export function missingMilestone(detail: string): Outcome {
  const failure: Failure = { kind: "missing-milestone", status: null };
  return { status: "failed", detail, failure };
}
