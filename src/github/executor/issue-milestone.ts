/**
 * `set-issue-milestone`: puts an issue into its deliverable's milestone — the one the planner
 * saw, or the one this run created. It re-reads the issue first: a person (or another run)
 * may have set its milestone since the snapshot, and a person's choice stands — the planner
 * only moves what it saw as `from`.
 */
import type { ActionOf } from "../../model/actions.ts";
import { milestoneNumberOf, missingMilestone, type Outcome, type RunContext } from "./context.ts";

export async function setIssueMilestone(
  ctx: RunContext,
  action: ActionOf<"set-issue-milestone">,
): Promise<Outcome> {
  const number = milestoneNumberOf(ctx, action);
  if (number === null) {
    return missingMilestone(
      `milestone "${action.milestone}" does not exist on GitHub (its creation failed or was not run)`,
    );
  }
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
