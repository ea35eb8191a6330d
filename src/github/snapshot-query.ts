/**
 * The GraphQL selections the snapshot loader sends, and the mapping of their answers to the
 * snapshot's shapes (docs/evaluation.md). Kept apart from the orchestration so the documents can be
 * read (and validated against GitHub's schema) in one place.
 */
import type { SnapshotIssue, SnapshotMilestone, SnapshotPullRequest } from "../model/snapshot.ts";
import { type ConnectionSpec, PAGE_SIZE, type Page } from "./graphql-rounds.ts";

const PAGE_INFO = "pageInfo { hasNextPage endCursor }";

/**
 * A deliverable's issue: what evaluation reads of it. GitHub allows at most 100 labels on an
 * issue or pull request, so `labels(first: 100)` is always the whole list.
 */
export const ISSUE_FIELDS = `number title state stateReason
  labels(first: 100) { nodes { name } }
  milestone { number }`;

/**
 * The pull requests that close an issue (only to find those without the deliverable's label);
 * an issue with more of them is read further with `issue(number:)`.
 */
export const CLOSED_BY_FIRST = 25;
const CLOSED_BY = (first: number, after?: string) =>
  `closedByPullRequestsReferences(first: ${first}, includeClosedPrs: true${after ? `, after: ${JSON.stringify(after)}` : ""}) { nodes { number repository { nameWithOwner } } ${"pageInfo { hasNextPage endCursor }"} }`;

/** An issue plan-align keeps (review, risk, dashboard): also who closed it and its assignees. */
export const OWN_ISSUE_FIELDS = `${ISSUE_FIELDS}
  assignees(first: 20) { nodes { login } }
  timelineItems(last: 1, itemTypes: [CLOSED_EVENT]) { nodes { ... on ClosedEvent { actor { login } } } }`;

/** Nested lists of a pull request that can outgrow one page; read further by number. */
const CLOSING_ISSUES = (first: number, after?: string) =>
  `closingIssuesReferences(first: ${first}${after ? `, after: ${JSON.stringify(after)}` : ""}) { nodes { number repository { nameWithOwner } } pageInfo { hasNextPage endCursor } }`;
const REVIEWS = (first: number, after?: string) =>
  `latestOpinionatedReviews(first: ${first}${after ? `, after: ${JSON.stringify(after)}` : ""}) { nodes { state author { login } } pageInfo { hasNextPage endCursor } }`;

export const PULL_REQUEST_FIELDS = `number title state merged
  labels(first: 100) { nodes { name } }
  milestone { number }
  ${CLOSING_ISSUES(50)}
  ${REVIEWS(100)}
  headRefOid baseRefName headRefName headRepository { nameWithOwner }`;

const CONTEXT_FIELDS = `__typename
  ... on CheckRun { name status conclusion startedAt completedAt }
  ... on StatusContext { context state createdAt }`;

const BLOB_FIELDS = "object { ... on Blob { text isTruncated isBinary } }";

/** `f0: file(path: "a") { … } f1: …` — several files of one commit in one query. */
export function fileSelections(paths: readonly string[]): string {
  return paths
    .map((p, i) => `f${i}: file(path: ${JSON.stringify(p)}) { ${BLOB_FIELDS} }`)
    .join("\n");
}

function connection(params: {
  key: string;
  field: string;
  args?: string;
  nodeFields: string;
  wrap?: (inner: string) => string;
  page: (repo: Record<string, unknown>) => unknown;
  variables?: ConnectionSpec["variables"];
}): ConnectionSpec {
  const wrap = params.wrap ?? ((inner: string) => `${params.key}: ${inner}`);
  return {
    key: params.key,
    selection: (cursor) =>
      wrap(
        `${params.field}(first: ${PAGE_SIZE}, after: ${cursor}${params.args ? `, ${params.args}` : ""}) { nodes { ${params.nodeFields} } ${PAGE_INFO} }`,
      ),
    page: (repo) => params.page(repo) as Page<unknown> | null,
    ...(params.variables ? { variables: params.variables } : {}),
  };
}

