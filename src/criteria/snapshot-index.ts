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

export function indexSnapshot(
  snapshot: Snapshot,
  plan: { deliverables: readonly DeliverableRef[] },
): SnapshotIndex {
  const reviewKey = labelKey(REVIEW_LABEL.name);
  const wanted = new Set(plan.deliverables.map((d) => labelKey(deliverableLabel(d))));
  wanted.add(reviewKey);
  const cache = new Map<string, string | null>();
  /** One shared `[key]` per key: most issues carry one of the plan's labels. */
  const single = new Map<string, readonly string[]>();
  const planLabelsOf: (readonly string[])[] = [];
  const index: SnapshotIndex = {
    issuesByLabel: new Map(),
    pullRequestsByLabel: new Map(),
    pullRequestsByClosingIssue: new Map(),
    planLabelsOf,
  };
  for (const issue of snapshot.issues) {
    let keys = NO_LABELS;
    for (const label of issue.labels) {
      const key = resolveLabel(label, wanted, cache);
      if (key === null) continue;
      add(index.issuesByLabel, key, issue);
      if (keys.length === 0) {
        let one = single.get(key);
        if (!one) {
          one = [key];
          single.set(key, one);
        }
        keys = one;
      } else if (!keys.includes(key)) keys = [...keys, key];
    }
    planLabelsOf.push(keys);
  }
  for (const pr of snapshot.pullRequests) {
    for (const label of pr.labels) {
      const key = resolveLabel(label, wanted, cache);
      if (key !== null) add(index.pullRequestsByLabel, key, pr);
    }
    for (const n of pr.closingIssues) add(index.pullRequestsByClosingIssue, n, pr);
  }
  sortByNumber(index.issuesByLabel);
  sortByNumber(index.pullRequestsByLabel);
  return index;
}
