/**
 * Builds the repository snapshot (docs/evaluation.md) with GraphQL. One query per round fetches the
 * next page of every list still being read (milestones, labels, issues, pull requests, the
 * pull request's changed files, check contexts), and round one also carries the default
 * branch's files and the pull request's head files, aliased, in the same document. So the
 * budget is about ⌈largest list / 100⌉ queries, plus one REST read per file too large for
 * GraphQL to return whole. Only what the plan names is read (docs/github-port.md).
 */
import type { Snapshot } from "../model/snapshot.ts";
import { planNeeds } from "../plan/needs.ts";
import { type ConnectionSpec, paginateRounds } from "./graphql-rounds.ts";
import { readFileAt } from "./read-plan.ts";
import {
  blobTexts,
  defaultChecksConnection,
  firstRoundSelection,
  headChecksConnection,
  issuesConnection,
  labelsConnection,
  latestChecks,
  milestonesConnection,
  prFilesConnection,
  pullRequestsConnection,
  toIssue,
  toMilestone,
  toPullRequest,
} from "./snapshot-query.ts";
import type { LoadSnapshotParams } from "./types.ts";

export async function loadSnapshot(params: LoadSnapshotParams): Promise<Snapshot> {
  const { client, owner, repo, pr, log } = params;
  const now = params.now ?? (() => new Date());
  const needs = planNeeds(params.plan);
  const hasPr = pr !== undefined;
  const prVar = { pr: ["Int!", pr] as [string, unknown] };
  // Head files: the plan-named files, and the plan itself (kept only if the PR changes it).
  const headPaths = hasPr ? [...new Set([...needs.files, params.planPath])] : [];

  // 1. Which lists to page through: never one the plan does not need.
  const connections: ConnectionSpec[] = [milestonesConnection, labelsConnection, issuesConnection];
  if (needs.pullRequests) connections.push(pullRequestsConnection);
  if (needs.checks.length > 0) connections.push(defaultChecksConnection);
  if (hasPr) {
    connections.push({ ...prFilesConnection, variables: prVar });
    if (needs.checks.length > 0) connections.push({ ...headChecksConnection, variables: prVar });
  }

  // 2. Page through them together; round one also reads files and the pull request.
  const rounds = await paginateRounds({
    client,
    owner,
    repo,
    connections,
    firstRoundSelection: firstRoundSelection({
      files: needs.files,
      pr: hasPr,
      headFiles: headPaths,
    }),
    ...(hasPr ? { firstRoundVariables: prVar } : {}),
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
  const pullRequests = (n.pullRequests ?? []).map((node) =>
    toPullRequest(node as Record<string, unknown>, repository),
  );

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

  log.info(`snapshot of ${repository}: ${rounds.queries} GraphQL queries`);
  return {
    version: 1,
    repository,
    defaultBranch,
    fetchedAt: now().toISOString(),
    planPath: params.planPath,
    milestones: (n.milestones ?? []).map((m) => toMilestone(m as Record<string, unknown>)),
    labels: (n.labels ?? []).map((l) => (l as { name: string }).name),
    issues: (n.issues ?? []).map((i) => toIssue(i as Record<string, unknown>)),
    pullRequests,
    files,
    checks: needs.checks.length > 0 ? latestChecks(n.defaultChecks ?? [], needs.checks) : {},
  };
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