const get = (o: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    o,
  );

export const milestonesConnection = connection({
  key: "milestones",
  field: "milestones",
  args: "states: [OPEN, CLOSED], orderBy: { field: NUMBER, direction: ASC }",
  nodeFields: "number title state dueOn description closedAt",
  page: (r) => r.milestones,
});

/** A GraphQL list literal of strings: `["a", "b"]` (JSON strings are GraphQL strings). */
const stringList = (values: readonly string[]) =>
  `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;

/**
 * The issues carrying any of `labels` (GitHub's `labels` filter matches any of them). With
 * `closedBy`, each issue also names the pull requests that close it.
 */
export function issuesWithLabels(params: {
  key: string;
  labels: readonly string[];
  own?: boolean;
  closedBy?: boolean;
}): ConnectionSpec {
  return connection({
    key: params.key,
    field: "issues",
    args: `labels: ${stringList(params.labels)}, orderBy: { field: CREATED_AT, direction: ASC }`,
    nodeFields: `${params.own ? OWN_ISSUE_FIELDS : ISSUE_FIELDS}${params.closedBy ? `\n  ${CLOSED_BY(CLOSED_BY_FIRST)}` : ""}`,
    page: (r) => r[params.key],
  });
}

/** The pull requests carrying any of `labels`. */
export function pullRequestsWithLabels(params: {
  key: string;
  labels: readonly string[];
}): ConnectionSpec {
  return connection({
    key: params.key,
    field: "pullRequests",
    args: `labels: ${stringList(params.labels)}, orderBy: { field: CREATED_AT, direction: ASC }`,
    nodeFields: PULL_REQUEST_FIELDS,
    page: (r) => r[params.key],
  });
}

/**
 * Splits labels into sets of at most `size`, as even as possible, so that one connection per
 * set reads them all in the same rounds.
 */
export function labelSets(labels: readonly string[], size: number): string[][] {
  if (labels.length === 0) return [];
  const count = Math.ceil(labels.length / size);
  const per = Math.ceil(labels.length / count);
  const sets: string[][] = [];
  for (let i = 0; i < labels.length; i += per) sets.push(labels.slice(i, i + per));
  return sets;
}

/** `l0: label(name: "a") { name } …` — whether each named label exists, in one round. */
export function labelLookups(names: readonly string[]): string {
  return names.map((n, i) => `l${i}: label(name: ${JSON.stringify(n)}) { name }`).join("\n");
}

/** The label names found by `labelLookups` (GitHub's spelling), in the order asked. */
export function foundLabels(repository: unknown, names: readonly string[]): string[] {
  const found: string[] = [];
  names.forEach((_, i) => {
    const name = get(repository, `l${i}`, "name");
    if (typeof name === "string" && !found.includes(name)) found.push(name);
  });
  return found;
}

/** `h0: history(path: "a", first: 1) { … }` — when the default branch last changed each path. */
export function historySelections(paths: readonly string[]): string {
  return paths
    .map(
      (p, i) => `h${i}: history(path: ${JSON.stringify(p)}, first: 1) { nodes { committedDate } }`,
    )
    .join("\n");
}

/** The commit times read by `historySelections`, by path; a path never changed is absent. */
export function committedAt(commit: unknown, paths: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  paths.forEach((path, i) => {
    const nodes = get(commit, `h${i}`, "nodes");
    const date = Array.isArray(nodes) ? get(nodes[0], "committedDate") : undefined;
    if (typeof date === "string") result[path] = date;
  });
  return result;
}

/** A pull request by number, whole (one found through an issue it closes). */
export function pullRequestLookup(alias: string, number: number): string {
  return `${alias}: pullRequest(number: ${number}) { ${PULL_REQUEST_FIELDS} }`;
}

/** The next page of a nested list that overflowed its first page. */
export function nestedPageLookup(params: {
  alias: string;
  of: "issue" | "pullRequest";
  number: number;
  list: "closedBy" | "closingIssues" | "reviews";
  after: string;
}): string {
  const list = { closedBy: CLOSED_BY, closingIssues: CLOSING_ISSUES, reviews: REVIEWS }[
    params.list
  ](PAGE_SIZE, params.after);
  return `${params.alias}: ${params.of}(number: ${params.number}) { ${list} }`;
}

/** The field name of a nested list in the answer. */
export const NESTED_FIELD = {
  closedBy: "closedByPullRequestsReferences",
  closingIssues: "closingIssuesReferences",
  reviews: "latestOpinionatedReviews",
} as const;

/** The default branch head's check runs and status contexts. */
export const defaultChecksConnection = connection({
  key: "defaultChecks",
  field: "contexts",
  nodeFields: CONTEXT_FIELDS,
  wrap: (inner) =>
    `defaultChecks: defaultBranchRef { target { ... on Commit { statusCheckRollup { ${inner} } } } }`,
  page: (r) => get(r, "defaultChecks", "target", "statusCheckRollup", "contexts") ?? null,
});

/** The pull request's changed files. */
export const prFilesConnection = connection({
  key: "prFiles",
  field: "files",
  nodeFields: "path",
  wrap: (inner) => `prFiles: pullRequest(number: $pr) { ${inner} }`,
  page: (r) => get(r, "prFiles", "files") ?? null,
  variables: {},
});

/** The pull request head commit's check runs and status contexts. */
export const headChecksConnection = connection({
  key: "headChecks",
  field: "contexts",
  nodeFields: CONTEXT_FIELDS,
  wrap: (inner) =>
    `headChecks: pullRequest(number: $pr) { commits(last: 1) { nodes { commit { statusCheckRollup { ${inner} } } } } }`,
  page: (r) => {
    const nodes = get(r, "headChecks", "commits", "nodes");
    const commit = Array.isArray(nodes) ? nodes[0] : undefined;
    return get(commit, "commit", "statusCheckRollup", "contexts") ?? null;
  },
});

/**
 * Round-one fields: the default branch (its named files, and when each file whose measure
 * goes stale last changed), the named labels, and the pull request itself.
 */
export function firstRoundSelection(params: {
  files: readonly string[];
  history: readonly string[];
  labels: readonly string[];
  pr: boolean;
  headFiles: readonly string[];
}): string {
  const onCommit = [fileSelections(params.files), historySelections(params.history)]
    .filter(Boolean)
    .join("\n");
  const parts = [
    `nameWithOwner
    defaultBranchRef { name target { oid ${onCommit ? `... on Commit { ${onCommit} }` : ""} } }`,
  ];
  if (params.labels.length > 0) parts.push(labelLookups(params.labels));
  if (params.pr) {
    parts.push(
      `pr: pullRequest(number: $pr) { ${PULL_REQUEST_FIELDS}
        headCommit: commits(last: 1) { nodes { commit { oid ${fileSelections(params.headFiles)} } } } }`,
    );
  }
  return parts.join("\n");
}

// ---- answers → snapshot shapes ----

type Obj = Record<string, unknown>;
const names = (conn: unknown, field: string): string[] => {
  const nodes = get(conn, "nodes");
  return Array.isArray(nodes)
    ? nodes.map((n) => get(n, field)).filter((v): v is string => typeof v === "string")
    : [];
};
const lower = <T extends string>(v: unknown): T | null =>
  typeof v === "string" ? (v.toLowerCase() as T) : null;

export function toMilestone(n: Obj): SnapshotMilestone {
  return {
    number: n.number as number,
    title: n.title as string,
    state: lower<"open" | "closed">(n.state) ?? "open",
    dueOn: (n.dueOn as string | null) ?? null,
    description: (n.description as string | null) ?? "",
    closedAt: (n.closedAt as string | null) ?? null,
  };
}

export function toIssue(n: Obj): SnapshotIssue {
  const closedEvents = get(n, "timelineItems", "nodes");
  const lastClose = Array.isArray(closedEvents) ? closedEvents[closedEvents.length - 1] : null;
  const closedBy = get(lastClose, "actor", "login");
  return {
    number: n.number as number,
    title: n.title as string,
    state: lower<"open" | "closed">(n.state) ?? "open",
    stateReason: lower<"completed" | "not_planned" | "reopened" | "duplicate">(n.stateReason),
    labels: names(n.labels, "name"),
    milestone: (get(n, "milestone", "number") as number | undefined) ?? null,
    // Read only for the issues plan-align keeps (OWN_ISSUE_FIELDS); absent otherwise.
    ...("timelineItems" in n
      ? { closedBy: n.state === "CLOSED" && typeof closedBy === "string" ? closedBy : null }
      : {}),
    ...("assignees" in n ? { assignees: names(n.assignees, "login") } : {}),
  };
}

export function toPullRequest(n: Obj, repository: string): SnapshotPullRequest {
  const closing = get(n, "closingIssuesReferences", "nodes");
  const reviews = get(n, "latestOpinionatedReviews", "nodes");
  const head = get(n, "headRepository", "nameWithOwner");
  return {
    number: n.number as number,
    title: n.title as string,
    // GraphQL has a third state, MERGED; the snapshot says closed + merged.
    state: n.state === "OPEN" ? "open" : "closed",
    merged: n.merged === true,
    labels: names(n.labels, "name"),
    milestone: (get(n, "milestone", "number") as number | undefined) ?? null,
    closingIssues: Array.isArray(closing)
      ? closing
          .filter((c) => get(c, "repository", "nameWithOwner") === repository)
          .map((c) => get(c, "number") as number)
      : [],
    approvals: Array.isArray(reviews)
      ? reviews
          .filter((r) => get(r, "state") === "APPROVED")
          .map((r) => get(r, "author", "login"))
          .filter((v): v is string => typeof v === "string")
      : [],
    headSha: n.headRefOid as string,
    baseRef: n.baseRefName as string,
    headRef: n.headRefName as string,
    ...(typeof head === "string" ? { headRepository: head } : {}),
  };
}

/** The latest conclusion of each wanted check name (a re-run supersedes the earlier run). */
export function latestChecks(contexts: unknown[], wanted: string[] | null): Record<string, string> {
  const best = new Map<string, { at: string; value: string }>();
  for (const c of contexts) {
    const isRun = get(c, "__typename") === "CheckRun";
    const name = get(c, isRun ? "name" : "context");
    if (typeof name !== "string" || (wanted && !wanted.includes(name))) continue;
    const value = isRun
      ? (lower<string>(get(c, "conclusion")) ?? lower<string>(get(c, "status")) ?? "pending")
      : (lower<string>(get(c, "state")) ?? "pending");
    const at = String(
      (isRun ? (get(c, "completedAt") ?? get(c, "startedAt")) : get(c, "createdAt")) ?? "",
    );
    const prev = best.get(name);
    if (!prev || at >= prev.at) best.set(name, { at, value });
  }
  return Object.fromEntries([...best].map(([k, v]) => [k, v.value]));
}

/** Files of a commit answer (`f0`, `f1`, …): text by path; absent when missing or binary. */
export function blobTexts(
  commit: unknown,
  paths: readonly string[],
): { files: Record<string, string>; truncated: string[] } {
  const files: Record<string, string> = {};
  const truncated: string[] = [];
  paths.forEach((path, i) => {
    const blob = get(commit, `f${i}`, "object");
    if (!blob || get(blob, "isBinary") === true) return;
    if (get(blob, "isTruncated") === true) truncated.push(path);
    else if (typeof get(blob, "text") === "string") files[path] = get(blob, "text") as string;
  });
  return { files, truncated };
}
