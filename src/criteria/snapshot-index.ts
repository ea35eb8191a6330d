/**
 * Lookup tables built once per evaluation, so that evaluating a deliverable costs time in
 * proportion to its own issues and pull requests, never to the whole snapshot.
 *
 * Only the labels the plan uses are indexed (its deliverables' labels and the review
 * label): a big repository's other labels cost one map lookup per distinct label string.
 *
 * Each label the plan uses gets a slot (a small integer), and everything per label or per
 * deliverable is an array by slot or by plan position. There is one hash table per kind of
 * name (labels, deliverable ids), not one per question asked of them: building a table of
 * more than 4,096 entries costs several times more per entry than a smaller one (V8 moves it
 * to its large-object space), and a plan of 5,000 deliverables asked a dozen of them.
 */
import { deliverableLabel, labelKey, REVIEW_LABEL } from "../model/names/labels.ts";
import type { Snapshot, SnapshotIssue, SnapshotPullRequest } from "../model/snapshot.ts";

/** The deliverable a criterion belongs to: what identifies its issues and pull requests. */
export interface DeliverableRef {
  id: string;
  label?: string | undefined;
}

export interface SnapshotIndex {
  /** Slot of each label the plan uses, by label key (see `labelKey`) and by its plan spelling. */
  slotOf: ReadonlyMap<string, number>;
  /** Issues by label slot, in ascending number order within each slot. */
  issuesBySlot: Grouped<SnapshotIssue>;
  /**
   * Pull requests by label slot, in ascending number order within each slot: those carrying
   * the label and those closing an issue that carries it, each once.
   */
  pullRequestsBySlot: Grouped<SnapshotPullRequest>;
  /**
   * For each issue of `snapshot.issues`, at the same position: the slots of the plan's labels
   * it carries (shared arrays, read only). Planning the sync reads an issue's labels here
   * instead of looking each one up again: with thousands of labels, every lookup by label
   * text is a cache miss, and a big repository has hundreds of thousands of them.
   */
  planLabelsOf: readonly (readonly number[])[];
  /** The plan's deliverables it was built for, by plan position. */
  deliverableAt: readonly DeliverableRef[];
  /** Plan position of each deliverable id (the first, if an invalid plan repeats one). */
  positionOf: ReadonlyMap<string, number>;
  /** Kept answers of `positionsOf`, by the list of ids asked about (see there). */
  keptPositions: WeakMap<readonly string[], KeptPositions>;
  /** Whether the deliverable at each plan position is the first with its id. */
  firstAt: readonly boolean[];
  /** The label slot of the deliverable at each plan position. */
  slotAt: readonly number[];
  /** The label of the deliverable at each plan position (`deliverableLabel`). */
  labelAt: readonly string[];
  /** How many slots there are (the last is the review label's). */
  slots: number;
  reviewSlot: number;
}

/**
 * Items grouped by slot in one array: those of slot `s` are `items[starts[s]]` up to
 * `items[starts[s + 1] - 1]`. One array, not one per slot: everything the index holds lives
 * through the whole evaluation, and each garbage collection meanwhile copies small arrays.
 */
export interface Grouped<T> {
  items: readonly T[];
  starts: readonly number[];
}

/** Items of one slot: `items[start]` up to `items[end - 1]` (read only). */
export interface Run<T> {
  items: readonly T[];
  start: number;
  end: number;
}

const NO_SLOTS: readonly number[] = [];
const EMPTY_RUN: Run<never> = { items: [], start: 0, end: 0 };

function runOf<T>(grouped: Grouped<T>, slot: number): Run<T> {
  const start = grouped.starts[slot];
  const end = grouped.starts[slot + 1];
  if (slot < 0 || start === undefined || end === undefined) return EMPTY_RUN;
  return { items: grouped.items, start, end };
}

/** The items of a run as an array of their own. */
export function runItems<T>(run: Run<T>): T[] {
  return run.items.slice(run.start, run.end);
}

/**
 * The label slot of a deliverable (by its label, when it is not one of the indexed plan's), or
 * -1. `at`: its plan position, when the caller knows it (no lookup by id then).
 */
