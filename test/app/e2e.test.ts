/**
 * End to end over real HTTP: the App as a server on loopback, GitHub played by the stateful
 * fake (REST + GraphQL on GitHub's schema, every request contract-checked), webhooks signed
 * with the secret. Assertions are on GitHub's resulting state, as a user would see it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DASHBOARD_MARKER } from "../../src/model/names/dashboard.ts";
import { DASHBOARD_LABEL } from "../../src/model/names/labels.ts";
import { type FakeGitHub, type FakeRepo, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";
import { type Delivery, type RunningApp, sendWebhook, startApp } from "./support/server.ts";
import { canteenExample, example, type Payload } from "./support/webhooks.ts";

/** Loopback only (the fake GitHub, the App); anything else fails the file. */
offlineFile();

const PLAN = `version: 1
milestones:
  - id: spec-done
    title: Spec done
    due: 2026-03-01
    description: The specification is written.
    deliverables: [spec]
  - id: build-done
    title: Build done
    due: 2026-05-15
    requires: [spec-done]
    deliverables: [build]
    review:
      approvers: [alice]
deliverables:
  - id: spec
    title: Specification
    criteria:
      - issues: closed
  - id: build
    title: Build notes
    criteria:
      - file: docs/build.md
        headings: [Build]
settings:
  on_regression: reopen
`;

const NOW = new Date("2026-02-20T12:00:00Z");

function seed() {
  return {
    owner: "acme",
    name: "canteen",
    defaultBranch: "main",
    files: { ".github/plan.yml": PLAN },
    milestones: [{ number: 1, title: "Backlog", state: "open" as const, due_on: null }],
    issues: [{ number: 5, title: "Write the spec", labels: ["deliverable:spec"] }],
  };
}

let gh: FakeGitHub;
const apps: RunningApp[] = [];

beforeEach(async () => {
  gh = await startFakeGitHub({ repos: [seed()] });
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await gh.close();
});

async function app(): Promise<RunningApp> {
  const running = await startApp({ githubUrl: gh.url, now: () => NOW });
  apps.push(running);
  return running;
}

function hook(name: string, action?: string, edit?: (p: Payload) => void): Delivery {
  // The examples do not cover every action (no issues.closed): take one of the event's
  // examples and set the action, as GitHub's payloads for one event share their shape.
  let p: Payload;
  try {
    p = canteenExample(name, action);
  } catch {
    p = canteenExample(name);
    p.action = action;
  }
  edit?.(p);
  return { name, payload: p };
}

const installation = (): Delivery => {
  const p = example("installation", "created");
  p.installation.id = 42;
  p.installation.account.login = "acme";
  p.installation.account.html_url = "https://github.com/acme";
  p.repositories = [{ id: 1, name: "canteen", full_name: "acme/canteen", private: false }];
  return { name: "installation", payload: p };
};

async function deliver(target: RunningApp, ...deliveries: Delivery[]) {
  for (const d of deliveries) {
    const res = await sendWebhook(target.url, d);
    expect(res.status).toBe(200);
  }
  await target.settle();
}

const repo = (): FakeRepo => gh.repo("acme/canteen");
const milestone = (title: string) => repo().milestones.find((m) => m.title === title);
const dashboards = () =>
  repo().issues.filter(
    (i) => i.labels.includes(DASHBOARD_LABEL.name) && (i.body ?? "").includes(DASHBOARD_MARKER),
  );
const reviews = () => repo().issues.filter((i) => i.labels.includes("plan-align:review"));

/** GitHub's state as a user compares it: what exists, in which state, never ids or order of creation. */
function summary(r: FakeRepo) {
  return {
    milestones: r.milestones
      .map((m) => `${m.title}|${m.state}|${m.due_on?.slice(0, 10) ?? ""}`)
      .sort(),
    labels: r.labels.map((l) => l.name).sort(),
    issues: r.issues
      .map(
        (i) =>
          `${i.title}|${i.state}|${i.labels.sort().join(",")}|${milestoneTitle(r, i.milestone)}`,
      )
      .sort(),
  };
}
const milestoneTitle = (r: FakeRepo, n: number | null) =>
  r.milestones.find((m) => m.number === n)?.title ?? "";

