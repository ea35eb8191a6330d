/**
 * One executor per sync action type. The table is typed over every type of
 * src/model/actions.ts: a new action is a type error here until it has its executor — one
 * new file under executor/ and one line below (e.g. `"open-risk": openRisk`).
 */
import type { ActionOf, SyncAction, SyncActionType } from "../../model/actions.ts";
import type { Outcome, RunContext } from "./context.ts";
import { setIssueMilestone } from "./issue-milestone.ts";
import { createDeliverableLabel } from "./label.ts";
import { createMilestone } from "./milestone-create.ts";
import { closeMilestone, reopenMilestone, updateMilestone } from "./milestone-edit.ts";
import { openReview } from "./review-issue.ts";
import { openRisk } from "./risk-issue.ts";

type Executor<T extends SyncActionType> = (
  ctx: RunContext,
  action: ActionOf<T>,
) => Promise<Outcome>;

const EXECUTORS: { [T in SyncActionType]: Executor<T> } = {
  "create-milestone": createMilestone,
  "update-milestone": updateMilestone,
  "create-label": createDeliverableLabel,
  "set-issue-milestone": setIssueMilestone,
  "close-milestone": closeMilestone,
  "reopen-milestone": reopenMilestone,
  "open-review": openReview,
  "open-risk": openRisk,
};

/** Carries out one action (throws what GitHub answered when it fails). */
export function execute(ctx: RunContext, action: SyncAction): Promise<Outcome> {
  // TypeScript cannot correlate `EXECUTORS[action.type]` with `action`; the table's type does.
  const executor = EXECUTORS[action.type] as Executor<SyncActionType>;
  return executor(ctx, action as never);
}