export function deliverableSlot(
  index: SnapshotIndex,
  deliverable: DeliverableRef,
  at = -1,
): number {
  if (at >= 0 && index.deliverableAt[at] === deliverable) return index.slotAt[at] as number;
  const position = index.positionOf.get(deliverable.id);
  if (position !== undefined && index.deliverableAt[position] === deliverable) {
    return index.slotAt[position] as number;
  }
  return index.slotOf.get(labelKey(deliverableLabel(deliverable))) ?? -1;
}

interface KeptPositions {
  /** The ids the positions were found for (a copy: a list changed in place is seen). */
  ids: readonly string[];
  positions: Int32Array;
}

/**
 * The plan position of each id of `ids` (a milestone's `deliverables`), -1 for an id the plan
 * does not define. Kept per list with the plan's tables: evaluation and sync planning ask this
 * of every milestone on every evaluation, and the App evaluates one parsed plan again on every
 * event. Checking a kept answer compares the ids as they are held (the same strings, so no
 * text is read); looking each one up by its text reads the string and a table of thousands of
 * entries, far apart in memory, for every deliverable.
 */
export function positionsOf(index: SnapshotIndex, ids: readonly string[]): Int32Array {
  const kept = index.keptPositions.get(ids);
  if (kept && sameEntries(kept.ids, ids)) return kept.positions;
  const positions = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    positions[i] = index.positionOf.get(ids[i] as string) ?? -1;
  }
  index.keptPositions.set(ids, { ids: [...ids], positions });
  return positions;
}

/**
 * Whether two lists hold the same entries, compared as they are held (the same objects, or the
 * same strings): how a table kept for a plan's list is checked against the list, since a list
 * changed in place is the same array with other entries.
 */
export function sameEntries<T>(kept: readonly T[] | undefined, list: readonly T[]): boolean {
  if (kept === undefined || kept.length !== list.length) return false;
  for (let i = 0; i < list.length; i++) if (kept[i] !== list[i]) return false;
  return true;
}

/** Issues carrying the deliverable's label, in number order. */
export function issuesOfDeliverable(
  index: SnapshotIndex,
  deliverable: DeliverableRef,
  at = -1,
): Run<SnapshotIssue> {
  return runOf(index.issuesBySlot, deliverableSlot(index, deliverable, at));
}

/**
 * Pull requests carrying the deliverable's label or closing one of its issues, in number
 * order, each once.
 */
export function pullRequestsOfDeliverable(
  index: SnapshotIndex,
  deliverable: DeliverableRef,
  at = -1,
): Run<SnapshotPullRequest> {
  return runOf(index.pullRequestsBySlot, deliverableSlot(index, deliverable, at));
}

/** Issues carrying the review label, in number order. */
export function reviewIssues(index: SnapshotIndex): SnapshotIssue[] {
  return runItems(runOf(index.issuesBySlot, index.reviewSlot));
}

/** An array with an empty entry per label slot (filled, so V8 keeps it a plain array). */
export function slotArray<T>(index: Pick<SnapshotIndex, "slots">): (T | undefined)[] {
  return new Array<T | undefined>(index.slots).fill(undefined);
}

/**
 * Each pull request's slots: those of the plan's labels it carries and those of the issues it
 * closes. Shared arrays where it has one source of slots (most have): only a pull request
 * whose label and closed issue differ gets an array of its own. `labelled`: each one's label
 * slots (from `planLabels`), completed in place and returned.
 */
function pullRequestSlots(
  pullRequests: readonly SnapshotPullRequest[],
  labelled: (readonly number[])[],
  issues: readonly SnapshotIssue[],
  issueSlots: readonly (readonly number[])[],
): (readonly number[])[] {
  // Made when a pull request closes an issue: many snapshots have none that do.
  let numbers: ReturnType<typeof issueNumbers> | undefined;
  for (let i = 0; i < pullRequests.length; i++) {
    const { closingIssues } = pullRequests[i] as SnapshotPullRequest;
    let slots = labelled[i] as readonly number[];
    for (let k = 0; k < closingIssues.length; k++) {
      numbers ??= issueNumbers(issues);
      for (let at = numbers.first(closingIssues[k] as number); at >= 0; at = numbers.next(at)) {
        slots = union(slots, issueSlots[at] as readonly number[]);
      }
    }
    labelled[i] = slots;
  }
  return labelled;
}

