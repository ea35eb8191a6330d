/**
 * Lookup tables built once per evaluation, so that evaluating a deliverable costs time in
 * proportion to its own issues and pull requests, never to the whole snapshot.
 */
import type { Snapshot, SnapshotIssue, SnapshotPullRequest } from "../snapshot/schema.ts";

/** Label of the review issues the App opens (DESIGN §3). */
export const REVIEW_LABEL = "plan-align:review";

/** The title of a milestone's review issue. */
export function reviewIssueTitle(milestoneTitle: string): string {
  return `Milestone review: ${milestoneTitle}`;
}

/**
 * GitHub label names are case-insensitive (a repository cannot hold both `Bug` and `bug`),
 * so a label written in the plan matches whatever case the repository uses.
 */
export function labelKey(label: string): string {
  return label.toLowerCase();
}

export interface SnapshotIndex {
  issuesByLabel: Map<string, SnapshotIssue[]>;
  issueByNumber: Map<number, SnapshotIssue>;
  pullRequestsByLabel: Map<string, SnapshotPullRequest[]>;
  pullRequestsByClosingIssue: Map<number, SnapshotPullRequest[]>;
  pullRequestByNumber: Map<number, SnapshotPullRequest>;
  /** Issues labelled `plan-align:review`, by exact title. */
  reviewIssuesByTitle: Map<string, SnapshotIssue[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const reviewKey = labelKey(REVIEW_LABEL);
  const index: SnapshotIndex = {
    issuesByLabel: new Map(),
    issueByNumber: new Map(),
    pullRequestsByLabel: new Map(),
    pullRequestsByClosingIssue: new Map(),
    pullRequestByNumber: new Map(),
    reviewIssuesByTitle: new Map(),
  };
  for (const issue of snapshot.issues) {
    index.issueByNumber.set(issue.number, issue);
    // An issue carrying the same label twice (case variants) is still one issue.
    const seen = new Set<string>();
    for (const label of issue.labels) {
      const key = labelKey(label);
      if (seen.has(key)) continue;
      seen.add(key);
      push(index.issuesByLabel, key, issue);
      if (key === reviewKey) push(index.reviewIssuesByTitle, issue.title, issue);
    }
  }
  for (const pr of snapshot.pullRequests) {
    index.pullRequestByNumber.set(pr.number, pr);
    const seen = new Set<string>();
    for (const label of pr.labels) {
      const key = labelKey(label);
      if (seen.has(key)) continue;
      seen.add(key);
      push(index.pullRequestsByLabel, key, pr);
    }
    for (const n of new Set(pr.closingIssues)) push(index.pullRequestsByClosingIssue, n, pr);
  }
  return index;
}
