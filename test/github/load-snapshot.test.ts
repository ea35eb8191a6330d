import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { loadSnapshot } from "../../src/github/load-snapshot.ts";
import { snapshotSchema } from "../../src/model/snapshot.ts";
import { type Plan, planSchema } from "../../src/plan/schema.ts";
import {
  type FakeGitHub,
  type FakeRepoSeed,
  startFakeGitHub,
} from "../support/fake-github/index.ts";
import { graphqlPoints } from "../support/graphql-points.ts";

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
  milestones: [{ id: "m", title: "M", due: "2026-02-15", deliverables: ["d", "e"] }],
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
    { id: "e", title: "E", label: "Deliverable: E", criteria: [{ pull_requests: "merged" }] },
  ],
});

/** The plan with `max_age_days` on its measure (a key of the plan format's measures). */
const stalePlan = {
  ...plan,
  goals: plan.goals.map((g) => ({
    ...g,
    objectives: g.objectives.map((o) => ({
      ...o,
      ...(o.measure ? { measure: { ...o.measure, max_age_days: 14 } } : {}),
    })),
  })),
} as Plan;

const graphqlBodies = (gh: FakeGitHub) =>
  gh.requests
    .filter((r) => r.path === "/graphql")
    .map((r) => r.body as { query: string; variables: Record<string, unknown> });

/** Every `issues(` / `pullRequests(` connection a document opens, with its arguments. */
const listCalls = (query: string) =>
  Array.from(query.matchAll(/\b(issues|pullRequests)\(([^)]*)\)/g), (m) => m[2] ?? "");

async function withFake<T>(
  seed: Omit<FakeRepoSeed, "owner" | "name">,
  run: (
    gh: FakeGitHub,
    load: (p?: Partial<Parameters<typeof loadSnapshot>[0]>) => ReturnType<typeof loadSnapshot>,
  ) => Promise<T>,
): Promise<T> {
  const gh = await startFakeGitHub({ repos: [{ owner: "acme", name: "canteen", ...seed }] });
  try {
    const client = createClient({ token: "t", baseUrl: gh.url, log: silentLogger, waitUnitMs: 1 });
    return await run(gh, (p) =>
      loadSnapshot({
        owner: "acme",
        repo: "canteen",
        client,
        plan,
        planPath: ".github/plan.yml",
        log: silentLogger,
        now: () => new Date("2026-03-01T12:00:00Z"),
        ...p,
      }),
    );
  } finally {
    await gh.close();
  }
}

/** `count` issues none of which carries a label the plan names. */
const unlabelled = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ title: `Other ${i}`, labels: ["bug"] }));

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^127\.0\.0\.1/);
});
afterAll(() => nock.enableNetConnect());

