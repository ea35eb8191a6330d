/**
 * Builds the repository snapshot with GraphQL, reading only what the plan names: the issues
 * carrying its deliverables' labels or plan-align's own labels (review, risk, dashboard), the
 * pull requests carrying those labels or closing those issues, the milestones, whether the
 * named labels exist, the named files (and when the measures' files last changed) and checks,
 * and in check mode the pull request itself. Every round is one query holding the next page of
 * each list still being read and every lookup waiting (docs/github-port.md has the budget), so
 * a repository with 50,000 unlabelled issues costs what one with 1,000 costs.
 */
import { labelKey, OWN_ISSUE_LABELS } from "../model/names/labels.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { planNeeds } from "../plan/needs.ts";
import { type ConnectionSpec, type Lookup, paginateRounds } from "./graphql-rounds.ts";
import { readFileAt } from "./read-plan.ts";
import {
  blobTexts,
  committedAt,
  defaultChecksConnection,
  firstRoundSelection,
  foundLabels,
  headChecksConnection,
  issuesWithLabels,
  labelSets,
  latestChecks,
  milestonesConnection,
  NESTED_FIELD,
  nestedPageLookup,
  prFilesConnection,
  pullRequestLookup,
  pullRequestsWithLabels,
  toIssue,
  toMilestone,
  toPullRequest,
} from "./snapshot-query.ts";
import type { LoadSnapshotParams } from "./types.ts";

/** Labels per `labels:` filter: the plan's labels are read by one connection per set. */
export const LABELS_PER_SET = 100;

type Obj = Record<string, unknown>;

export async function loadSnapshot(params: LoadSnapshotParams): Promise<Snapshot> {
  const { client, owner, repo, pr, log } = params;
  const now = params.now ?? (() => new Date());
  const needs = planNeeds(params.plan);
  const hasPr = pr !== undefined;
  const prVar = { pr: ["Int!", pr] as [string, unknown] };
  // Head files: the plan-named files, and the plan itself (kept only if the PR changes it).
  const headPaths = hasPr ? [...new Set([...needs.files, params.planPath])] : [];
  const sets = labelSets(needs.labels, LABELS_PER_SET);
  const namedLabels = uniqueByKey([...needs.labels, ...OWN_ISSUE_LABELS]);

  // 1. Which lists to page through: only the plan's labelled items, never a whole list.
  const connections: ConnectionSpec[] = [milestonesConnection];
  sets.forEach((labels, i) => {
    connections.push(issuesWithLabels({ key: `issues${i}`, labels, closedBy: needs.pullRequests }));
  });
  connections.push(issuesWithLabels({ key: "ownIssues", labels: OWN_ISSUE_LABELS, own: true }));
  if (needs.pullRequests) {
    sets.forEach((labels, i) => {
      connections.push(pullRequestsWithLabels({ key: `pulls${i}`, labels }));
    });
  }
  if (needs.checks.length > 0) connections.push(defaultChecksConnection);
  if (hasPr) {
    connections.push({ ...prFilesConnection, variables: prVar });
    if (needs.checks.length > 0) connections.push({ ...headChecksConnection, variables: prVar });
  }

  // 2. Page through them together; round one also reads files, labels and the pull request.
  const found = new FoundItems();
  const rounds = await paginateRounds({
    client,
    owner,
    repo,
    connections,
    firstRoundSelection: firstRoundSelection({
      files: needs.files,
      history: needs.fileHistory,
      labels: namedLabels,
      pr: hasPr,
      headFiles: headPaths,
    }),
    ...(hasPr ? { firstRoundVariables: prVar } : {}),
    afterRound: ({ nodes, first }) => {
      const repository = (first.nameWithOwner as string | undefined) ?? `${owner}/${repo}`;
      if (!found.started) {
        found.started = true;
        if (first.pr && typeof first.pr === "object") found.pullRequest(first.pr as Obj, false);
      }
      for (const [key, list] of Object.entries(nodes)) {
        const isIssues = key.startsWith("issues") || key === "ownIssues";
        for (const node of list as Obj[]) {
          if (isIssues) found.issue(node, repository);
          else if (key.startsWith("pulls")) found.pullRequest(node, true);
        }
      }
      return found.takeLookups();
    },
    onQuery: (round, keys) => log.debug(`snapshot query ${round}: ${keys.join(", ") || "files"}`),
  });
  const first = rounds.first;
  const repository = (first.nameWithOwner as string | undefined) ?? `${owner}/${repo}`;
  const branch = first.defaultBranchRef as { name?: string; target?: unknown } | null;
  if (!branch) log.warn(`${repository} has no default branch (empty repository?)`);
  const defaultBranch = branch?.name ?? "main";

  // 3. Files too large for GraphQL's text come from the contents API, at the same commit.
  const defaultOid = (branch?.target as { oid?: string } | undefined)?.oid;
  const base = blobTexts(branch?.target, needs.files);
  const files = await withLargeFiles({ ...params, ...base, ref: defaultOid });

  const n = rounds.nodes;
  const pullRequests = [...found.pulls.values()]
    .sort((a, b) => (a.number as number) - (b.number as number))
    .map((node) => toPullRequest(node, repository));

  // 4. The pull request asked for: changed files, head files and head checks.
  if (hasPr) {
    const prNode = first.pr as Record<string, unknown> | null;
    if (!prNode) throw new Error(`Pull request #${pr} was not found in ${repository}.`);
    const loaded = toPullRequest(prNode, repository);
    const changedFiles = (n.prFiles ?? []).map((f) => (f as { path: string }).path);
    const commits = (prNode.headCommit as { nodes?: { commit?: unknown }[] } | null)?.nodes;
    const headCommit = commits?.[commits.length - 1]?.commit as { oid?: string } | undefined;
    const head = blobTexts(headCommit, headPaths);
    const headFiles = await withLargeFiles({
      ...params,
      ...head,
      ref: headCommit?.oid ?? loaded.headSha,
    });
    if (!changedFiles.includes(params.planPath)) delete headFiles[params.planPath];
    const extra = {
      changedFiles,
      headFiles,
      ...(needs.checks.length > 0
        ? { headChecks: latestChecks(n.headChecks ?? [], needs.checks) }
        : {}),
    };
    const at = pullRequests.findIndex((p) => p.number === pr);
    if (at === -1) pullRequests.push({ ...loaded, ...extra });
    else pullRequests[at] = { ...loaded, ...extra };
  }

  log.info(
    `snapshot of ${repository}: ${rounds.queries} GraphQL ${rounds.queries === 1 ? "query" : "queries"} for ${found.issues.size} issues and ${pullRequests.length} pull requests the plan names`,
  );
  return {
    version: 1,
    repository,
    defaultBranch,
    fetchedAt: now().toISOString(),
    planPath: params.planPath,
    milestones: (n.milestones ?? []).map((m) => toMilestone(m as Record<string, unknown>)),
    labels: foundLabels(first, namedLabels),
    issues: [...found.issues.values()]
      .sort((a, b) => (a.number as number) - (b.number as number))
      .map((i) => toIssue(i)),
    pullRequests,
    files,
    ...(needs.fileHistory.length > 0
      ? { fileCommittedAt: committedAt(branch?.target, needs.fileHistory) }
      : {}),
    checks: needs.checks.length > 0 ? latestChecks(n.defaultChecks ?? [], needs.checks) : {},
  };
}

