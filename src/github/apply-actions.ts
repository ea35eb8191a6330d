/**
 * Executes the sync actions (docs/app.md) against GitHub, idempotently: a create that meets an
 * existing milestone or label (`422 already_exists`) adopts it, closes and reopens re-read the
 * milestone first and skip when it is already in the wanted state. Nothing is ever deleted
 * and no label is ever removed. One failing action does not stop the others; every action
 * gets a result (applied | adopted | skipped | failed) with a detail for the report.
 */

import type { SyncAction } from "../model/actions.ts";
import { LABEL_DESCRIPTION_CHARS } from "../model/github-limits.ts";
import { dueOnTimestamp, githubDay } from "../model/names/due-on.ts";
import { DELIVERABLE_LABEL_COLOR, deliverableLabelDescription } from "../model/names/labels.ts";
import {
  appendAchievedFooter,
  descriptionMatches,
  stripAchievedFooter,
  withCurrentFooter,
} from "../model/names/milestone-description.ts";
import { describe, statusOf } from "./read-plan.ts";
import { closeDuplicateReviews } from "./review-duplicates.ts";
import { openReview } from "./review-issue.ts";
import type { ActionResult, GitHubClient, Logger, RepoRef } from "./types.ts";

export interface ApplyActionsParams extends RepoRef {
  client: GitHubClient;
  actions: SyncAction[];
  log: Logger;
  /** Linked from created review issues, when given. */
  reportUrl?: string;
  /** Clock, for the "Achieved on" date (tests pass a fixed one). */
  now?: () => Date;
}

/** What the run learnt so far: milestones created or adopted, by plan id. */
export interface RunContext extends RepoRef {
  client: GitHubClient;
  log: Logger;
  reportUrl?: string;
  now: () => Date;
  milestoneNumbers: Map<string, number>;
}

type Outcome = Omit<ActionResult, "action">;

