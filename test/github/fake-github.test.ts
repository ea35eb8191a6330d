import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyActions } from "../../src/github/apply-actions.ts";
import { writeCheckRun } from "../../src/github/check-run.ts";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { loadSnapshot } from "../../src/github/load-snapshot.ts";
import { readPlanFile } from "../../src/github/read-plan.ts";
import { githubDay } from "../../src/model/names/due-on.ts";
import { snapshotSchema } from "../../src/model/snapshot.ts";
import { planSchema } from "../../src/plan/schema.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { githubStoredDueOn } from "../support/fake-github/rest.ts";
import { offlineFile } from "../support/offline.ts";

/** Loopback only (the fake GitHub); anything else fails the file. */
offlineFile();

let gh: FakeGitHub;
const repo = { owner: "acme", repo: "canteen" };
const client = () =>
  createClient({ token: "t", baseUrl: gh.url, log: silentLogger, waitUnitMs: 1 });

const plan = planSchema.parse({
  version: 1,
  milestones: [
    { id: "req", title: "Requirements approved", due: "2026-02-15", deliverables: ["doc"] },
  ],
  deliverables: [
    {
      id: "doc",
      title: "Requirements document",
      criteria: [
        { issues: "closed" },
        { file: "docs/README.md" },
        { checks: ["test"] },
        { pull_requests: "merged" },
      ],
    },
  ],
});

beforeAll(async () => {
  gh = await startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "canteen",
        files: { ".github/plan.yml": "version: 1\n", "docs/README.md": "# Introduction\n" },
        checks: [
          { name: "test", conclusion: "failure", at: "2026-01-01T00:00:00Z" },
          { name: "test", conclusion: "success", at: "2026-01-02T00:00:00Z" },
          { name: "status:lint", conclusion: "success" },
        ],
        milestones: [{ number: 1, title: "Backlog" }],
        labels: ["deliverable:doc"],
        issues: Array.from({ length: 130 }, (_, i) => ({
          title: `Issue ${i + 1}`,
          labels: ["deliverable:doc"],
          ...(i % 3 === 0
            ? { state: "closed" as const, state_reason: "completed" as const, closed_by: "alice" }
            : {}),
        })),
        pullRequests: [
          {
            number: 200,
            title: "Write requirements",
            closingIssues: [2],
            reviews: [
              { login: "bob", state: "CHANGES_REQUESTED" },
              { login: "bob", state: "APPROVED" },
              { login: "carol", state: "COMMENTED" },
            ],
            changedFiles: ["docs/README.md", ".github/plan.yml"],
            headFiles: {
              "docs/README.md": "# Introduction\n# Methodology\n",
              ".github/plan.yml": "version: 1\n# head\n",
            },
            headChecks: [{ name: "test", conclusion: "success" }],
          },
        ],
      },
    ],
  });
});
afterAll(async () => {
  await gh.close();
});