/** One label per key (GitHub label names are case-insensitive), first spelling kept. */
function uniqueByKey(labels: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const l of labels) if (!seen.has(labelKey(l))) seen.set(labelKey(l), l);
  return [...seen.values()];
}

/**
 * The issues and pull requests read so far (raw answers, by number), and the lookups they
 * call for: a pull request that closes a named issue but carries no named label, and the next
 * page of a nested list that outgrew its first (closing issues, reviews, closing pull
 * requests). Those pages are appended to the raw answer, so the snapshot is never a silently
 * truncated list.
 */
class FoundItems {
  started = false;
  readonly issues = new Map<number, Obj>();
  readonly pulls = new Map<number, Obj>();
  private readonly requested = new Set<number>();
  private readonly closers = new Set<number>();
  private queued: Lookup[] = [];
  private aliases = 0;

  issue(node: Obj, repository: string): void {
    const number = node.number as number;
    const had = this.issues.get(number);
    // An issue plan-align keeps is read with more fields; that answer wins.
    if (!had || "timelineItems" in node) this.issues.set(number, node);
    this.closersOf(node, repository);
    this.continueList(node, "issue", "closedBy", () => this.closersOf(node, repository));
  }

  /** `counted`: part of the snapshot's list (the check-mode pull request is added apart). */
  pullRequest(node: Obj, counted: boolean): void {
    const number = node.number as number;
    if (counted) this.pulls.set(number, node);
    this.continueList(node, "pullRequest", "closingIssues");
    this.continueList(node, "pullRequest", "reviews");
  }

  takeLookups(): Lookup[] {
    for (const number of this.closers) {
      if (this.pulls.has(number) || this.requested.has(number)) continue;
      this.requested.add(number);
      const alias = `pr${number}`;
      this.queued.push({
        alias,
        selection: pullRequestLookup(alias, number),
        receive: (answer) => {
          if (answer) this.pullRequest(answer, true);
        },
      });
    }
    const out = this.queued;
    this.queued = [];
    return out;
  }

  private closersOf(node: Obj, repository: string): void {
    const conn = node[NESTED_FIELD.closedBy] as { nodes?: unknown[] } | undefined;
    for (const c of conn?.nodes ?? []) {
      const ref = c as { number?: unknown; repository?: { nameWithOwner?: unknown } } | null;
      if (typeof ref?.number !== "number") continue;
      if (ref.repository?.nameWithOwner !== repository) continue;
      this.closers.add(ref.number);
    }
  }

  /** Queues the next page of `list` in `node` when it has one; `then` runs after it arrives. */
  private continueList(
    node: Obj,
    of: "issue" | "pullRequest",
    list: keyof typeof NESTED_FIELD,
    then?: () => void,
  ): void {
    const field = NESTED_FIELD[list];
    const conn = node[field] as
      | { nodes?: unknown[]; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } }
      | undefined;
    const after = conn?.pageInfo?.endCursor;
    if (!conn?.pageInfo?.hasNextPage || typeof after !== "string") return;
    const alias = `n${this.aliases++}`;
    this.queued.push({
      alias,
      selection: nestedPageLookup({ alias, of, number: node.number as number, list, after }),
      receive: (answer) => {
        const more = answer?.[field] as typeof conn | undefined;
        // Gone meanwhile: stop here rather than loop; what was read stays.
        conn.pageInfo = more?.pageInfo ?? { hasNextPage: false, endCursor: null };
        conn.nodes = [...(conn.nodes ?? []), ...(more?.nodes ?? [])];
        then?.();
        this.continueList(node, of, list, then);
      },
    });
  }
}

async function withLargeFiles(params: {
  client: LoadSnapshotParams["client"];
  owner: string;
  repo: string;
  files: Record<string, string>;
  truncated: string[];
  ref: string | undefined;
}): Promise<Record<string, string>> {
  const files = { ...params.files };
  for (const path of params.truncated) {
    const text = await readFileAt({ ...params, path, ...(params.ref ? { ref: params.ref } : {}) });
    if (text !== null) files[path] = text;
  }
  return files;
}
