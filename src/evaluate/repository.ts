import type { Plan } from "../plan/schema.ts";
import type {
  DeliverableResult,
  GoalResult,
  MilestoneResult,
  ObjectiveResult,
} from "../report/types.ts";
import type { Snapshot } from "../snapshot/schema.ts";

export interface Evaluation {
  goals: GoalResult[];
  objectives: ObjectiveResult[];
  /** In plan order. */
  milestones: MilestoneResult[];
  /** Deliverables under no milestone. */
  unscheduled: DeliverableResult[];
}

/** Pure: (plan, snapshot) → status of every objective, deliverable and milestone. "Now" is `snapshot.fetchedAt`. */
export function evaluateRepository(params: { plan: Plan; snapshot: Snapshot }): Evaluation {
  void params;
  throw new Error("not implemented: evaluateRepository");
}
