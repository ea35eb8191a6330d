/**
 * `update-milestone`, `close-milestone` and `reopen-milestone`: changes to a milestone that
 * exists. Each re-reads it first — for its "Achieved on" footer, or because a person (or
 * another run) may have closed or reopened it since the snapshot, and then it is skipped.
 */
import type { ActionOf } from "../../model/actions.ts";
import { dueOnTimestamp } from "../../model/names/due-on.ts";
import {
  appendAchievedFooter,
  stripAchievedFooter,
  withCurrentFooter,
} from "../../model/names/milestone-description.ts";
import { type Outcome, type RunContext, today } from "./context.ts";

export async function updateMilestone(
  ctx: RunContext,
  action: ActionOf<"update-milestone">,
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

export async function closeMilestone(
  ctx: RunContext,
  action: ActionOf<"close-milestone">,
): Promise<Outcome> {
  const date = today(ctx);
  return setMilestoneState(ctx, {
    number: action.number,
    state: "closed",
    description: (current) =>
      appendAchievedFooter({ description: current ?? "", date, evidence: action.evidence }),
    detail: `closed milestone #${action.number}, achieved on ${date}`,
  });
}

export async function reopenMilestone(
  ctx: RunContext,
  action: ActionOf<"reopen-milestone">,
): Promise<Outcome> {
  return setMilestoneState(ctx, {
    number: action.number,
    state: "open",
    // It is no longer achieved: the "Achieved on" footer would now be false.
    description: stripAchievedFooter,
    detail: `reopened milestone #${action.number}: ${action.reason}`,
  });
}

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
