import { leavesScope } from "../criteria/issues.ts";
import { positionsOf, type SnapshotIndex, slotArray } from "../criteria/snapshot-index.ts";
import type { SyncAction } from "../model/actions.ts";
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
  const candidatesOfSlot = slotCandidates(plan, params.index);
  // The GitHub milestone number of each plan milestone, by plan position (undefined where
  // it has none yet): an issue's candidates are positions, so no name is looked up per issue.
  const numberAt = plan.milestones.map((m) => matched.get(m.id)?.number);
  const { planLabelsOf } = params.index;
  const actions: SyncAction[] = [];
  const order = numberOrder(snapshot.issues);
  for (let n = 0; n < snapshot.issues.length; n++) {
    const position = order === null ? n : (order[n] as number);
    const issue = snapshot.issues[position] as SnapshotIssue;
    const slots = planLabelsOf[position] ?? NONE;
    if (slots.length === 0 || leavesScope(issue)) continue;
    const candidates =
      slots.length === 1
        ? (candidatesOfSlot[slots[0] as number] ?? NONE)
        : mergedCandidates(slots, candidatesOfSlot);
    const target = candidates[0];
    if (target === undefined) continue;
    if (issue.milestone !== null) {
      // Already in one of its milestones: a human's choice among them stands.
      if (inOneOf(issue.milestone, candidates, numberAt)) continue;
      if (!plan.settings.enforce_milestones) continue;
    }
    actions.push({
      type: "set-issue-milestone",
      issue: issue.number,
      milestone: (plan.milestones[target] as Plan["milestones"][number]).id,
      // null: the milestone is created by an earlier action of this list.
      number: numberAt[target] ?? null,
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

/**
 * By label slot: the plan positions of the milestones (ascending: plan order) whose
 * deliverables carry that label, read only. A milestone id an (invalid) plan repeats counts at
 * its first position. Most labels belong to one milestone: their lists are shared, one per
 * milestone, so a plan of thousands of deliverables makes no list per label.
 */
function slotCandidates(plan: Plan, index: SnapshotIndex): (readonly number[] | undefined)[] {
  const result = slotArray<readonly number[]>(index);
  const firstAt = new Map<string, number>();
  plan.milestones.forEach((m, at) => {
    const first = firstAt.get(m.id) ?? at;
    if (first === at) firstAt.set(m.id, at);
    const own: readonly number[] = [first];
    const positions = positionsOf(index, m.deliverables);
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i] as number;
      if (position < 0) continue;
      const slot = index.slotAt[position] as number;
      const list = result[slot];
      if (!list) result[slot] = own;
      else if (!list.includes(first)) result[slot] = [...list, first].sort((a, b) => a - b);
    }
  });
  return result;
}

/** Whether GitHub milestone `number` is the milestone of one of the plan positions `candidates`. */
function inOneOf(
  number: number,
  candidates: readonly number[],
  numberAt: readonly (number | undefined)[],
): boolean {
  for (let i = 0; i < candidates.length; i++) {
    if (numberAt[candidates[i] as number] === number) return true;
  }
  return false;
}

/** The candidates of an issue carrying several of the plan's labels: every label's, in plan order. */
function mergedCandidates(
  slots: readonly number[],
  candidatesOfSlot: readonly (readonly number[] | undefined)[],
): readonly number[] {
  const merged: number[] = [];
  for (const slot of slots) {
    for (const at of candidatesOfSlot[slot] ?? NONE) if (!merged.includes(at)) merged.push(at);
  }
  // Plan order, not label order, decides which milestone an issue belongs to.
  return merged.sort((a, b) => a - b);
}

const NONE: readonly never[] = [];