/** The scenario: install, the spec is done, the build notes land, the spec regresses. */
function scenario() {
  return {
    install: installation(),
    specClosed: hook("issues", "closed", (p) => {
      p.issue.number = 5;
      p.issue.labels = [{ name: "deliverable:spec" }];
    }),
    buildPushed: hook("push", undefined, (p) => {
      p.ref = "refs/heads/main";
      p.after = "b".repeat(40);
      p.deleted = false;
      p.commits = [{ id: "b".repeat(40), added: ["docs/build.md"], modified: [], removed: [] }];
    }),
    specReopened: hook("issues", "reopened", (p) => {
      p.issue.number = 5;
    }),
  };
}

function closeSpecIssue() {
  const issue = repo().issues.find((i) => i.number === 5);
  if (issue) Object.assign(issue, { state: "closed", state_reason: "completed", closed_by: "bob" });
}
function addBuildNotes() {
  repo().files["docs/build.md"] = "# Build\n\nnpm ci && npm run build\n";
}

describe("the App end to end", () => {
  it("syncs milestones, closes an achieved one, opens one review, reopens a regressed one, keeps one dashboard", {
    timeout: 120_000,
  }, async () => {
    const a = await app();
    const s = scenario();

    // 1. Installed: milestones with the plan's due dates, labels, the issue in its milestone.
    await deliver(a, s.install);
    expect(milestone("Spec done")).toMatchObject({ state: "open" });
    expect(milestone("Spec done")?.due_on?.slice(0, 10)).toBe("2026-03-01");
    expect(milestone("Spec done")?.description).toContain("The specification is written.");
    expect(milestone("Build done")?.due_on?.slice(0, 10)).toBe("2026-05-15");
    expect(repo().labels.map((l) => l.name)).toEqual(
      expect.arrayContaining(["deliverable:spec", "deliverable:build"]),
    );
    expect(repo().issues.find((i) => i.number === 5)?.milestone).toBe(
      milestone("Spec done")?.number,
    );
    // The milestone the plan does not name is untouched, and listed on the dashboard.
    expect(milestone("Backlog")).toMatchObject({ state: "open", description: "" });
    expect(dashboards()).toHaveLength(1);
    expect(dashboards()[0]?.body).toContain("GitHub milestones not in the plan");

    // 2. The spec issue is closed: "Spec done" is achieved and closed, with its evidence.
    closeSpecIssue();
    await deliver(a, s.specClosed);
    expect(milestone("Spec done")?.state).toBe("closed");
    expect(milestone("Spec done")?.description).toContain("Achieved on 2026-02-20");

    // 3. The build notes land: everything but the review is met — one review issue, for alice.
    addBuildNotes();
    await deliver(a, s.buildPushed);
    expect(reviews()).toHaveLength(1);
    expect(reviews()[0]).toMatchObject({
      title: "Milestone review: Build done",
      state: "open",
      assignees: ["alice"],
      milestone: milestone("Build done")?.number,
    });
    expect(milestone("Build done")?.state).toBe("open");

    // 4. The spec issue is reopened: "Spec done" regressed and is reopened.
    const issue = repo().issues.find((i) => i.number === 5);
    if (issue) Object.assign(issue, { state: "open", state_reason: "reopened", closed_by: null });
    await deliver(a, s.specReopened);
    expect(milestone("Spec done")?.state).toBe("open");

    // Throughout: exactly one dashboard, no contract violation, nothing deleted.
    expect(dashboards()).toHaveLength(1);
    expect(dashboards()[0]?.body).toContain("Spec done");
    expect(gh.violations).toEqual([]);
    expect(gh.requests.filter((r) => r.method === "DELETE")).toEqual([]);
    expect(a.logs.problems()).toEqual([]);
  });

  it("refuses a webhook with a wrong signature and does nothing", async () => {
    const a = await app();
    const before = gh.requests.length;
    const res = await sendWebhook(a.url, installation(), "not-the-secret");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await a.settle();
    expect(gh.requests.length).toBe(before);
    expect(a.handle.queue?.stats.enqueued).toBe(0);
    expect(repo().milestones.map((m) => m.title)).toEqual(["Backlog"]);
  });

  it("edits the dashboard only when its content changes", async () => {
    const a = await app();
    // The first run creates the milestones and its dashboard already links them (the
    // executor knows their numbers), so the run for milestone.created changes nothing on
    // the dashboard, and from then on nothing does.
    await deliver(a, installation());
    await deliver(a, hook("milestone", "created"));
    const dashboard = dashboards()[0]?.number;
    expect(dashboard).toBeDefined();
    const edits = () =>
      gh.requests.filter(
        (r) => r.method === "PATCH" && r.path === `/repos/acme/canteen/issues/${dashboard}`,
      );
    const afterFirst = edits().length;
    expect(afterFirst).toBe(0); // no catching up: the first run's dashboard was already current
    await deliver(a, hook("label", "created"));
    await deliver(a, hook("milestone", "edited"));
    expect(edits().length).toBe(afterFirst);
    expect(dashboards()).toHaveLength(1);
  });

  it("is idempotent: the scenario replayed twice, shuffled, ends in the same state with no duplicates", {
    timeout: 120_000,
  }, async () => {
    const a = await app();
    const s = scenario();
    await deliver(a, s.install);
    closeSpecIssue();
    addBuildNotes();
    await deliver(a, s.specClosed, s.buildPushed);
    const expected = summary(repo());

    const again = [
      s.specReopened,
      s.install,
      s.buildPushed,
      s.specClosed,
      s.install,
      s.buildPushed,
    ];
    for (const d of shuffle(again)) await deliver(a, { ...d, id: undefined });
    // Same deliveries again (same ids): dropped.
    await deliver(a, { ...s.install, id: "fixed-id" }, { ...s.install, id: "fixed-id" });

    expect(summary(repo())).toEqual(expected);
    expect(dashboards()).toHaveLength(1);
    expect(reviews()).toHaveLength(1);
    expect(new Set(repo().milestones.map((m) => m.title)).size).toBe(repo().milestones.length);
    expect(new Set(repo().labels.map((l) => l.name)).size).toBe(repo().labels.length);
    expect(gh.violations).toEqual([]);
  });

  it("two app processes receiving the same events at once create nothing twice", {
    timeout: 120_000,
  }, async () => {
    const [a, b] = [await app(), await app()];
    const s = scenario();
    await Promise.all([deliver(a, s.install), deliver(b, s.install)]);
    closeSpecIssue();
    addBuildNotes();
    await Promise.all([
      deliver(a, s.specClosed, s.buildPushed),
      deliver(b, s.buildPushed, s.specClosed),
    ]);

    expect(
      repo()
        .milestones.map((m) => m.title)
        .sort(),
    ).toEqual(["Backlog", "Build done", "Spec done"]);
    expect(milestone("Spec done")?.state).toBe("closed");
    expect(new Set(repo().labels.map((l) => l.name)).size).toBe(repo().labels.length);
    expect(dashboards()).toHaveLength(1);
    expect(reviews().filter((i) => i.state === "open")).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  });
});

