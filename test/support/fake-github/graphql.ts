/**
 * Executes GraphQL documents for the fake GitHub with the `graphql` package against GitHub's
 * real schema (@octokit/graphql-schema), with resolvers backed by the fake state. Objects are
 * plain data whose fields may be functions of the field's arguments (graphql's default
 * resolver calls them), so aliases, fragments and variables behave as on GitHub.
 */
import { type ExecutionResult, execute, GraphQLError } from "graphql";
import { checkGraphQLDocument, githubGraphQLSchema } from "../contract.ts";
import type { FakeCheck, FakeIssue, FakePullRequest, FakeRepo } from "./state.ts";

type Args = Record<string, unknown>;

/** A cursor-paginated connection over `items` (first/after, last/before). */
export function connection<T>(items: T[], args: Args) {
  let start = 0;
  let end = items.length;
  if (typeof args.after === "string") start = decodeCursor(args.after) + 1;
  if (typeof args.before === "string") end = decodeCursor(args.before);
  if (typeof args.first === "number") {
    if (args.first > 100) throw new GraphQLError("first may not exceed 100");
    end = Math.min(end, start + args.first);
  }
  if (typeof args.last === "number") start = Math.max(start, end - args.last);
  const slice = items.slice(start, end);
  return {
    nodes: slice,
    edges: slice.map((node, i) => ({ node, cursor: encodeCursor(start + i) })),
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length ? encodeCursor(start) : null,
      endCursor: slice.length ? encodeCursor(end - 1) : null,
    },
  };
}

const encodeCursor = (i: number) => Buffer.from(`cursor:${i}`).toString("base64");
const decodeCursor = (c: string) => Number(Buffer.from(c, "base64").toString().slice(7));

const upper = (s: string | null | undefined) => (s ? s.toUpperCase() : null);

/** REST names a bot `name[bot]`; GraphQL answers a Bot whose login has no suffix. */
function actor(login: string) {
  return login.endsWith("[bot]")
    ? { __typename: "Bot", login: login.slice(0, -"[bot]".length) }
    : { __typename: "User", login };
}

function checksObject(checks: FakeCheck[]) {
  return {
    state: checks.every((c) => c.conclusion === "success") ? "SUCCESS" : "FAILURE",
    contexts: (args: Args) =>
      connection(
        checks.map((c) =>
          c.name.startsWith("status:")
            ? {
                __typename: "StatusContext",
                context: c.name.slice(7),
                state: upper(c.conclusion) ?? "PENDING",
                createdAt: c.at ?? "2026-01-01T00:00:00Z",
              }
            : {
                __typename: "CheckRun",
                name: c.name,
                status: upper(c.status ?? (c.conclusion ? "completed" : "in_progress")),
                conclusion: upper(c.conclusion),
                startedAt: c.at ?? "2026-01-01T00:00:00Z",
                completedAt: c.conclusion ? (c.at ?? "2026-01-01T00:00:00Z") : null,
              },
        ),
        args,
      ),
  };
}

function commitObject(
  oid: string,
  files: Record<string, string>,
  checks: FakeCheck[],
  fileCommits: Record<string, string> = {},
) {
  return {
    __typename: "Commit",
    oid,
    file: ({ path }: Args) => {
      const text = files[path as string];
      if (text === undefined) return null;
      return {
        path,
        object: {
          __typename: "Blob",
          text,
          isTruncated: false,
          isBinary: false,
          byteSize: Buffer.byteLength(text),
        },
      };
    },
    statusCheckRollup: checks.length ? checksObject(checks) : null,
    // Only the latest commit that changed `path` is known to the fake (what loaders ask for).
    history: (args: Args) => {
      const at = typeof args.path === "string" ? fileCommits[args.path] : undefined;
      return connection(
        at
          ? [{ __typename: "Commit", oid: `${oid.slice(0, 8)}-${args.path}`, committedDate: at }]
          : [],
        args,
      );
    },
  };
}

function labelsOf(repo: FakeRepo, names: string[]) {
  return (args: Args) =>
    connection(
      names.map((name) => ({
        name,
        color: repo.labels.find((l) => l.name === name)?.color ?? "ededed",
      })),
      args,
    );
}

function milestoneRef(repo: FakeRepo, number: number | null) {
  const m = repo.milestones.find((x) => x.number === number);
  return m ? milestoneObject(m) : null;
}

function milestoneObject(m: FakeRepo["milestones"][number]) {
  return {
    number: m.number,
    title: m.title,
    state: upper(m.state),
    dueOn: m.due_on,
    description: m.description,
    closedAt: m.closed_at,
    closed: m.state === "closed",
  };
}

function issueObject(repo: FakeRepo, i: FakeIssue) {
  return {
    __typename: "Issue",
    number: i.number,
    title: i.title,
    body: i.body ?? "",
    state: upper(i.state),
    stateReason: upper(i.state_reason),
    closed: i.state === "closed",
    labels: labelsOf(repo, i.labels),
    milestone: milestoneRef(repo, i.milestone),
    assignees: (args: Args) =>
      connection(
        i.assignees.map((login) => ({ login })),
        args,
      ),
    repository: { nameWithOwner: `${repo.owner}/${repo.name}` },
    closedByPullRequestsReferences: (args: Args) =>
      connection(
        repo.pullRequests
          .filter((p) => p.closingIssues.includes(i.number))
          .filter((p) => args.includeClosedPrs === true || p.state === "open")
          .sort((a, b) => a.number - b.number)
          .map((p) => pullRequestObject(repo, p)),
        args,
      ),
    timelineItems: (args: Args) =>
      connection(
        i.state === "closed" && i.closed_by
          ? [{ __typename: "ClosedEvent", actor: actor(i.closed_by) }]
          : [],
        args,
      ),
  };
}

