import type { SnapshotIndex } from "../criteria/snapshot-index.ts";
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
  /** The snapshot's index: each issue's plan labels, already resolved. */
  index: SnapshotIndex;
}): SyncAction[] {
  const { plan, snapshot, matched } = params;
  const milestonesOfLabel = labelToMilestones(plan);
  // Each plan milestone's position, computed once: ordering an issue's candidates is then a
  // lookup per candidate, not a scan of every milestone per issue.
  const rank = new Map(plan.milestones.map((m, i) => [m.id, i]));
  const { planLabelsOf } = params.index;
  // The index shares one keys array among all issues carrying one (or none) of the plan's
  // labels: their candidates are worked out once per array, found by identity.
  const byKeys = new Map<readonly string[], readonly string[]>();
  const actions: SyncAction[] = [];
  const order = numberOrder(snapshot.issues);
  for (let n = 0; n < snapshot.issues.length; n++) {
    const position = order === null ? n : (order[n] as number);
    const issue = snapshot.issues[position] as SnapshotIssue;
    if (outOfScope(issue)) continue;
    const keys = planLabelsOf[position] ?? [];
    let candidates = byKeys.get(keys);
    if (candidates === undefined) {
      candidates = candidateMilestones({ keys, byLabel: milestonesOfLabel, rank });
      if (keys.length <= 1) byKeys.set(keys, candidates);
    }
    const target = candidates[0];
    if (target === undefined) continue;
    if (issue.milestone !== null) {
      if (candidates.some((id) => matched.get(id)?.number === issue.milestone)) continue;
      if (!plan.settings.enforce_milestones) continue;
    }
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

/** Positions of the issues in number order; null when the list is in order already (the loader's). */
function numberOrder(issues: readonly SnapshotIssue[]): number[] | null {
  for (let i = 1; i < issues.length; i++) {
    if ((issues[i - 1] as SnapshotIssue).number > (issues[i] as SnapshotIssue).number) {
      const order = issues.map((_, position) => position);
      return order.sort(
        (x, y) => (issues[x] as SnapshotIssue).number - (issues[y] as SnapshotIssue).number,
      );
    }
  }
  return null;
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

const NONE: readonly string[] = [];

/** The plan milestones (in plan order) an issue's plan labels put it in; read only. */
function candidateMilestones(params: {
  /** The issue's plan label keys (from the index). */
  keys: readonly string[];
  byLabel: Map<string, string[]>;
  rank: ReadonlyMap<string, number>;
}): readonly string[] {
  const { keys, byLabel, rank } = params;
  let found: readonly string[] = NONE;
  let merged: string[] | null = null;
  for (const key of keys) {
    const list = byLabel.get(key) ?? NONE;
    if (list.length === 0) continue;
    // The common case, one label naming one milestone, costs no copy.
    if (found.length === 0) {
      found = list;
      continue;
    }
    merged ??= [...found];
    for (const id of list) if (!merged.includes(id)) merged.push(id);
  }
  if (merged === null) {
    if (found.length <= 1) return found;
    merged = [...found];
  }
  // Plan order, not label order, decides which milestone an issue belongs to.
  merged.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  return merged;
}
