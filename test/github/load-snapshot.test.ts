import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { loadSnapshot } from "../../src/github/load-snapshot.ts";
import { snapshotSchema } from "../../src/model/snapshot.ts";
import { type Plan, planSchema } from "../../src/plan/schema.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";

const repo = { owner: "acme", repo: "canteen" };
const client = () => createClient({ ...fastClientOptions, log: silentLogger });

const plan: Plan = planSchema.parse({
  version: 1,
  goals: [
    {
      id: "g",
      title: "G",
      objectives: [
        {
          id: "o",
          title: "O",
          measure: { file: "metrics/canteen.json", path: "a", target: "<= 4" },
        },
      ],
    },
  ],
  milestones: [{ id: "m", title: "M", due: "2026-02-15", deliverables: ["d"] }],
  deliverables: [
    {
      id: "d",
      title: "D",
      criteria: [
        { issues: "closed" },
        { file: "docs/README.md", headings: ["Intro"] },
        { checks: ["test"] },
      ],
    },
  ],
});

interface Fake {
  issues: number;
  pullRequests: number;
  files: Record<string, string>;
  headFiles: Record<string, string>;
  changed: string[];
}

/** Answers the loader's GraphQL like GitHub would, paging by `first: 100` cursors. */
function answerGraphQL(fake: Fake, queries: string[]) {
  // nock 15 hands a reply function the request itself.
  return async (req: Request) => {
    const { query, variables: v } = (await req.json()) as {
      query: string;
      variables: Record<string, unknown>;
    };
    queries.push(query);
    const page = (key: string, total: number, make: (i: number) => unknown) => {
      const start = Number(v[`${key}After`] ?? 0);
      const end = Math.min(total, start + 100);
      return {
        nodes: Array.from({ length: end - start }, (_, i) => make(start + i)),
        pageInfo: { hasNextPage: end < total, endCursor: String(end) },
      };
    };
    const blobs = (section: string, files: Record<string, string>) =>
      Object.fromEntries(
        [...section.matchAll(/(f\d+): file\(path: ("[^"]*")\)/g)].map(([, alias, p]) => {
          const text = files[JSON.parse(p as string) as string];
          return [
            alias,
            text === undefined ? null : { object: { text, isTruncated: false, isBinary: false } },
          ];
        }),
      );
    const [baseSection, prSection = ""] = query.split("pr: pullRequest");
    const r: Record<string, unknown> = {};
    if (query.includes("nameWithOwner")) {
      r.nameWithOwner = "acme/canteen";
      r.defaultBranchRef = {
        name: "main",
        target: { oid: "b".repeat(40), ...blobs(baseSection ?? "", fake.files) },
      };
    }
    if (query.includes("pr: pullRequest")) {
      r.pr = {
        ...pr(Number(v.pr)),
        headCommit: {
          nodes: [{ commit: { oid: "c".repeat(40), ...blobs(prSection, fake.headFiles) } }],
        },
      };
    }
    const issue = (i: number) => ({
      number: i + 1,
      title: `Issue ${i + 1}`,
      state: i % 2 ? "CLOSED" : "OPEN",
      stateReason: i % 2 ? "COMPLETED" : null,
      labels: { nodes: [{ name: "deliverable:d" }] },
      milestone: { number: 1 },
      assignees: { nodes: [] },
      timelineItems: { nodes: i % 2 ? [{ actor: { login: "alice" } }] : [] },
    });
    if (query.includes("milestones: milestones")) {
      r.milestones = page("milestones", 1, () => ({
        number: 1,
        title: "M",
        state: "OPEN",
        dueOn: "2026-02-15T08:00:00Z",
        description: "",
        closedAt: null,
      }));
    }
    if (query.includes("labels: labels"))
      r.labels = page("labels", 1, () => ({ name: "deliverable:d" }));
    if (query.includes("issues: issues")) r.issues = page("issues", fake.issues, issue);
    if (query.includes("pullRequests: pullRequests"))
      r.pullRequests = page("pullRequests", fake.pullRequests, (i) => pr(i + 1000));
    if (query.includes("defaultChecks:")) {
      r.defaultChecks = {
        target: {
          statusCheckRollup: {
            contexts: {
              nodes: [
                {
                  __typename: "CheckRun",
                  name: "test",
                  status: "COMPLETED",
                  conclusion: "FAILURE",
                  completedAt: "2026-01-01T00:00:00Z",
                },
                {
                  __typename: "CheckRun",
                  name: "test",
                  status: "COMPLETED",
                  conclusion: "SUCCESS",
                  completedAt: "2026-01-02T00:00:00Z",
                },
                {
                  __typename: "StatusContext",
                  context: "deploy",
                  state: "SUCCESS",
                  createdAt: "2026-01-01T00:00:00Z",
                },
              ],
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        },
      };
    }
    if (query.includes("prFiles:"))
      r.prFiles = {
        files: page("prFiles", fake.changed.length, (i) => ({ path: fake.changed[i] })),
      };
    if (query.includes("headChecks:")) {
      r.headChecks = {
        commits: {
          nodes: [
            {
              commit: {
                statusCheckRollup: {
                  contexts: {
                    nodes: [
                      {
                        __typename: "CheckRun",
                        name: "test",
                        status: "IN_PROGRESS",
                        conclusion: null,
                        startedAt: "2026-01-03T00:00:00Z",
                      },
                    ],
                    pageInfo: { hasNextPage: false, endCursor: null },
                  },
                },
              },
            },
          ],
        },
      };
    }
    return { data: { repository: r } };
  };
}

function pr(number: number) {
  return {
    number,
    title: `PR ${number}`,
    state: "MERGED",
    merged: true,
    labels: { nodes: [] },
    milestone: null,
    closingIssuesReferences: {
      nodes: [
        { number: 2, repository: { nameWithOwner: "acme/canteen" } },
        { number: 9, repository: { nameWithOwner: "other/repo" } },
      ],
    },
    latestOpinionatedReviews: {
      nodes: [
        { state: "APPROVED", author: { login: "bob" } },
        { state: "CHANGES_REQUESTED", author: { login: "carol" } },
      ],
    },
    headRefOid: "c".repeat(40),
    baseRefName: "main",
    headRefName: "feature",
    headRepository: { nameWithOwner: "fork/canteen" },
  };
}

beforeEach(offline);
afterEach(expectCleanGitHubMocks);

describe("loadSnapshot", () => {
  it("pages beyond 100 issues with ⌈N/100⌉ queries, batching the other lists into them", async () => {
    const queries: string[] = [];
    const fake: Fake = { issues: 250, pullRequests: 0, files: {}, headFiles: {}, changed: [] };
    githubNock().post("/graphql").times(3).reply(200, answerGraphQL(fake, queries));
    const snapshot = await loadSnapshot({
      ...repo,
      client: client(),
      plan: null,
      planPath: ".github/plan.yml",
      log: silentLogger,
      now: () => new Date("2026-03-01T12:00:00Z"),
    });
    expect(queries).toHaveLength(3);
    expect(snapshot.issues.map((i) => i.number)).toEqual(
      Array.from({ length: 250 }, (_, i) => i + 1),
    );
    expect(snapshot.issues[1]).toMatchObject({
      state: "closed",
      stateReason: "completed",
      closedBy: "alice",
      milestone: 1,
    });
    expect(snapshot.issues[0]).toMatchObject({ state: "open", stateReason: null, closedBy: null });
    expect(snapshot.milestones).toEqual([
      {
        number: 1,
        title: "M",
        state: "open",
        dueOn: "2026-02-15T08:00:00Z",
        description: "",
        closedAt: null,
      },
    ]);
    expect(snapshot.fetchedAt).toBe("2026-03-01T12:00:00.000Z");
    expect(snapshot.files).toEqual({});
    // No plan: no files and no checks were asked for.
    expect(queries.join("\n")).not.toMatch(/file\(path:|statusCheckRollup/);
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
  });

  it("reads only the files and checks the plan names, in the first query", async () => {
    const queries: string[] = [];
    const fake: Fake = {
      issues: 3,
      pullRequests: 0,
      files: { "docs/README.md": "# Intro\n", "metrics/canteen.json": '{"a":3}', "other.md": "x" },
      headFiles: {},
      changed: [],
    };
    githubNock().post("/graphql").reply(200, answerGraphQL(fake, queries));
    const snapshot = await loadSnapshot({
      ...repo,
      client: client(),
      plan,
      planPath: ".github/plan.yml",
      log: silentLogger,
    });
    expect(queries).toHaveLength(1);
    expect(snapshot.files).toEqual({
      "docs/README.md": "# Intro\n",
      "metrics/canteen.json": '{"a":3}',
    });
    // The latest run of "test" wins; "deploy" is not in the plan.
    expect(snapshot.checks).toEqual({ test: "success" });
    // No pull_requests criterion: the pull-request list is not read.
    expect(queries[0]).not.toMatch(/pullRequests\(/);
    expect(snapshot.pullRequests).toEqual([]);
  });

  it("loads the pull request: changed files (paged), head files, the plan only when changed, head checks", async () => {
    const queries: string[] = [];
    const changed = [...Array.from({ length: 120 }, (_, i) => `src/f${i}.ts`), ".github/plan.yml"];
    const fake: Fake = {
      issues: 1,
      pullRequests: 0,
      files: { "docs/README.md": "# Intro\n" },
      headFiles: {
        "docs/README.md": "# Intro\n# Methodology\n",
        ".github/plan.yml": "version: 1\n",
      },
      changed,
    };
    githubNock().post("/graphql").times(2).reply(200, answerGraphQL(fake, queries));
    const snapshot = await loadSnapshot({
      ...repo,
      client: client(),
      plan,
      planPath: ".github/plan.yml",
      pr: 40,
      log: silentLogger,
    });
    expect(queries).toHaveLength(2);
    const loaded = snapshot.pullRequests.find((p) => p.number === 40);
    expect(loaded).toMatchObject({
      state: "closed",
      merged: true,
      closingIssues: [2],
      approvals: ["bob"],
      baseRef: "main",
      headRepository: "fork/canteen",
      headFiles: {
        "docs/README.md": "# Intro\n# Methodology\n",
        ".github/plan.yml": "version: 1\n",
      },
      headChecks: { test: "in_progress" },
    });
    expect(loaded?.changedFiles).toEqual(changed);

    // Same pull request without a plan change: the plan file is not in headFiles.
    fake.changed = ["src/a.ts"];
    githubNock().post("/graphql").reply(200, answerGraphQL(fake, queries));
    const again = await loadSnapshot({
      ...repo,
      client: client(),
      plan,
      planPath: ".github/plan.yml",
      pr: 40,
      log: silentLogger,
    });
    expect(Object.keys(again.pullRequests[0]?.headFiles ?? {})).toEqual(["docs/README.md"]);
  });

  it("names the missing pull request in a clear error", async () => {
    githubNock()
      .post("/graphql")
      .reply(200, {
        data: { repository: { nameWithOwner: "acme/canteen", pr: null } },
        errors: [
          {
            type: "NOT_FOUND",
            path: ["repository", "pr"],
            message: "Could not resolve to a PullRequest with the number of 99.",
          },
        ],
      });
    await expect(
      loadSnapshot({
        ...repo,
        client: client(),
        plan: null,
        planPath: ".github/plan.yml",
        pr: 99,
        log: silentLogger,
      }),
    ).rejects.toThrow(/PullRequest with the number of 99.*acme\/canteen/);
  });
});
