/**
 * What the loader must read for a plan: only the files and checks its criteria and measures
 * name, and the pull-request list only when a criterion counts pull requests. Each criterion's
 * kind says what it reads (src/criteria); the plan adds its objectives' measure files. Reading
 * less keeps the snapshot small and the request budget low.
 */
import { addCriterionNeeds } from "../criteria/describe.ts";
import type { Needs } from "../criteria/kind.ts";
import type { Plan } from "./schema.ts";

export interface PlanNeeds {
  /** Repository paths named by criteria and objective measures, sorted. */
  files: string[];
  /** Check run / status names named by criteria, sorted. */
  checks: string[];
  /** Whether any criterion counts pull requests. */
  pullRequests: boolean;
}

export function planNeeds(plan: Plan | null): PlanNeeds {
  // No plan: the basics only (milestones, labels, issues, pull requests).
  if (!plan) return { files: [], checks: [], pullRequests: true };
  const needs: Needs = { files: new Set(), checks: new Set(), pullRequests: false };
  for (const goal of plan.goals) {
    for (const objective of goal.objectives) {
      if (objective.measure) needs.files.add(objective.measure.file);
    }
  }
  for (const deliverable of plan.deliverables) {
    for (const criterion of deliverable.criteria) addCriterionNeeds(criterion, needs);
  }
  return {
    files: [...needs.files].sort(),
    checks: [...needs.checks].sort(),
    pullRequests: needs.pullRequests,
  };
}
