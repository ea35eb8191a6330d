/** What every criterion evaluator reads: the plan, the snapshot, its indexes and caches. */

import type { Snapshot } from "../model/snapshot.ts";
import type { Goal, Objective, Plan } from "../plan/schema.ts";
import { indexSnapshot, type SnapshotIndex } from "./indexes.ts";
import type { DataFile } from "./measure.ts";

export interface EvaluationContext {
  plan: Plan;
  snapshot: Snapshot;
  index: SnapshotIndex;
  objectives: Map<string, { objective: Objective; goal: Goal }>;
  /** Normalised Markdown headings per file path, parsed at most once per evaluation. */
  headings: Map<string, Set<string>>;
  /** Parsed JSON/YAML measure files per path, parsed at most once per evaluation. */
  dataFiles: Map<string, DataFile>;
}

export function createContext(plan: Plan, snapshot: Snapshot): EvaluationContext {
  const objectives = new Map<string, { objective: Objective; goal: Goal }>();
  for (const goal of plan.goals) {
    for (const objective of goal.objectives) {
      if (!objectives.has(objective.id)) objectives.set(objective.id, { objective, goal });
    }
  }
  return {
    plan,
    snapshot,
    index: indexSnapshot(snapshot, plan),
    objectives,
    headings: new Map(),
    dataFiles: new Map(),
  };
}
