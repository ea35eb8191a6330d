/**
 * `create-milestone`. A plan milestone already achieved before it ever had a GitHub
 * milestone is created closed, with its evidence, so one sync reaches the final state (no
 * create-then-close). A create that meets an existing milestone of that exact title
 * (`422 already_exists`: someone, or an earlier interrupted run, made it) adopts it and gives
 * it what the create would have.
 */
import type { ActionOf } from "../../model/actions.ts";
import { dueOnTimestamp, githubDay } from "../../model/names/due-on.ts";
import {
  appendAchievedFooter,
  descriptionMatches,
  withCurrentFooter,
} from "../../model/names/milestone-description.ts";
import { alreadyExists } from "../errors.ts";
import { type Outcome, type RunContext, today } from "./context.ts";

type CreateMilestone = ActionOf<"create-milestone">;

export async function createMilestone(ctx: RunContext, action: CreateMilestone): Promise<Outcome> {
  const { client, owner, repo } = ctx;
  try {
    const closed = action.state === "closed";
    const date = today(ctx);
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

interface MilestoneListed {
  number: number;
  state: string;
  description: string | null;
  due_on?: string | null;
}

/**
 * An adopted milestone gets what the create would have given it — the marker and
 * description, the due day, and (when the plan milestone is already achieved) the closed
 * state with its Achieved-on footer — so this run, not the next one, reaches the fixed
 * point. Its own "Achieved on" footer is kept. Returns what it changed.
 */
async function alignAdopted(
  ctx: RunContext,
  action: CreateMilestone,
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
    description = appendAchievedFooter({
      description: description ?? existing.description,
      date: today(ctx),
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

async function findMilestoneByTitle(
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
