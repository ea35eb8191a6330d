/**
 * A repository's state as plain data, answered as GitHub would: GraphQL documents are
 * EXECUTED against GitHub's published schema (@octokit/graphql-schema) over this state, so
 * whatever the loader asks — aliases, fragments, pagination with `first`/`after` — gets the
 * answer GitHub's types allow, and a field GitHub does not have fails. REST reads of single
 * files come from the same state.
 */
import {
  defaultFieldResolver,
  execute,
  type GraphQLFieldResolver,
  getNamedType,
  parse,
} from "graphql";
import { githubGraphQLSchema } from "../support/contract.ts";

export interface FakeIssue {
  number: number;
  title?: string;
  state?: "open" | "closed";
  stateReason?: "completed" | "not_planned" | null;
  labels?: string[];
  milestone?: number | null;
}

export interface FakePullRequest {
  number: number;
  title?: string;
  state?: "open" | "closed";
  merged?: boolean;
  labels?: string[];
  milestone?: number | null;
  closingIssues?: number[];
  approvals?: string[];
  headSha: string;
  baseRef: string;
  headRef?: string;
  headRepository?: string;
  changedFiles?: string[];
  headFiles?: Record<string, string>;
}

export interface FakeMilestone {
  number: number;
  title: string;
  state?: "open" | "closed";
  dueOn?: string | null;
  description?: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  headOid?: string;
  files: Record<string, string>;
  milestones: FakeMilestone[];
  labels: string[];
  issues: FakeIssue[];
  pullRequests: FakePullRequest[];
}

const blob = (text: string | undefined) =>
  text === undefined
    ? null
    : { object: { __typename: "Blob", text, isTruncated: false, isBinary: false } };

function commit(oid: string, files: Record<string, string>) {
  return {
    __typename: "Commit",
    oid,
    file: ({ path }: { path: string }) => blob(files[path]),
    statusCheckRollup: { contexts: [] },
    history: [] as unknown[],
  };
}

function pullRequestNode(repo: FakeRepo, pr: FakePullRequest) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    number: pr.number,
    title: pr.title ?? `Pull request ${pr.number}`,
    state: pr.merged ? "MERGED" : (pr.state ?? "open").toUpperCase(),
    merged: pr.merged ?? false,
    labels: (pr.labels ?? []).map((name) => ({ name })),
    milestone: pr.milestone ? { number: pr.milestone } : null,
    closingIssuesReferences: (pr.closingIssues ?? []).map((number) => ({
      number,
      repository: { nameWithOwner: full },
    })),
    latestOpinionatedReviews: (pr.approvals ?? []).map((login) => ({
      state: "APPROVED",
      author: { login },
    })),
    repository: { nameWithOwner: full },
    headRefOid: pr.headSha,
    baseRefName: pr.baseRef,
    headRefName: pr.headRef ?? `branch-${pr.number}`,
    headRepository: { nameWithOwner: pr.headRepository ?? full },
    commits: [{ commit: commit(pr.headSha, { ...repo.files, ...(pr.headFiles ?? {}) }) }],
    files: (pr.changedFiles ?? []).map((path) => ({ path })),
  };
}

function repositoryNode(repo: FakeRepo) {
  return {
    nameWithOwner: `${repo.owner}/${repo.name}`,
    defaultBranchRef: {
      name: repo.defaultBranch,
      target: commit(repo.headOid ?? "d".repeat(40), repo.files),
    },
    milestones: repo.milestones.map((m) => ({
      number: m.number,
      title: m.title,
      state: (m.state ?? "open").toUpperCase(),
      dueOn: m.dueOn ? pacificMidnight(m.dueOn) : null,
      description: m.description ?? "",
      closedAt: m.state === "closed" ? "2026-01-01T00:00:00Z" : null,
    })),
    labels: repo.labels.map((name) => ({ name })),
    label: ({ name }: { name: string }) => {
      const found = repo.labels.find((l) => l.toLowerCase() === name.toLowerCase());
      return found ? { name: found } : null;
    },
    // GitHub's `labels` filter: any of them, case-insensitively.
    issues: ({ labels }: { labels?: string[] }) =>
      repo.issues.filter((i) => hasAny(i.labels, labels)).map((i) => issueNode(repo, i)),
    issue: ({ number }: { number: number }) => {
      const issue = repo.issues.find((i) => i.number === number);
      return issue ? issueNode(repo, issue) : null;
    },
    pullRequests: ({ labels }: { labels?: string[] }) =>
      repo.pullRequests
        .filter((pr) => hasAny(pr.labels, labels))
        .map((pr) => pullRequestNode(repo, pr)),
    pullRequest: ({ number }: { number: number }) => {
      const pr = repo.pullRequests.find((p) => p.number === number);
      return pr ? pullRequestNode(repo, pr) : null;
    },
  };
}

