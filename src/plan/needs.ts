/**
 * What the loader must read for a plan: the issues and pull requests carrying its deliverables'
 * labels, the files and checks its criteria and measures name, the change dates of the files
 * whose measures go stale, and the pull-request list only when a criterion counts pull
 * requests. Each criterion's kind says what it reads (src/criteria); the plan adds its
 * deliverables' labels and its objectives' measure files. Reading only this keeps the cost on
 * GitHub proportional to the plan, never to the size of the repository.
 */
import { addCriterionNeeds } from "../criteria/describe.ts";
import type { Needs } from "../criteria/kind.ts";
import { deliverableLabel, labelKey } from "../model/names/labels.ts";
import type { Plan } from "./schema.ts";

export interface PlanNeeds {
  /** Labels of the plan's deliverables, as the plan spells them (one per label key), sorted. */
  labels: string[];
  /** Repository paths named by criteria and objective measures, sorted. */
  files: string[];
  /**
   * Paths named by a measure with `max_age_days`, sorted: the loader reads when the default
   * branch last changed each (the snapshot's `fileCommittedAt`).
   */
  fileHistory: string[];
  /** Check run / status names named by criteria, sorted. */
  checks: string[];
  /** Whether any criterion counts pull requests. */
  pullRequests: boolean;
}

export function planNeeds(plan: Plan | null): PlanNeeds {
  // No (valid) plan: nothing is named; the loader reads plan-align's own issues and the milestones.
  if (!plan) return { labels: [], files: [], fileHistory: [], checks: [], pullRequests: false };
  const needs: Needs = { files: new Set(), checks: new Set(), pullRequests: false };
  const history = new Set<string>();
  for (const goal of plan.goals) {
    for (const objective of goal.objectives) {
      if (!objective.measure) continue;
      needs.files.add(objective.measure.file);
      if (maxAgeDays(objective.measure) !== undefined) history.add(objective.measure.file);
    }
  }
  const labels = new Map<string, string>();
  for (const deliverable of plan.deliverables) {
    const label = deliverableLabel(deliverable);
    if (!labels.has(labelKey(label))) labels.set(labelKey(label), label);
    for (const criterion of deliverable.criteria) addCriterionNeeds(criterion, needs);
  }
  return {
    labels: [...labels.values()].sort(),
    files: [...needs.files].sort(),
    fileHistory: [...history].sort(),
    checks: [...needs.checks].sort(),
    pullRequests: needs.pullRequests,
  };
}

/** A measure's `max_age_days`, when it has one (read structurally: an optional plan key). */
function maxAgeDays(measure: object): number | undefined {
  const value = (measure as { max_age_days?: unknown }).max_age_days;
  return typeof value === "number" ? value : undefined;
}
