/**
 * Lookup tables built once per evaluation, so that evaluating a deliverable costs time in
 * proportion to its own issues and pull requests, never to the whole snapshot.
 *
 * Only the labels the plan uses are indexed (its deliverables' labels and the review
 * label): a big repository's other labels cost one map lookup per distinct label string.
 */
import { deliverableLabel, labelKey, REVIEW_LABEL } from "../model/names/labels.ts";
import type { Snapshot, SnapshotIssue, SnapshotPullRequest } from "../model/snapshot.ts";

/** The deliverable a criterion belongs to: what identifies its issues and pull requests. */
export interface DeliverableRef {
  id: string;
  label?: string | undefined;
}

export interface SnapshotIndex {
  /** Issues by label key (see `labelKey`), in ascending number order. */
  issuesByLabel: Map<string, SnapshotIssue[]>;
  /** Pull requests by label key, in ascending number order. */
  pullRequestsByLabel: Map<string, SnapshotPullRequest[]>;
  pullRequestsByClosingIssue: Map<number, SnapshotPullRequest[]>;
  /**
   * For each issue of `snapshot.issues`, at the same position: the keys of the plan's labels
   * it carries (shared arrays, read only). Planning the sync reads an issue's labels here
   * instead of looking each one up again: with thousands of labels, every lookup by label
   * text is a cache miss, and a big repository has hundreds of thousands of them.
   */
  planLabelsOf: readonly (readonly string[])[];
}

const NO_LABELS: readonly string[] = [];

/**
 * Resolves a raw label string to the key of a label the plan uses, or null. Cached per raw
 * string: a repository has few distinct labels but many labelled items.
 */
function resolveLabel(
  label: string,
  wanted: Set<string>,
  cache: Map<string, string | null>,
): string | null {
  let key = cache.get(label);
  if (key === undefined) {
    const k = labelKey(label);
    key = wanted.has(k) ? k : null;
    cache.set(label, key);
  }
  return key;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  // The same item twice in a row: one label in two spellings, or a repeated closing issue.
  else if (list[list.length - 1] !== value) list.push(value);
}

function sortByNumber<T extends { number: number }>(map: Map<unknown, T[]>): void {
  for (const list of map.values()) {
    for (let i = 1; i < list.length; i++) {
      if ((list[i - 1] as T).number > (list[i] as T).number) {
        list.sort((a, b) => a.number - b.number);
        break;
      }
    }
  }
}

/**
 * Each item's plan label keys (shared arrays: most items carry one of the plan's labels),
 * resolved once per distinct label spelling.
 */
function planLabels<T extends { labels: readonly string[] }>(
  items: readonly T[],
  resolve: (label: string) => string | null,
  single: Map<string, readonly string[]>,
): (readonly string[])[] {
  return items.map((item) => {
    let keys = NO_LABELS;
    for (const label of item.labels) {
      const key = resolve(label);
      if (key === null) continue;
      if (keys.length === 0) {
        let one = single.get(key);
        if (!one) {
          one = [key];
          single.set(key, one);
        }
        keys = one;
        // One label in two spellings counts once.
      } else if (!keys.includes(key)) keys = [...keys, key];
    }
    return keys;
  });
}

/**
 * The items of each key, in the items' order. Counted first, then placed into one array and
 * cut into a list per key: with thousands of keys, appending to thousands of growing lists
 * in turn touches a different list for nearly every item, and costs twice as much.
 */
function groupByKey<T>(
  items: readonly T[],
  keysOf: readonly (readonly string[])[],
): Map<string, T[]> {
  const ids = new Map<string, number>();
  const counts: number[] = [];
  for (const keys of keysOf) {
    for (const key of keys) {
      let id = ids.get(key);
      if (id === undefined) {
        id = counts.length;
        ids.set(key, id);
        counts.push(0);
      }
      counts[id] = (counts[id] as number) + 1;
    }
  }
  const next: number[] = [];
  let total = 0;
  for (const count of counts) {
    next.push(total);
    total += count;
  }
  const starts = [...next, total];
  const placed = new Array<T>(total);
  keysOf.forEach((keys, i) => {
    for (const key of keys) {
      const id = ids.get(key) as number;
      placed[next[id] as number] = items[i] as T;
      next[id] = (next[id] as number) + 1;
    }
  });
  const groups = new Map<string, T[]>();
  for (const [key, id] of ids) {
    groups.set(key, placed.slice(starts[id] as number, starts[id + 1] as number));
  }
  return groups;
}

export function indexSnapshot(
  snapshot: Snapshot,
  plan: { deliverables: readonly DeliverableRef[] },
): SnapshotIndex {
  const reviewKey = labelKey(REVIEW_LABEL.name);
  const wanted = new Set(plan.deliverables.map((d) => labelKey(deliverableLabel(d))));
  wanted.add(reviewKey);
  const cache = new Map<string, string | null>();
  const resolve = (label: string) => resolveLabel(label, wanted, cache);
  const single = new Map<string, readonly string[]>();
  const planLabelsOf = planLabels(snapshot.issues, resolve, single);
  const index: SnapshotIndex = {
    issuesByLabel: groupByKey(snapshot.issues, planLabelsOf),
    pullRequestsByLabel: groupByKey(
      snapshot.pullRequests,
      planLabels(snapshot.pullRequests, resolve, single),
    ),
    pullRequestsByClosingIssue: new Map(),
    planLabelsOf,
  };
  for (const pr of snapshot.pullRequests) {
    for (const n of pr.closingIssues) add(index.pullRequestsByClosingIssue, n, pr);
  }
  sortByNumber(index.issuesByLabel);
  sortByNumber(index.pullRequestsByLabel);
  return index;
}
