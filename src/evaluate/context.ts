/** What evaluation reads: the plan, and what every criterion reads (snapshot, indexes, caches). */
import type { CriterionContext } from "../criteria/context.ts";
import { indexSnapshot, type SnapshotIndex } from "../criteria/snapshot-index.ts";
import type { Snapshot, SnapshotIssue } from "../model/snapshot.ts";
import type { Goal, Objective, Plan } from "../plan/schema.ts";

export interface EvaluationContext extends CriterionContext {
  plan: Plan;
  objectives: Map<string, { objective: Objective; goal: Goal }>;
  /** The review-labelled issues by GitHub milestone and by trimmed title, built on first use. */
  reviewLookup: ReviewLookup | undefined;
}

export interface ReviewLookup {
  byMilestone: Map<number, SnapshotIssue[]>;
  byTitle: Map<string, SnapshotIssue[]>;
}

/** `index`: the snapshot's index when the caller built it already (to share it with sync planning). */
export function createContext(
  plan: Plan,
  snapshot: Snapshot,
  index: SnapshotIndex = indexSnapshot(snapshot, plan),
): EvaluationContext {
  const objectives = new Map<string, { objective: Objective; goal: Goal }>();
  for (const goal of plan.goals) {
    for (const objective of goal.objectives) {
      if (!objectives.has(objective.id)) objectives.set(objective.id, { objective, goal });
    }
  }
  return {
    plan,
    snapshot,
    timeZone: plan.settings.timezone,
    index,
    objectives,
    objective: (id) => objectives.get(id)?.objective,
    headings: new Map(),
    dataFiles: new Map(),
    reviewLookup: undefined,
  };
}
