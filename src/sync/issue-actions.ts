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
  const milestonesOfSlot = slotMilestones(plan, params.index);
  // Each plan milestone's position, computed once: ordering an issue's candidates is then a
  // lookup per candidate, not a scan of every milestone per issue.
  const rank = new Map(plan.milestones.map((m, i) => [m.id, i]));
  const { planLabelsOf } = params.index;
  // Most issues carry one of the plan's labels: their candidates (and the GitHub milestones
  // those are) are worked out once per label, not looked up by name for every issue.
  const ofOneSlot = slotArray<Candidates>(params.index);
  const candidatesOf = (slots: readonly number[]): Candidates => {
    const ids = candidateMilestones({ slots, bySlot: milestonesOfSlot, rank });
    return { ids, numbers: ids.map((id) => matched.get(id)?.number) };
  };
  const actions: SyncAction[] = [];
  const order = numberOrder(snapshot.issues);
  for (let n = 0; n < snapshot.issues.length; n++) {
    const position = order === null ? n : (order[n] as number);
    const issue = snapshot.issues[position] as SnapshotIssue;
    const slots = planLabelsOf[position] ?? NONE;
    if (slots.length === 0 || leavesScope(issue)) continue;
    const one = slots.length === 1 ? (slots[0] as number) : -1;
    let candidates = one < 0 ? undefined : ofOneSlot[one];
    if (candidates === undefined) {
      candidates = candidatesOf(slots);
      if (one >= 0) ofOneSlot[one] = candidates;
    }
    const target = candidates.ids[0];
    if (target === undefined) continue;
    if (issue.milestone !== null) {
      // Already in one of its milestones: a human's choice among them stands.
      if (candidates.numbers.includes(issue.milestone)) continue;
      if (!plan.settings.enforce_milestones) continue;
    }
    actions.push({
      type: "set-issue-milestone",
      issue: issue.number,
      milestone: target,
      // null: the milestone is created by an earlier action of this list.
      number: candidates.numbers[0] ?? null,
      from: issue.milestone,
    });
  }
  return actions;
}

/** The plan milestones an issue belongs to, in plan order, and their GitHub numbers. */
interface Candidates {
  ids: readonly string[];
  /** The number of each one's GitHub milestone; undefined where it has none yet. */
  numbers: readonly (number | undefined)[];
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

/** By label slot: the plan milestone ids (plan order) whose deliverables carry that label. */
function slotMilestones(plan: Plan, index: SnapshotIndex): (string[] | undefined)[] {
  const result = slotArray<string[]>(index);
  for (const m of plan.milestones) {
    const positions = positionsOf(index, m.deliverables);
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i] as number;
      if (position < 0) continue;
      const slot = index.slotAt[position] as number;
      const list = result[slot];
      if (!list) result[slot] = [m.id];
      else if (!list.includes(m.id)) list.push(m.id);
    }
  }
  return result;
}

const NONE: readonly never[] = [];

/** The plan milestones (in plan order) an issue's plan labels put it in; read only. */
function candidateMilestones(params: {
  /** The issue's plan label slots (from the index). */
  slots: readonly number[];
  bySlot: readonly (readonly string[] | undefined)[];
  rank: ReadonlyMap<string, number>;
}): readonly string[] {
  const { slots, bySlot, rank } = params;
  let found: readonly string[] = NONE;
  let merged: string[] | null = null;
  for (const slot of slots) {
    const list = bySlot[slot] ?? NONE;
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
