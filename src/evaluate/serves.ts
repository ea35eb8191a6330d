/**
 * What a pull request serves: a deliverable whose label it carries, one of whose issues it
 * closes, or one of whose `paths` it changes; and the milestones of those deliverables.
 */

import { deliverableLabel, labelKey } from "../model/names/labels.ts";
import type { SnapshotIssue, SnapshotPullRequest } from "../model/snapshot.ts";
import type { Plan } from "../plan/schema.ts";
import { pathMatcher } from "./globs.ts";

export function servedDeliverables(params: {
  plan: Plan;
  issues: readonly SnapshotIssue[];
  pr: SnapshotPullRequest;
}): string[] {
  const { plan, issues, pr } = params;
  const prLabels = new Set(pr.labels.map(labelKey));
  // Labels of the issues it closes: it serves the deliverables those labels name.
  const closing = new Set(pr.closingIssues);
  const closedLabels = new Set<string>();
  if (closing.size > 0) {
    for (const issue of issues) {
      if (!closing.has(issue.number)) continue;
      for (const label of issue.labels) closedLabels.add(labelKey(label));
    }
  }
  const changed = pr.changedFiles ?? [];
  const served: string[] = [];
  for (const d of plan.deliverables) {
    const key = labelKey(deliverableLabel(d));
    const byPath = () => {
      if (!d.paths || d.paths.length === 0 || changed.length === 0) return false;
      const matches = pathMatcher(d.paths);
      return changed.some(matches);
    };
    if (prLabels.has(key) || closedLabels.has(key) || byPath()) served.push(d.id);
  }
  return [...new Set(served)];
}

/** Plan milestones listing any of the deliverables, in plan order. */
export function servedMilestones(plan: Plan, deliverables: string[]): string[] {
  const wanted = new Set(deliverables);
  return plan.milestones.filter((m) => m.deliverables.some((d) => wanted.has(d))).map((m) => m.id);
}