function hasAny(labels: string[] | undefined, wanted: string[] | undefined): boolean {
  if (!wanted) return true;
  const keys = wanted.map((l) => l.toLowerCase());
  return (labels ?? []).some((l) => keys.includes(l.toLowerCase()));
}

function issueNode(repo: FakeRepo, i: FakeIssue) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    number: i.number,
    title: i.title ?? `Issue ${i.number}`,
    state: (i.state ?? "open").toUpperCase(),
    stateReason: i.stateReason ? i.stateReason.toUpperCase() : null,
    labels: (i.labels ?? []).map((name) => ({ name })),
    milestone: i.milestone ? { number: i.milestone } : null,
    assignees: [],
    timelineItems: [],
    closedByPullRequestsReferences: repo.pullRequests
      .filter((pr) => (pr.closingIssues ?? []).includes(i.number))
      .map((pr) => pullRequestNode(repo, pr)),
    repository: { nameWithOwner: full },
  };
}

/** GitHub keeps a due date as midnight in US Pacific time: 07:00Z in summer, 08:00Z in winter. */
function pacificMidnight(date: string): string {
  for (const hour of ["07", "08"]) {
    const at = new Date(`${date}T${hour}:00:00Z`);
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/Los_Angeles",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
    }).format(at);
    if (local === `${date}, 00`) return at.toISOString().replace(".000", "");
  }
  throw new Error(`no Pacific midnight for ${date}`);
}

/** Arrays stand for connections: page them as GitHub does (`first`/`after`, or `last`). */
const connectionResolver: GraphQLFieldResolver<unknown, unknown> = (
  source,
  args,
  context,
  info,
) => {
  const value = defaultFieldResolver(source, args, context, info);
  const type = getNamedType(info.returnType);
  if (!Array.isArray(value) || !type.name.endsWith("Connection")) return value;
  const after = typeof args.after === "string" ? Number(args.after) + 1 : 0;
  let items = value.slice(after);
  let start = after;
  if (typeof args.last === "number") {
    start = Math.max(0, value.length - args.last);
    items = value.slice(start);
  }
  if (typeof args.first === "number") items = items.slice(0, args.first);
  const end = start + items.length - 1;
  return {
    nodes: items,
    totalCount: value.length,
    pageInfo: {
      hasNextPage: end < value.length - 1,
      endCursor: items.length > 0 ? String(end) : null,
    },
  };
};

/** The `{ data, errors }` GitHub would answer to a GraphQL request body. */
export function answerGraphQL(repo: FakeRepo, body: unknown): Record<string, unknown> {
  const parsed = typeof body === "string" ? JSON.parse(body) : body;
  const { query, variables } = parsed as { query: string; variables?: Record<string, unknown> };
  const result = execute({
    schema: githubGraphQLSchema(),
    document: parse(query),
    variableValues: variables ?? {},
    rootValue: {
      repository: ({ owner, name }: { owner: string; name: string }) =>
        owner === repo.owner && name === repo.name ? repositoryNode(repo) : null,
    },
    fieldResolver: connectionResolver,
  });
  if (result instanceof Promise) throw new Error("the fake answers synchronously");
  return JSON.parse(JSON.stringify(result));
}