describe("plans that stop the sync", () => {
  it("syncs nothing from an invalid plan, and shows its errors on the dashboard", async () => {
    repo().files[".github/plan.yml"] = PLAN.replace("deliverables: [spec]", "deliverables: [spce]");
    const a = await app();
    await deliver(a, installation());
    expect(repo().milestones.map((m) => m.title)).toEqual(["Backlog"]);
    expect(repo().issues.find((i) => i.number === 5)?.milestone).toBeNull();
    expect(dashboards()).toHaveLength(1);
    expect(dashboards()[0]?.body).toMatch(/is invalid \(1 error\): nothing is synced/);
    expect(dashboards()[0]?.body).toContain(".github/plan.yml:7:20");
    expect(dashboards()[0]?.body).toContain('"spce"');
  });

  it("with on_regression: report, leaves a regressed milestone closed and reports it on the dashboard", async () => {
    repo().files[".github/plan.yml"] = PLAN.replace(
      "on_regression: reopen",
      "on_regression: report",
    );
    const a = await app();
    closeSpecIssue();
    await deliver(a, installation());
    await deliver(a, hook("milestone", "created"));
    expect(milestone("Spec done")?.state).toBe("closed");
    const issue = repo().issues.find((i) => i.number === 5);
    if (issue) Object.assign(issue, { state: "open", state_reason: "reopened", closed_by: null });
    await deliver(
      a,
      hook("issues", "reopened", (p) => {
        p.issue.number = 5;
      }),
    );
    expect(milestone("Spec done")?.state).toBe("closed");
    const body = dashboards()[0]?.body ?? "";
    expect(body).toContain("↩️ 1 regressed");
    expect(body).toMatch(/Spec done .*↩️ regressed \(closed on GitHub, no longer achieved\)/);
    expect(body).toContain("missing: ");
  });
});