/** `a` with the slots of `b` it lacks (`a` itself when it lacks none). */
function union(a: readonly number[], b: readonly number[]): readonly number[] {
  if (a.length === 0) return b;
  let out = a;
  for (let i = 0; i < b.length; i++) {
    const slot = b[i] as number;
    if (!out.includes(slot)) out = [...out, slot];
  }
  return out;
}

/**
 * Issue positions by number. GitHub numbers issues and pull requests from 1 up, so a table
 * indexed by number is dense and costs no hashing; a snapshot with far-apart numbers gets a
 * map (so does one with numbers below 0, which only a hand-written snapshot has). `next` chains
 * the positions of a number that an (invalid) snapshot repeats.
 */
function issueNumbers(issues: readonly SnapshotIssue[]): {
  first: (number: number) => number;
  next: (position: number) => number;
} {
  let min = 0;
  let max = 0;
  for (let i = 0; i < issues.length; i++) {
    const n = (issues[i] as SnapshotIssue).number;
    if (n < min) min = n;
    else if (n > max) max = n;
  }
  // Position + 1 (0: none), so a zero-filled table is empty.
  const nextAt = new Int32Array(issues.length);
  const dense = min >= 0 && max <= 4 * issues.length + 1024 ? new Int32Array(max + 1) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  const firstOf = (n: number): number => (dense ? (n >= 0 ? dense[n] : 0) : sparse?.get(n)) ?? 0;
  // Backwards, so each chain is in snapshot order.
  for (let i = issues.length - 1; i >= 0; i--) {
    const n = (issues[i] as SnapshotIssue).number;
    nextAt[i] = firstOf(n);
    if (dense) dense[n] = i + 1;
    else sparse?.set(n, i + 1);
  }
  return { first: (n) => firstOf(n) - 1, next: (position) => (nextAt[position] ?? 0) - 1 };
}

/** Sorts each slot's items by number, where they are not in order already (the loader's are). */
function sortByNumber<T extends { number: number }>(items: T[], starts: readonly number[]): void {
  for (let slot = 0; slot + 1 < starts.length; slot++) {
    const start = starts[slot] as number;
    const end = starts[slot + 1] as number;
    for (let i = start + 1; i < end; i++) {
      if ((items[i - 1] as T).number > (items[i] as T).number) {
        const sorted = items.slice(start, end).sort((a, b) => a.number - b.number);
        for (let k = 0; k < sorted.length; k++) items[start + k] = sorted[k] as T;
        break;
      }
    }
  }
}

/**
 * Each item's plan label slots (shared arrays: most items carry one of the plan's labels).
 * A spelling that is neither a label key nor the plan's own spelling is lower-cased once.
 */
function planLabels<T extends { labels: readonly string[] }>(
  items: readonly T[],
  slotOf: ReadonlyMap<string, number>,
  other: Map<string, number>,
  single: readonly (readonly number[])[],
): (readonly number[])[] {
  return items.map((item) => {
    let slots = NO_SLOTS;
    // Indexed: an unoptimised `for…of` allocates per step, and this runs for every item.
    const { labels } = item;
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i] as string;
      let slot = slotOf.get(label);
      if (slot === undefined) {
        slot = other.get(label);
        if (slot === undefined) {
          slot = slotOf.get(labelKey(label)) ?? -1;
          other.set(label, slot);
        }
      }
      if (slot < 0) continue;
      if (slots.length === 0) {
        slots = single[slot] as readonly number[];
        // One label in two spellings counts once.
      } else if (!slots.includes(slot)) slots = [...slots, slot];
    }
    return slots;
  });
}

/**
 * The items of each slot, in number order. Counted first, then placed into one array: with
 * thousands of slots, appending to thousands of growing lists in turn touches a different
 * list for nearly every item, and costs twice as much.
 */