function pullRequestObject(repo: FakeRepo, p: FakePullRequest) {
  const latest = new Map<string, string>();
  for (const r of p.reviews) if (r.state !== "COMMENTED") latest.set(r.login, r.state);
  return {
    __typename: "PullRequest",
    number: p.number,
    title: p.title,
    state: p.merged ? "MERGED" : upper(p.state),
    merged: p.merged,
    labels: labelsOf(repo, p.labels),
    milestone: milestoneRef(repo, p.milestone),
    closingIssuesReferences: (args: Args) =>
      connection(
        p.closingIssues
          .map((n) => repo.issues.find((i) => i.number === n))
          .filter((i): i is FakeIssue => i !== undefined)
          .map((i) => issueObject(repo, i)),
        args,
      ),
    latestOpinionatedReviews: (args: Args) =>
      connection(
        [...latest]
          .filter(([, state]) => state !== "DISMISSED")
          .map(([login, state]) => ({ state, author: { __typename: "User", login } })),
        args,
      ),
    repository: { nameWithOwner: `${repo.owner}/${repo.name}` },
    headRefOid: p.headSha,
    baseRefName: p.baseRef,
    headRefName: p.headRef,
    headRepository: p.headRepository ? { nameWithOwner: p.headRepository } : null,
    files: (args: Args) =>
      connection(
        p.changedFiles.map((path) => ({ path, additions: 1, deletions: 0 })),
        args,
      ),
    commits: (args: Args) =>
      connection([{ commit: commitObject(p.headSha, p.headFiles, p.headChecks) }], args),
  };
}

function repositoryObject(repo: FakeRepo) {
  return {
    nameWithOwner: `${repo.owner}/${repo.name}`,
    name: repo.name,
    defaultBranchRef: {
      name: repo.defaultBranch,
      target: commitObject(repo.headSha, repo.files, repo.checks, repo.fileCommits),
    },
    milestones: (args: Args) => {
      const states = (args.states as string[] | undefined)?.map((s) => s.toLowerCase());
      const list = repo.milestones
        .filter((m) => !states || states.includes(m.state))
        .sort((a, b) => a.number - b.number);
      return connection(list.map(milestoneObject), args);
    },
    labels: (args: Args) =>
      labelsOf(
        repo,
        repo.labels.map((l) => l.name),
      )(args),
    issues: (args: Args) => {
      const states = (args.states as string[] | undefined)?.map((s) => s.toLowerCase());
      // Any of the labels (GitHub's `labels` filter is an OR), compared case-insensitively.
      const labels = (args.labels as string[] | undefined)?.map((l) => l.toLowerCase());
      const list = repo.issues
        .filter((i) => !states || states.includes(i.state))
        .filter((i) => !labels || i.labels.some((l) => labels.includes(l.toLowerCase())))
        .sort((a, b) => a.number - b.number);
      return connection(
        list.map((i) => issueObject(repo, i)),
        args,
      );
    },
    pullRequests: (args: Args) => {
      const labels = (args.labels as string[] | undefined)?.map((l) => l.toLowerCase());
      return connection(
        repo.pullRequests
          .filter((p) => !labels || p.labels.some((l) => labels.includes(l.toLowerCase())))
          .sort((a, b) => a.number - b.number)
          .map((p) => pullRequestObject(repo, p)),
        args,
      );
    },
    // Label names are case-insensitive on GitHub.
    label: ({ name }: Args) => {
      const label = repo.labels.find((l) => l.name.toLowerCase() === String(name).toLowerCase());
      return label ? { name: label.name, color: label.color } : null;
    },
    issue: ({ number }: Args) => {
      const i = repo.issues.find((x) => x.number === number);
      return i ? issueObject(repo, i) : null;
    },
    pullRequest: ({ number }: Args) => {
      const p = repo.pullRequests.find((x) => x.number === number);
      if (!p) {
        throw Object.assign(
          new Error(`Could not resolve to a PullRequest with the number of ${number}.`),
          {
            type: "NOT_FOUND",
          },
        );
      }
      return pullRequestObject(repo, p);
    },
  };
}

/** Runs a document against the state; answers like GitHub (data + errors with `type`). */
export async function executeGraphQL(params: {
  repos: FakeRepo[];
  query: string;
  variables?: Record<string, unknown>;
}): Promise<{ data?: unknown; errors?: unknown[] }> {
  const root = {
    repository: ({ owner, name }: Args) => {
      const repo = params.repos.find((r) => r.owner === owner && r.name === name);
      if (!repo) {
        throw Object.assign(
          new Error(`Could not resolve to a Repository with the name '${owner}/${name}'.`),
          {
            type: "NOT_FOUND",
          },
        );
      }
      return repositoryObject(repo);
    },
  };
  // What graphql() does, with the document parsed and validated once per distinct text.
  const { document, errors } = checkGraphQLDocument(params.query);
  const result: ExecutionResult =
    document === null || errors.length > 0
      ? { errors }
      : await execute({
          schema: githubGraphQLSchema(),
          document,
          rootValue: root,
          variableValues: params.variables ?? {},
          typeResolver: (value) => (value as { __typename?: string }).__typename,
        });
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors
      ? {
          errors: result.errors.map((e) => ({
            message: e.message,
            path: e.path,
            type: (e.originalError as { type?: string } | undefined)?.type ?? "INTERNAL",
          })),
        }
      : {}),
  };
}