export async function applyActions(params: ApplyActionsParams): Promise<ActionResult[]> {
  const ctx: RunContext = {
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    log: params.log,
    ...(params.reportUrl ? { reportUrl: params.reportUrl } : {}),
    now: params.now ?? (() => new Date()),
    milestoneNumbers: new Map(),
  };
  const results: ActionResult[] = [];
  for (const action of params.actions) {
    let outcome: Outcome;
    try {
      outcome = await applyOne(ctx, action);
    } catch (error) {
      outcome = { status: "failed", detail: describe(error) };
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

async function applyOne(ctx: RunContext, action: SyncAction): Promise<Outcome> {
  switch (action.type) {
    case "create-milestone":
      return createMilestone(ctx, action);
    case "update-milestone":
      return updateMilestone(ctx, action);
    case "create-label":
      return createLabel({
        ...ctx,
        name: action.label,
        description: deliverableLabelDescription(action.deliverable),
      });
    case "set-issue-milestone":
      return setIssueMilestone(ctx, action);
    case "close-milestone":
      return closeMilestone(ctx, action);
    case "reopen-milestone":
      return reopenMilestone(ctx, action);
    case "open-review":
      return openReview(ctx, action);
  }
}

async function createMilestone(
  ctx: RunContext,
  action: Extract<SyncAction, { type: "create-milestone" }>,
): Promise<Outcome> {
  const { client, owner, repo } = ctx;
  try {
    // A plan milestone already achieved before it ever had a GitHub milestone is created
    // closed, with its evidence, so one sync reaches the final state (no create-then-close).
    const closed = action.state === "closed";
    const date = ctx.now().toISOString().slice(0, 10);
    const { data } = await client.rest.issues.createMilestone({
      owner,
      repo,
      title: action.title,
      description: closed
        ? appendAchievedFooter({
            description: action.description,
            date,
            evidence: action.evidence ?? [],
          })
        : action.description,
      ...(closed ? { state: "closed" as const } : {}),
      ...(action.dueOn ? { due_on: dueOnTimestamp(action.dueOn) } : {}),
    });
    ctx.milestoneNumbers.set(action.milestone, data.number);
    const how = closed ? `, closed: achieved on ${date}` : "";
    return {
      status: "applied",
      detail: `created milestone #${data.number}${how}`,
      milestone: { number: data.number, state: closed ? "closed" : "open" },
    };
  } catch (error) {
    if (!alreadyExists(error)) throw error;
    // Someone (or an earlier, interrupted run) created it: adopt it by its exact title.
    const existing = await findMilestoneByTitle(ctx, action.title);
    if (!existing) throw error;
    ctx.milestoneNumbers.set(action.milestone, existing.number);
    const aligned = await alignAdopted(ctx, action, existing);
    return {
      status: "adopted",
      detail: `milestone #${existing.number} already existed${aligned.length > 0 ? `; set its ${aligned.join(", ")}` : ""}`,
      milestone: {
        number: existing.number,
        state: aligned.includes("state") || existing.state === "closed" ? "closed" : "open",
      },
    };
  }
}

/**
 * An adopted milestone gets what the create would have given it — the marker and
 * description, the due day, and (when the plan milestone is already achieved) the closed
 * state with its Achieved-on footer — so this run, not the next one, reaches the fixed
 * point. Its own "Achieved on" footer is kept. Returns what it changed.
 */
async function alignAdopted(
  ctx: RunContext,
  action: Extract<SyncAction, { type: "create-milestone" }>,
  existing: MilestoneListed,
): Promise<string[]> {
  const changed: string[] = [];
  let description: string | undefined;
  if (!descriptionMatches({ actual: existing.description, expected: action.description })) {
    description = withCurrentFooter({
      description: action.description,
      current: existing.description,
    });
    changed.push("description");
  }
  const dueDiffers = githubDay(existing.due_on ?? null) !== action.dueOn.slice(0, 10);
  if (dueDiffers) changed.push("due date");
  const close = action.state === "closed" && existing.state !== "closed";
  if (close) {
    const date = ctx.now().toISOString().slice(0, 10);
    description = appendAchievedFooter({
      description: description ?? existing.description,
      date,
      evidence: action.evidence ?? [],
    });
    changed.push("state");
  }
  if (changed.length === 0) return changed;
  await ctx.client.rest.issues.updateMilestone({
    owner: ctx.owner,
    repo: ctx.repo,
    milestone_number: existing.number,
    ...(description !== undefined ? { description } : {}),
    ...(dueDiffers ? { due_on: dueOnTimestamp(action.dueOn) } : {}),
    ...(close ? { state: "closed" as const } : {}),
  });
  return changed;
}

async function updateMilestone(
  ctx: RunContext,
  action: Extract<SyncAction, { type: "update-milestone" }>,
): Promise<Outcome> {
  const { client, owner, repo } = ctx;
  const changes = action.changes.length > 0 ? action.changes : ["title", "dueOn", "description"];
  let description: string | undefined;
  if (changes.includes("description")) {
    // Keep the "Achieved on" footer plan-align wrote when it closed the milestone.
    const { data: current } = await client.rest.issues.getMilestone({
      owner,
      repo,
      milestone_number: action.number,
    });
    // The action may already carry the footer the planner read (so the dry run shows the
    // whole text): keep the one GitHub holds now, once, never both.
    description = withCurrentFooter({
      description: action.description,
      current: current.description,
    });
  }
  await client.rest.issues.updateMilestone({
    owner,
    repo,
    milestone_number: action.number,
    ...(changes.includes("title") ? { title: action.title } : {}),
    ...(changes.includes("dueOn") && action.dueOn ? { due_on: dueOnTimestamp(action.dueOn) } : {}),
    ...(description !== undefined ? { description } : {}),
  });
  ctx.milestoneNumbers.set(action.milestone, action.number);
  return {
    status: "applied",
    detail: `updated ${changes.join(", ")} of milestone #${action.number}`,
  };
}

/** Creates a label, or adopts it when it exists (its colour and description are left alone). */
export async function createLabel(
  params: RepoRef & { client: GitHubClient; name: string; description: string; color?: string },
): Promise<Outcome> {
  try {
    await params.client.rest.issues.createLabel({
      owner: params.owner,
      repo: params.repo,
      name: params.name,
      color: params.color ?? DELIVERABLE_LABEL_COLOR,
      description: params.description.slice(0, LABEL_DESCRIPTION_CHARS),
    });
    return { status: "applied", detail: `created label "${params.name}"` };
  } catch (error) {
    if (!alreadyExists(error)) throw error;
    return { status: "adopted", detail: `label "${params.name}" already existed` };
  }
}

async function setIssueMilestone(
  ctx: RunContext,
  action: Extract<SyncAction, { type: "set-issue-milestone" }>,
): Promise<Outcome> {
  const number = action.number ?? ctx.milestoneNumbers.get(action.milestone) ?? null;
  if (number === null) {
    return {
      status: "failed",
      detail: `milestone "${action.milestone}" does not exist on GitHub (its creation failed or was not run)`,
    };
  }
  // Re-read first: a person (or another run) may have set its milestone since the snapshot,
  // and a person's choice stands — the planner only moves what it saw as `from`.
  const { data: current } = await ctx.client.rest.issues.get({
    owner: ctx.owner,
    repo: ctx.repo,
    issue_number: action.issue,
  });
  const now = current.milestone?.number ?? null;
  if (now === number) {
    return {
      status: "skipped",
      detail: `issue #${action.issue} is already in milestone #${number}`,
    };
  }
  if (now !== (action.from ?? null)) {
    return {
      status: "skipped",
      detail: `issue #${action.issue} was moved to milestone #${now} since it was read; left as it is`,
    };
  }
  await ctx.client.rest.issues.update({
    owner: ctx.owner,
    repo: ctx.repo,
    issue_number: action.issue,
    milestone: number,
  });
  return { status: "applied", detail: `issue #${action.issue} → milestone #${number}` };
}

async function closeMilestone(
  ctx: RunContext,
  action: Extract<SyncAction, { type: "close-milestone" }>,
): Promise<Outcome> {
  const date = ctx.now().toISOString().slice(0, 10);
  return setMilestoneState(ctx, {
    number: action.number,
    state: "closed",
    description: (current) =>
      appendAchievedFooter({ description: current ?? "", date, evidence: action.evidence }),
    detail: `closed milestone #${action.number}, achieved on ${date}`,
  });
}

async function reopenMilestone(
  ctx: RunContext,
  action: Extract<SyncAction, { type: "reopen-milestone" }>,
): Promise<Outcome> {
  return setMilestoneState(ctx, {
    number: action.number,
    state: "open",
    // It is no longer achieved: the "Achieved on" footer would now be false.
    description: stripAchievedFooter,
    detail: `reopened milestone #${action.number}: ${action.reason}`,
  });
}

/**
 * Closes or reopens a milestone, re-reading it first: a human (or another run) may have
 * done it since the snapshot, and then it is skipped.
 */
async function setMilestoneState(
  ctx: RunContext,
  params: {
    number: number;
    state: "open" | "closed";
    description: (current: string | null) => string;
    detail: string;
  },
): Promise<Outcome> {
  const { client, owner, repo } = ctx;
  const { number, state } = params;
  const { data: current } = await client.rest.issues.getMilestone({
    owner,
    repo,
    milestone_number: number,
  });
  if (current.state === state) {
    return { status: "skipped", detail: `milestone #${number} is already ${state}` };
  }
  await client.rest.issues.updateMilestone({
    owner,
    repo,
    milestone_number: number,
    state,
    description: params.description(current.description),
  });
  return { status: "applied", detail: params.detail };
}

interface MilestoneListed {
  number: number;
  state: string;
  description: string | null;
  due_on?: string | null;
}

export async function findMilestoneByTitle(
  ctx: RunContext,
  title: string,
): Promise<MilestoneListed | null> {
  const all = await ctx.client.paginate(ctx.client.rest.issues.listMilestones, {
    owner: ctx.owner,
    repo: ctx.repo,
    state: "all",
    per_page: 100,
  });
  return all.find((m) => m.title === title) ?? null;
}

/** GitHub's answer to creating something that exists: 422 with an `already_exists` error. */
export function alreadyExists(error: unknown): boolean {
  if (statusOf(error) !== 422) return false;
  const data = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data;
  return (data?.errors ?? []).some((e) => e.code === "already_exists");
}

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