describe("pull request checks from the App", () => {
  const openPr = (withPlan: string) => {
    repo().files[".github/plan.yml"] = withPlan;
    repo().pullRequests.push({
      number: 40,
      title: "Build notes",
      state: "open",
      merged: false,
      labels: ["deliverable:build"],
      milestone: null,
      closingIssues: [],
      reviews: [],
      headSha: "d".repeat(40),
      baseRef: "main",
      headRef: "build-notes",
      headRepository: "acme/canteen",
      changedFiles: ["docs/build.md"],
      headFiles: { "docs/build.md": "# Build\n", ".github/plan.yml": withPlan },
      headChecks: [],
    });
    return hook("pull_request", "opened", (p) => {
      p.pull_request.number = 40;
      p.pull_request.state = "open";
      p.pull_request.base.ref = "main";
      p.pull_request.head.sha = "d".repeat(40);
    });
  };

  it("posts the `plan-align` check run on the pull request's head, judged against the base plan", async () => {
    const a = await app();
    await deliver(a, openPr(PLAN));
    const runs = repo().checkRuns.filter((r) => r.name === "plan-align");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ head_sha: "d".repeat(40), status: "completed" });
    expect(["success", "neutral"]).toContain(runs[0]?.conclusion);
    expect(runs[0]?.output?.summary).toContain("Build notes");
    expect(gh.violations).toEqual([]);
  });

  it("on a merge queue's group, posts `plan-align` on the group's head commit, judging the pull request it adds", async () => {
    const a = await app();
    // The real payload: its group branch names pull request #104, based on main.
    const group = hook("merge_group", "checks_requested");
    const { head_sha: groupSha, head_ref: groupRef } = (group.payload as Payload).merge_group;
    expect(groupRef).toMatch(/^refs\/heads\/gh-readonly-queue\/main\/pr-104-/);
    const strict = PLAN.replace("settings:\n", "settings:\n  pull_requests:\n    unlinked: fail\n");
    openPr(strict);
    const pr = repo().pullRequests.find((p) => p.number === 40);
    Object.assign(pr ?? {}, {
      number: 104,
      labels: [],
      changedFiles: ["README.md"],
      headFiles: {},
    });
    await deliver(a, group);
    const runs = repo().checkRuns.filter((r) => r.name === "plan-align");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      head_sha: groupSha,
      status: "completed",
      conclusion: "failure",
    });
    expect(runs[0]?.output?.title).toBe("Serves no deliverable of the plan");
    expect(gh.violations).toEqual([]);
  });

  it("posts nothing when the plan turns the App's pull request check off", async () => {
    const a = await app();
    const off = PLAN.replace("settings:\n", "settings:\n  pull_requests:\n    check: false\n");
    await deliver(a, openPr(off));
    expect(repo().checkRuns).toEqual([]);
    expect(a.logs.problems()).toEqual([]);
  });
});

/** A fixed permutation (deterministic, so a failure reproduces). */
function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
