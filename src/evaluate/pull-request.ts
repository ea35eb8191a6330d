import type { PlanLoadResult } from "../plan/load.ts";
import type { Plan } from "../plan/schema.ts";
import type { PullRequestReport } from "../report/types.ts";
import type { Snapshot } from "../snapshot/schema.ts";
import type { Evaluation } from "./repository.ts";

/**
 * Pure: a pull request's alignment, always judged against the BASE plan. `headPlan` is the
 * plan loaded from the pull request's head when it changes the plan file (for the diff and
 * `plan-invalid`). `current` is the evaluation of the repository as it is (to find what
 * the merge achieves or regresses).
 */
export function evaluatePullRequest(params: {
  plan: Plan;
  snapshot: Snapshot;
  number: number;
  planPath: string;
  current: Evaluation;
  headPlan?: PlanLoadResult;
}): PullRequestReport {
  void params;
  throw new Error("not implemented: evaluatePullRequest");
}
