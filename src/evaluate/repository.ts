/**
 * Evaluation of a repository against its plan: a pure function of (plan, snapshot). "Now"
 * is `snapshot.fetchedAt`, so the same inputs always give the same report.
 *
 * Cost is linear in the size of the snapshot plus the plan: the snapshot is indexed once
 * (`criteria/snapshot-index.ts`) and every deliverable looks up only its own issues and pull
 * requests.
 */

import { evaluateCriteria } from "../criteria/evaluate.ts";
import { positionsOf, type SnapshotIndex } from "../criteria/snapshot-index.ts";
import { deliverableLabel } from "../model/names/labels.ts";
import type {
  DeliverableResult,
  GoalResult,
  MilestoneResult,
  ObjectiveResult,
  RiskResult,
} from "../model/report.ts";
import type { Snapshot } from "../model/snapshot.ts";
import type { Plan } from "../plan/schema.ts";
import { createContext, type EvaluationContext } from "./context.ts";
import { type DeliverableResults, evaluateMilestones } from "./milestones.ts";
import { evaluateGoals, evaluateObjectives } from "./objectives.ts";
import { evaluateRisks } from "./risks.ts";

export interface Evaluation {
  goals: GoalResult[];
  objectives: ObjectiveResult[];
  /** In plan order. */
  milestones: MilestoneResult[];
  /** Deliverables under no milestone. */
  unscheduled: DeliverableResult[];
  /** The plan's risks, fired or not. */
  risks: RiskResult[];
}

/**
 * Each deliverable's result, by plan position. An id repeated in an (invalid) plan is
 * evaluated once, at its first position.
 */
function evaluateDeliverables(ctx: EvaluationContext): DeliverableResults {
  const { firstAt } = ctx.index;
  const count = ctx.plan.deliverables.length;
  const met = new Array<number>(count).fill(0);
  const total = new Array<number>(count).fill(0);
  const results = ctx.plan.deliverables.map((deliverable, position) => {
    if (!firstAt[position]) return undefined;
    const criteria = evaluateCriteria(ctx, deliverable, deliverable.criteria, position);
    let n = 0;
    for (let i = 0; i < criteria.length; i++) if (criteria[i]?.met) n++;
    met[position] = n;
    total[position] = criteria.length;
    return {
      id: deliverable.id,
      title: deliverable.title,
      label: ctx.index.labelAt[position] ?? deliverableLabel(deliverable),
      owner: deliverable.owner ?? null,
      // A deliverable without criteria (an error in the plan) has no proof: not done.
      done: criteria.length > 0 && n === criteria.length,
      criteria,
    };
  });
  return { results, met, total };
}

/** Pure: (plan, snapshot) → status of every objective, deliverable and milestone. "Now" is `snapshot.fetchedAt`. */
export function evaluateRepository(params: {
  plan: Plan;
  snapshot: Snapshot;
  /** The snapshot's index, when the caller built it (to share it with sync planning). */
  index?: SnapshotIndex;
}): Evaluation {
  const ctx = createContext(params.plan, params.snapshot, params.index);
  const deliverables = evaluateDeliverables(ctx);
  const milestones = evaluateMilestones({ ctx, deliverables });
  // By plan position, like the results: no table of every id (see snapshot-index.ts).
  const scheduled = new Array<boolean>(deliverables.results.length).fill(false);
  for (const m of params.plan.milestones) {
    const positions = positionsOf(ctx.index, m.deliverables);
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i] as number;
      if (position >= 0) scheduled[position] = true;
    }
  }
  return {
    goals: evaluateGoals(ctx),
    objectives: evaluateObjectives(ctx),
    milestones,
    unscheduled: deliverables.results.filter(
      (d, position): d is DeliverableResult => d !== undefined && !scheduled[position],
    ),
    risks: evaluateRisks({ plan: params.plan, milestones }),
  };
}
