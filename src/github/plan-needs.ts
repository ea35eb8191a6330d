/**
 * What the loader must read for a plan: only the files and checks its criteria and measures
 * name, and the pull-request list only when a criterion counts pull requests. Reading less
 * keeps the snapshot small and the request budget low.
 */
import type { Plan } from "../plan/schema.ts";

export interface PlanNeeds {
  /** Repository paths named by `file` criteria and objective measures. */
  files: string[];
  /** Check run / status names named by `checks` criteria. */
  checks: string[];
  /** Whether any deliverable has a `pull_requests` criterion. */
  pullRequests: boolean;
}

export function planNeeds(plan: Plan | null): PlanNeeds {
  // No plan: the basics only (milestones, labels, issues, pull requests).
  if (!plan) return { files: [], checks: [], pullRequests: true };
  const files = new Set<string>();
  const checks = new Set<string>();
  let pullRequests = false;
  for (const goal of plan.goals) {
    for (const objective of goal.objectives) {
      if (objective.measure) files.add(objective.measure.file);
    }
  }
  for (const deliverable of plan.deliverables) {
    for (const criterion of deliverable.criteria) {
      if ("file" in criterion) files.add(criterion.file);
      if ("checks" in criterion) for (const name of criterion.checks) checks.add(name);
      if ("pull_requests" in criterion) pullRequests = true;
    }
  }
  return { files: [...files].sort(), checks: [...checks].sort(), pullRequests };
}
