import type { Evaluation } from "../evaluate/repository.ts";
import type { Plan } from "../plan/schema.ts";
import type { Report, SyncAction } from "../report/types.ts";
import type { Snapshot } from "../snapshot/schema.ts";

export interface SyncPlan {
  actions: SyncAction[];
  notInPlan: Report["notInPlan"];
}

/** Pure: the actions of DESIGN §4 from (plan, snapshot, evaluation). Never a delete. This list is the dry run. */
export function planSync(params: {
  plan: Plan;
  snapshot: Snapshot;
  evaluation: Evaluation;
}): SyncPlan {
  void params;
  throw new Error("not implemented: planSync");
}
