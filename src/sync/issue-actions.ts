import type { SyncAction } from "../model/actions.ts";
import { deliverableLabel, labelKey } from "../model/names/labels.ts";
import type { Snapshot, SnapshotIssue, SnapshotMilestone } from "../model/snapshot.ts";
import type { Plan } from "../plan/schema.ts";

/**
 * `set-issue-milestone` for an issue that carries a scheduled deliverable's label and has no
 * milestone — or, only with `enforce_milestones`, sits in a milestone that is not its own.
 * A human's choice of milestone stands otherwise.
 *
 * An issue closed as not planned (or duplicate) left the deliverable's scope and is left
 * alone. An issue carrying the labels of deliverables in several milestones belongs to the
 * first of them in plan order; one already in any of them is not moved (no flip-flopping).
 */
export function issueActions(params: {
  plan: Plan;
  snapshot: Snapshot;
  matched: Map<string, SnapshotMilestone>;
}): SyncAction[] {
  const { plan, snapshot, matched } = params;
  const milestonesOfLabel = labelToMilestones(plan);
  // Each plan milestone's position, computed once: ordering an issue's candidates is then a
  // lookup per candidate, not a scan of every milestone per issue.
  const rank = new Map(plan.milestones.map((m, i) => [m.id, i]));
  const actions: SyncAction[] = [];
  const issues = [...snapshot.issues].sort((a, b) => a.number - b.number);
  for (const issue of issues) {
    if (outOfScope(issue)) continue;
    const candidates = candidateMilestones({ issue, byLabel: milestonesOfLabel, rank });
    const target = candidates[0];
    if (target === undefined) continue;
    const numbers = candidates.map((id) => matched.get(id)?.number ?? null);
    if (issue.milestone !== null && numbers.includes(issue.milestone)) continue;
    if (issue.milestone !== null && !plan.settings.enforce_milestones) continue;
    actions.push({
      type: "set-issue-milestone",
      issue: issue.number,
      milestone: target,
      // null: the milestone is created by an earlier action of this list.
      number: matched.get(target)?.number ?? null,
      from: issue.milestone,
    });
  }
  return actions;
}

function outOfScope(issue: SnapshotIssue): boolean {
  return (
    issue.state === "closed" &&
    (issue.stateReason === "not_planned" || issue.stateReason === "duplicate")
  );
}

/** Lower-cased label → plan milestone ids (plan order) whose deliverables carry it. */
function labelToMilestones(plan: Plan): Map<string, string[]> {
  const byDeliverable = new Map(plan.deliverables.map((d) => [d.id, d]));
  const result = new Map<string, string[]>();
  for (const m of plan.milestones) {
    for (const id of m.deliverables) {
      const d = byDeliverable.get(id);
      if (!d) continue;
      const label = labelKey(deliverableLabel(d));
      const list = result.get(label) ?? [];
      if (!list.includes(m.id)) list.push(m.id);
      result.set(label, list);
    }
  }
  return result;
}

function candidateMilestones(params: {
  issue: SnapshotIssue;
  byLabel: Map<string, string[]>;
  rank: ReadonlyMap<string, number>;
}): string[] {
  const { issue, byLabel, rank } = params;
  const ids: string[] = [];
  for (const label of issue.labels) {
    for (const id of byLabel.get(labelKey(label)) ?? []) {
      if (!ids.includes(id)) ids.push(id);
    }
  }
  // Plan order, not label order, decides which milestone an issue belongs to.
  if (ids.length > 1) ids.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  return ids;
}