describe("loadSnapshot reads what the plan names", () => {
  it("filters every issue and pull-request list by the plan's labels; every document is valid GitHub GraphQL", async () => {
    await withFake(
      {
        files: { "docs/README.md": "# Intro\n", "metrics/canteen.json": '{"a":3}', "x.md": "x" },
        checks: [
          { name: "test", conclusion: "success" },
          { name: "deploy", conclusion: "failure" },
        ],
        labels: ["deliverable:d", "deliverable: e", "plan-align:review", "bug"],
        milestones: [{ title: "M" }],
        issues: [
          { title: "Mine", labels: ["deliverable:d"], state: "closed", state_reason: "completed" },
          { title: "Review", labels: ["plan-align:review"], state: "closed", closed_by: "bob" },
          ...unlabelled(3),
        ],
        pullRequests: [
          { title: "Labelled", labels: ["Deliverable: E"], merged: true, state: "closed" },
        ],
      },
      async (gh, load) => {
        const snapshot = await load();
        expect(gh.violations).toEqual([]);
        expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
        const bodies = graphqlBodies(gh);
        const calls = bodies.flatMap((b) => listCalls(b.query));
        // The deliverables' issues, plan-align's own issues, the deliverables' pull requests.
        expect(calls).toHaveLength(3);
        for (const args of calls) expect(args).toMatch(/labels: \[/);
        expect(snapshot.issues.map((i) => i.title)).toEqual(["Mine", "Review"]);
        // plan-align's own issues carry who closed them (a review is signed off by an approver).
        expect(snapshot.issues[1]).toMatchObject({ closedBy: "bob" });
        expect(snapshot.pullRequests.map((p) => p.title)).toEqual(["Labelled"]);
        // Named labels are looked up one by one, never listed: "bug" is not read.
        expect(snapshot.labels.sort()).toEqual([
          "deliverable: e",
          "deliverable:d",
          "plan-align:review",
        ]);
        expect(snapshot.files).toEqual({
          "docs/README.md": "# Intro\n",
          "metrics/canteen.json": '{"a":3}',
        });
        expect(snapshot.checks).toEqual({ test: "success" });
        expect(snapshot.fileCommittedAt).toBeUndefined();
        expect(bodies).toHaveLength(1);
      },
    );
  });

  it("costs the same when the repository grows from 1,000 to 50,000 unlabelled issues", async () => {
    const labelled = Array.from({ length: 150 }, (_, i) => ({
      title: `Labelled ${i}`,
      labels: ["deliverable:d"],
    }));
    const cost = async (others: number) =>
      withFake({ issues: [...labelled, ...unlabelled(others)] }, async (gh, load) => {
        const snapshot = await load();
        expect(snapshot.issues).toHaveLength(150);
        const bodies = graphqlBodies(gh);
        return {
          requests: gh.requests.length,
          points: bodies.reduce((sum, b) => sum + graphqlPoints(b.query, b.variables), 0),
        };
      });
    const small = await cost(1_000);
    const large = await cost(50_000);
    expect(large).toEqual(small);
    expect(small.requests).toBe(2);
  });

  it("spreads a big plan's label sets over rounds, at most ten lists a query (GitHub's node limit)", async () => {
    const count = 1_500;
    const big = planSchema.parse({
      version: 1,
      deliverables: Array.from({ length: count }, (_, i) => ({
        id: `d${i}`,
        title: `D${i}`,
        criteria: [{ issues: "closed" }, { pull_requests: "merged" }],
      })),
    });
    await withFake(
      {
        issues: Array.from({ length: 30 }, (_, i) => ({
          title: `I${i}`,
          labels: [`deliverable:d${i * 50}`],
        })),
      },
      async (gh, load) => {
        const snapshot = await load({ plan: big });
        expect(gh.violations).toEqual([]);
        expect(snapshot.issues).toHaveLength(30);
        const perQuery = graphqlBodies(gh).map((b) => listCalls(b.query).length);
        // 15 issue sets, 15 pull-request sets, plan-align's own issues: 31 lists.
        expect(perQuery.reduce((a, b) => a + b, 0)).toBe(31);
        expect(Math.max(...perQuery)).toBeLessThanOrEqual(10);
      },
    );
  });

  it("reads a pull request that closes a named issue without carrying a label, and no unrelated one", async () => {
    await withFake(
      {
        issues: [{ number: 1, title: "Mine", labels: ["deliverable: e"] }],
        pullRequests: [
          { number: 2, title: "Closes it", closingIssues: [1], merged: true, state: "closed" },
          { number: 3, title: "Unrelated" },
        ],
      },
      async (gh, load) => {
        const snapshot = await load();
        expect(gh.violations).toEqual([]);
        expect(snapshot.pullRequests).toMatchObject([
          { number: 2, closingIssues: [1], merged: true },
        ]);
      },
    );
  });

  it("pages nested lists that outgrow their first page: closing issues, reviews, closing pull requests", async () => {
    const issues = Array.from({ length: 60 }, (_, i) => ({
      number: i + 1,
      title: `I${i + 1}`,
      labels: ["deliverable: e"],
    }));
    const reviewers = Array.from({ length: 130 }, (_, i) => ({
      login: `r${i}`,
      state: "APPROVED" as const,
    }));
    const closers = Array.from({ length: 30 }, (_, i) => ({
      number: 200 + i,
      title: `Closer ${i}`,
      closingIssues: [60],
    }));
    await withFake(
      {
        issues,
        pullRequests: [
          {
            number: 100,
            title: "Big",
            labels: ["deliverable: e"],
            closingIssues: issues.map((i) => i.number),
            reviews: reviewers,
          },
          ...closers,
        ],
      },
      async (gh, load) => {
        const snapshot = await load();
        expect(gh.violations).toEqual([]);
        const big = snapshot.pullRequests.find((p) => p.number === 100);
        expect(big?.closingIssues).toHaveLength(60);
        expect(big?.approvals).toHaveLength(130);
        // Issue 60 is closed by 31 pull requests: more than the first page of 25 names.
        expect(snapshot.pullRequests.map((p) => p.number)).toEqual([
          100,
          ...closers.map((c) => c.number),
        ]);
      },
    );
  });

  it("reads when each stale-able measure's file last changed, in the round of the files", async () => {
    await withFake(
      {
        files: { "metrics/canteen.json": '{"a":3}' },
        fileCommits: { "metrics/canteen.json": "2026-02-20T09:30:00Z" },
      },
      async (gh, load) => {
        const snapshot = await load({ plan: stalePlan });
        expect(gh.violations).toEqual([]);
        expect(snapshot.fileCommittedAt).toEqual({
          "metrics/canteen.json": "2026-02-20T09:30:00Z",
        });
        expect(graphqlBodies(gh)).toHaveLength(1);
        expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
      },
    );
  });

  it("without a plan reads only the milestones and plan-align's own issues", async () => {
    await withFake(
      {
        milestones: [{ title: "M" }],
        issues: [
          { title: "Dashboard", labels: ["plan-align:dashboard"] },
          { title: "Mine", labels: ["deliverable:d"] },
          ...unlabelled(2),
        ],
      },
      async (gh, load) => {
        const snapshot = await load({ plan: null });
        expect(snapshot.issues.map((i) => i.title)).toEqual(["Dashboard"]);
        expect(snapshot.milestones).toHaveLength(1);
        expect(
          graphqlBodies(gh)
            .map((b) => b.query)
            .join("\n"),
        ).not.toMatch(/pullRequests\(/);
      },
    );
  });

  it("loads the pull request: changed files (paged), head files, the plan only when changed, head checks", async () => {
    const changed = [...Array.from({ length: 120 }, (_, i) => `src/f${i}.ts`), ".github/plan.yml"];
    await withFake(
      {
        files: { "docs/README.md": "# Intro\n" },
        pullRequests: [
          {
            number: 40,
            title: "Forked",
            headRepository: "fork/canteen",
            closingIssues: [],
            reviews: [
              { login: "bob", state: "APPROVED" },
              { login: "carol", state: "CHANGES_REQUESTED" },
            ],
            changedFiles: changed,
            headFiles: {
              "docs/README.md": "# Intro\n# Methodology\n",
              ".github/plan.yml": "version: 1\n",
            },
            headChecks: [{ name: "test", conclusion: null, status: "in_progress" }],
          },
          {
            number: 41,
            title: "Plain",
            changedFiles: ["src/a.ts"],
            headFiles: { "docs/README.md": "x" },
          },
        ],
      },
      async (gh, load) => {
        const snapshot = await load({ pr: 40 });
        expect(gh.violations).toEqual([]);
        expect(graphqlBodies(gh)).toHaveLength(2);
        const loaded = snapshot.pullRequests.find((p) => p.number === 40);
        expect(loaded).toMatchObject({
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
        const again = await load({ pr: 41 });
        expect(Object.keys(again.pullRequests[0]?.headFiles ?? {})).toEqual(["docs/README.md"]);
      },
    );
  });

  it("names the missing pull request in a clear error", async () => {
    await withFake({}, async (_gh, load) => {
      await expect(load({ plan: null, pr: 99 })).rejects.toThrow(
        /PullRequest with the number of 99.*acme\/canteen/,
      );
    });
  });
});