describe("fake GitHub", () => {
  it("serves the snapshot loader through GraphQL, with zero contract violations", async () => {
    const snapshot = await loadSnapshot({
      ...repo,
      client: client(),
      plan,
      planPath: ".github/plan.yml",
      pr: 200,
      log: silentLogger,
    });
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
    expect(snapshot.issues).toHaveLength(130);
    expect(snapshot.issues[0]).toMatchObject({
      number: 1,
      state: "closed",
      stateReason: "completed",
      labels: ["deliverable:doc"],
    });
    expect(snapshot.files).toEqual({ "docs/README.md": "# Introduction\n" });
    expect(snapshot.checks).toEqual({ test: "success" });
    expect(snapshot.pullRequests[0]).toMatchObject({
      number: 200,
      approvals: ["bob"],
      closingIssues: [2],
      changedFiles: ["docs/README.md", ".github/plan.yml"],
      headFiles: {
        "docs/README.md": "# Introduction\n# Methodology\n",
        ".github/plan.yml": "version: 1\n# head\n",
      },
      headChecks: { test: "success" },
    });
    expect(gh.requests.filter((r) => r.path === "/graphql")).toHaveLength(2);
    expect(gh.violations).toEqual([]);
  });

  it("runs the executor: creates, adopts on a second run, never deletes", async () => {
    const actions = [
      {
        type: "create-milestone" as const,
        milestone: "req",
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: "<!-- plan-align:id=req -->",
      },
      { type: "create-label" as const, label: "deliverable:doc", deliverable: "doc" },
      {
        type: "set-issue-milestone" as const,
        issue: 2,
        milestone: "req",
        number: null,
        from: null,
      },
    ];
    const first = await applyActions({ ...repo, client: client(), actions, log: silentLogger });
    expect(first.map((r) => r.status)).toEqual(["applied", "adopted", "applied"]);
    const created = gh
      .repo("acme/canteen")
      .milestones.find((m) => m.title === "Requirements approved");
    expect(created).toMatchObject({ number: 2, due_on: "2026-02-15T08:00:00Z", state: "open" });
    expect(gh.repo("acme/canteen").issues.find((i) => i.number === 2)?.milestone).toBe(2);

    const second = await applyActions({ ...repo, client: client(), actions, log: silentLogger });
    // The issue is in the milestone already: re-read, and left alone.
    expect(second.map((r) => r.status)).toEqual(["adopted", "adopted", "skipped"]);
    expect(gh.repo("acme/canteen").milestones).toHaveLength(2);

    const close = await applyActions({
      ...repo,
      client: client(),
      actions: [
        { type: "close-milestone", milestone: "req", number: 2, evidence: ["all done"] },
        {
          type: "open-review",
          milestone: "req",
          number: 2,
          title: "Milestone review: Requirements approved",
          approvers: ["alice"],
          evidence: [],
        },
        {
          type: "open-review",
          milestone: "req",
          number: 2,
          title: "Milestone review: Requirements approved",
          approvers: ["alice"],
          evidence: [],
        },
      ],
      log: silentLogger,
    });
    expect(close.map((r) => r.status)).toEqual(["applied", "applied", "adopted"]);
    expect(created?.state).toBe("closed");
    expect(created?.description).toMatch(/Achieved on \d{4}-\d{2}-\d{2}/);
    expect(gh.requests.some((r) => r.method === "DELETE")).toBe(false);
    expect(gh.violations).toEqual([]);
  });

  it("stores due_on as GitHub does: the Pacific day of the instant, at Pacific midnight", () => {
    // Winter (PST, UTC-8) and summer (PDT, UTC-7).
    expect(githubStoredDueOn("2026-02-15T12:00:00Z")).toBe("2026-02-15T08:00:00Z");
    expect(githubStoredDueOn("2026-06-01T12:00:00Z")).toBe("2026-06-01T07:00:00Z");
    // Midnight UTC is the evening before in California: GitHub keeps the day before.
    expect(githubStoredDueOn("2026-06-01T00:00:00Z")).toBe("2026-05-31T07:00:00Z");
    expect(githubStoredDueOn("2020-09-24T06:59:00Z")).toBe("2020-09-23T07:00:00Z");
    expect(githubStoredDueOn("2020-09-24T07:01:00Z")).toBe("2020-09-24T07:00:00Z");
    expect(githubStoredDueOn(null)).toBeNull();
  });

  it("keeps the plan's day for a summer milestone created and moved by the executor", async () => {
    const results = await applyActions({
      ...repo,
      client: client(),
      actions: [
        {
          type: "create-milestone",
          milestone: "summer",
          title: "Summer release",
          dueOn: "2026-07-01",
          description: "<!-- plan-align:id=summer -->",
        },
      ],
      log: silentLogger,
    });
    expect(results.map((r) => r.status)).toEqual(["applied"]);
    const m = gh.repo("acme/canteen").milestones.find((x) => x.title === "Summer release");
    expect(m?.due_on).toBe("2026-07-01T07:00:00Z");
    expect(githubDay(m?.due_on ?? null)).toBe("2026-07-01");
    expect(m?.closed_at).toBeNull();
  });

  it("opens the review of a large milestone within GitHub's 65,536-character issue body", async () => {
    const evidence = Array.from(
      { length: 2000 },
      (_, i) => `Deliverable ${i}: issues closed — ${"x".repeat(200)}`,
    );
    const results = await applyActions({
      ...repo,
      client: client(),
      actions: [
        {
          type: "open-review",
          milestone: "backlog",
          number: 1,
          title: "Milestone review: Backlog",
          approvers: ["alice"],
          evidence,
        },
      ],
      log: silentLogger,
    });
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ["applied", expect.stringMatching(/^opened review issue #\d+$/)],
    ]);
    const issue = gh
      .repo("acme/canteen")
      .issues.find((i) => i.title === "Milestone review: Backlog");
    expect(issue?.body).toContain("Deliverable 0: issues closed");
    expect(issue?.body).toContain("…and 1900 more");
    expect(gh.violations).toEqual([]);
  });

  it("posts check runs with annotations split over create and updates", async () => {
    await writeCheckRun({
      ...repo,
      client: client(),
      name: "plan-align",
      headSha: "c".repeat(40),
      title: "t",
      summary: "s",
      conclusion: "neutral",
      annotations: Array.from({ length: 60 }, (_, i) => ({
        path: ".github/plan.yml",
        finding: { severity: "warning" as const, line: i + 1, column: 1, message: "m" },
      })),
    });
    const run = gh.repo("acme/canteen").checkRuns.at(-1);
    expect(run?.annotations).toHaveLength(60);
    expect(run?.status).toBe("completed");
    expect(gh.violations).toEqual([]);
  });

  it("injects faults: a 502 then success, and a secondary rate limit with retry-after", async () => {
    gh.fault({
      method: "GET",
      path: "/repos/acme/canteen/contents/.github%2Fplan.yml",
      status: 502,
    });
    gh.fault({
      method: "GET",
      path: /contents/,
      status: 403,
      body: { message: "You have exceeded a secondary rate limit" },
      headers: { "retry-after": "1" },
    });
    const file = await readPlanFile({ ...repo, client: client() });
    expect(file).toEqual({ path: ".github/plan.yml", text: "version: 1\n", ref: "HEAD" });
    const statuses = gh.requests.filter((r) => r.path.includes("contents")).map((r) => r.status);
    expect(statuses.slice(-3)).toEqual([502, 403, 200]);
  });

  it("answers a contract violation with 400 and records it", async () => {
    await expect(
      client().request("POST /repos/{owner}/{repo}/labels", { ...repo, colour: "fff" } as never),
    ).rejects.toMatchObject({ status: 400 });
    expect(gh.violations.at(-1)?.message).toMatch(/name/);
    gh.violations.length = 0;
  });
});