function groupBySlot<T extends { number: number }>(
  items: readonly T[],
  slotsOf: readonly (readonly number[])[],
  slots: number,
): Grouped<T> {
  const counts = new Array<number>(slots).fill(0);
  for (const itemSlots of slotsOf) {
    for (const slot of itemSlots) counts[slot] = (counts[slot] as number) + 1;
  }
  const next = new Array<number>(slots);
  let total = 0;
  for (let slot = 0; slot < slots; slot++) {
    next[slot] = total;
    total += counts[slot] as number;
  }
  const starts = [...next, total];
  const placed = new Array<T>(total);
  slotsOf.forEach((itemSlots, i) => {
    for (const slot of itemSlots) {
      placed[next[slot] as number] = items[i] as T;
      next[slot] = (next[slot] as number) + 1;
    }
  });
  sortByNumber(placed, starts);
  return { items: placed, starts };
}

/** What of the index comes from the plan alone. */
type LabelSlots = Pick<
  SnapshotIndex,
  | "slotOf"
  | "deliverableAt"
  | "positionOf"
  | "keptPositions"
  | "firstAt"
  | "slotAt"
  | "labelAt"
  | "slots"
  | "reviewSlot"
> & {
  /**
   * `[slot]` for each slot: the label slots of an item carrying one of the plan's labels.
   * Made with the plan, not per evaluation: every evaluation's table of 200,000 items then
   * points at arrays that no garbage collection needs to copy.
   */
  single: readonly (readonly number[])[];
};

/**
 * The plan's label slots and deliverable positions, kept with the plan's deliverable list: the
 * App keeps a parsed plan per blob SHA and evaluates it again on every event, and these
 * tables are the only part of the index that does not depend on the snapshot. Checked
 * against the list each time (the same deliverable objects, position by position: a cheap
 * look at the list alone), so a list changed in place gets new ones. A parsed plan's
 * deliverables are never changed in place.
 */
const labelSlotsOf = new WeakMap<readonly DeliverableRef[], LabelSlots>();

function labelSlots(deliverables: readonly DeliverableRef[]): LabelSlots {
  const kept = labelSlotsOf.get(deliverables);
  if (kept && sameEntries(kept.deliverableAt, deliverables)) return kept;
  const built = buildLabelSlots(deliverables);
  labelSlotsOf.set(deliverables, built);
  return built;
}

function buildLabelSlots(deliverables: readonly DeliverableRef[]): LabelSlots {
  const slotOf = new Map<string, number>();
  const positionOf = new Map<string, number>();
  const slotAt: number[] = [];
  const labelAt: string[] = [];
  const firstAt: boolean[] = [];
  let slots = 0;
  const slotFor = (spelling: string): number => {
    const key = labelKey(spelling);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = slots++;
      slotOf.set(key, slot);
    }
    // Labels are usually written as the plan spells them: found without lower-casing.
    if (spelling !== key) slotOf.set(spelling, slot);
    return slot;
  };
  deliverables.forEach((d, position) => {
    const label = deliverableLabel(d);
    labelAt.push(label);
    slotAt.push(slotFor(label));
    firstAt.push(!positionOf.has(d.id));
    if (!positionOf.has(d.id)) positionOf.set(d.id, position);
  });
  const reviewSlot = slotFor(REVIEW_LABEL.name);
  return {
    single: Array.from({ length: slots }, (_, slot) => [slot]),
    slotOf,
    positionOf,
    keptPositions: new WeakMap(),
    firstAt,
    slotAt,
    labelAt,
    slots,
    reviewSlot,
    deliverableAt: [...deliverables],
  };
}

export function indexSnapshot(
  snapshot: Snapshot,
  plan: { deliverables: readonly DeliverableRef[] },
): SnapshotIndex {
  const planSlots = labelSlots(plan.deliverables);
  const { slotOf, slots, single } = planSlots;

  const other = new Map<string, number>();
  const planLabelsOf = planLabels(snapshot.issues, slotOf, other, single);
  const issuesBySlot = groupBySlot(snapshot.issues, planLabelsOf, slots);
  const pullRequestsBySlot = groupBySlot(
    snapshot.pullRequests,
    pullRequestSlots(
      snapshot.pullRequests,
      planLabels(snapshot.pullRequests, slotOf, other, single),
      snapshot.issues,
      planLabelsOf,
    ),
    slots,
  );
  return {
    ...planSlots,
    issuesBySlot,
    pullRequestsBySlot,
    planLabelsOf,
  };
}
