/**
 * Evaluation of a repository against its plan: a pure function of (plan, snapshot). "Now"
 * is `snapshot.fetchedAt`, so the same inputs always give the same report.
 *
 * Cost is linear in the size of the snapshot plus the plan: indexes are built once
 * (`indexes.ts`) and every deliverable looks up only its own issues and pull requests.
 */

import { evaluateCriterion } from "../criteria/evaluate.ts";
import type { SnapshotIndex } from "../criteria/snapshot-index.ts";
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
import { evaluateMilestones } from "./milestones.ts";
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

function evaluateDeliverables(ctx: EvaluationContext): Map<string, DeliverableResult> {
  const results = new Map<string, DeliverableResult>();
  for (const deliverable of ctx.plan.deliverables) {
    if (results.has(deliverable.id)) continue;
    const criteria = deliverable.criteria.map((criterion) =>
      evaluateCriterion({ ctx, deliverable, criterion }),
    );
    results.set(deliverable.id, {
      id: deliverable.id,
      title: deliverable.title,
      label: deliverableLabel(deliverable),
      owner: deliverable.owner ?? null,
      // A deliverable without criteria (an error in the plan) has no proof: not done.
      done: criteria.length > 0 && criteria.every((c) => c.met),
      criteria,
    });
  }
  return results;
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
  const scheduled = new Set(params.plan.milestones.flatMap((m) => m.deliverables));
  const milestones = evaluateMilestones({ ctx, deliverables });
  return {
    goals: evaluateGoals(ctx),
    objectives: evaluateObjectives(ctx),
    milestones,
    unscheduled: [...deliverables.values()].filter((d) => !scheduled.has(d.id)),
    risks: evaluateRisks({ plan: params.plan, milestones }),
  };
}
