/**
 * The port converges when two processes create the same issue at once: after creating a
 * review or dashboard issue it re-lists them, keeps the lowest-numbered one and closes the
 * others as not planned — closing, never deleting.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyActions } from "../../src/github/apply-actions.ts";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { upsertDashboard } from "../../src/github/dashboard-issue.ts";
import { closeDuplicateReviews } from "../../src/github/executor/review-duplicates.ts";
import type { ActionResult } from "../../src/github/types.ts";
import type { SyncAction } from "../../src/model/actions.ts";
import { DASHBOARD_MARKER } from "../../src/model/names/dashboard.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";

const repo = { owner: "acme", repo: "canteen" };
const client = () => createClient({ ...fastClientOptions, log: silentLogger });
// A request not mocked (a DELETE, a write to an issue that must stay open) fails the test.
const unexpected: string[] = [];
beforeEach(() => {
  offline();
  unexpected.length = 0;
  nock.emitter.on("no match", (req: { method?: string; path?: string }) => {
    unexpected.push(`${req.method} ${req.path}`);
  });
});
afterEach(() => {
  nock.emitter.removeAllListeners("no match");
  expect(unexpected).toEqual([]);
  expectCleanGitHubMocks();
});

const issue = (number: number, title: string, body: string) => ({
  number,
  title,
  body,
  state: "open",
  html_url: `https://github.com/acme/canteen/issues/${number}`,
});

const openReview: Extract<SyncAction, { type: "open-review" }> = {
  type: "open-review",
  milestone: "req",
  number: 1,
  title: "Milestone review: Requirements approved",
  approvers: ["alice"],
  evidence: [],
};

/**
 * An open-review run on GitHub where no review exists yet (the other process has not
 * created its one), the create answers `created`, and the re-list shows `listedAfter`.
 */
function openReviewRun(params: { created: number; listedAfter: ReturnType<typeof issue>[] }) {
  const scope = githubNock()
    .get("/repos/acme/canteen/issues")
    .query({ labels: "plan-align:review", state: "all", per_page: 100 })
    .reply(200, [])
    .post("/repos/acme/canteen/labels")
    .reply(201, {})
    .post("/repos/acme/canteen/issues")
    .reply(201, issue(params.created, openReview.title, ""))
    .get("/repos/acme/canteen/issues")
    .query({ labels: "plan-align:review", state: "open", per_page: 100 })
    .reply(200, params.listedAfter);
  const run = () =>
    applyActions({ ...repo, client: client(), actions: [openReview], log: silentLogger });
  return { scope, run };
}

describe("applyActions: open-review", () => {
  it("closes the review it opened when another process opened a lower-numbered one at once", async () => {
    let patched: Record<string, unknown> = {};
    const { scope, run } = openReviewRun({
      created: 91,
      listedAfter: [
        issue(91, openReview.title, "mine"),
        issue(90, openReview.title, "theirs"),
        issue(80, "Milestone review: Something else", "untouched"),
        issue(81, "Milestone review: Something else", "untouched too"),
      ],
    });
    scope
      .patch("/repos/acme/canteen/issues/91", (b) => {
        patched = b;
        return true;
      })
      .reply(200, {});
    const results = await run();
    expect(results[0]?.status).toBe("applied");
    // Only the duplicate of the review this run opened is closed (any other write is
    // unexpected); #80 and #81 belong to another milestone's review and are left alone.
    expect(patched).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(String(patched.body)).toMatch(/^\*\*Duplicate of #90\*\*.*\n\nmine$/s);
  });

  it("leaves a lone review alone", async () => {
    const { run } = openReviewRun({ created: 90, listedAfter: [issue(90, openReview.title, "")] });
    const results = await run();
    expect(results[0]).toMatchObject({ status: "applied", detail: "opened review issue #90" });
  });
});

describe("upsertDashboard", () => {
  const body = `${DASHBOARD_MARKER}\n# Plan dashboard`;
  it("keeps its new dashboard when it has the lowest number and closes other open ones", async () => {
    const closed: string[] = [];
    githubNock()
      .post("/repos/acme/canteen/labels")
      .reply(201, {})
      .post("/repos/acme/canteen/issues")
      .reply(201, issue(5, "Plan dashboard", body))
      .get("/repos/acme/canteen/issues")
      .query(true)
      .reply(200, [issue(6, "Plan dashboard", body), issue(5, "Plan dashboard", body)])
      .patch("/repos/acme/canteen/issues/6", (b) => {
        closed.push(`${b.state}/${b.state_reason}: ${b.body}`);
        return true;
      })
      .reply(200, {});
    const out = await upsertDashboard({
      client: client(),
      ...repo,
      log: silentLogger,
      body,
      existing: null,
    });
    expect(out).toEqual({ number: 5, changed: true });
    expect(closed).toEqual([
      "closed/not_planned: Duplicate of #5, the plan dashboard (two plan-align processes created one at once).",
    ]);
  });

  it("closes the one it created even when the list does not show it yet", async () => {
    const closed: string[] = [];
    githubNock()
      .post("/repos/acme/canteen/labels")
      .reply(201, {})
      .post("/repos/acme/canteen/issues")
      .reply(201, issue(9, "Plan dashboard", body))
      .get("/repos/acme/canteen/issues")
      .query(true)
      .reply(200, [issue(4, "Plan dashboard", body)])
      .patch("/repos/acme/canteen/issues/9", (b) => {
        closed.push(`${b.state}/${b.state_reason}`);
        return true;
      })
      .reply(200, {});
    const out = await upsertDashboard({
      client: client(),
      ...repo,
      log: silentLogger,
      body,
      existing: null,
    });
    // #4 already has this body: no edit.
    expect(out).toEqual({ number: 4, changed: false });
    expect(closed).toEqual(["closed/not_planned"]);
  });

  it("closes its own dashboard when another process created a lower-numbered one, and edits that one", async () => {
    const body = `${DASHBOARD_MARKER}\n# Plan dashboard\nnew`;
    const writes: { path: string; body: Record<string, unknown> }[] = [];
    githubNock()
      .post("/repos/acme/canteen/labels")
      .reply(422, { message: "Validation Failed", errors: [{ code: "already_exists" }] })
      .post("/repos/acme/canteen/issues")
      .reply(201, issue(12, "Plan dashboard", body))
      .get("/repos/acme/canteen/issues")
      .query(true)
      .reply(200, [
        issue(12, "Plan dashboard", body),
        issue(11, "Plan dashboard", `${DASHBOARD_MARKER}\nold`),
      ])
      .patch(/\/repos\/acme\/canteen\/issues\/1[12]$/, (b) => {
        writes.push({ path: "", body: b });
        return true;
      })
      .times(2)
      .reply(200, {});
    const out = await upsertDashboard({
      client: client(),
      ...repo,
      log: silentLogger,
      body,
      existing: null,
    });
    expect(out).toEqual({ number: 11, changed: true });
    expect(writes[0]?.body).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(String(writes[0]?.body.body)).toContain("Duplicate of #11");
    expect(String(writes[0]?.body.body)).not.toContain(DASHBOARD_MARKER);
    expect(writes[1]?.body).toEqual({ body });
  });

  it("does not edit when the body is unchanged (line endings aside)", async () => {
    const out = await upsertDashboard({
      client: client(),
      ...repo,
      log: silentLogger,
      body: `${DASHBOARD_MARKER}\nsame\n`,
      existing: { number: 3, body: `${DASHBOARD_MARKER}\r\nsame`, url: "", state: "open" },
    });
    expect(out).toEqual({ number: 3, changed: false });
  });
});

describe("closeDuplicateReviews", () => {
  const applied: ActionResult[] = [
    {
      action: {
        type: "open-review",
        milestone: "m",
        number: 1,
        title: "Milestone review: M",
        approvers: ["alice"],
        evidence: [],
      },
      status: "applied",
    },
  ];

  it("keeps the lowest-numbered open review of a milestone and closes the others as not planned", async () => {
    let sent: Record<string, unknown> = {};
    githubNock()
      .get("/repos/acme/canteen/issues")
      .query(true)
      .reply(200, [
        issue(31, "Milestone review: M", "evidence"),
        issue(30, "Milestone review: M", "evidence"),
        issue(25, "Milestone review: N", "other"),
      ])
      .patch("/repos/acme/canteen/issues/31", (b) => {
        sent = b;
        return true;
      })
      .reply(200, {});
    const closed = await closeDuplicateReviews({
      client: client(),
      ...repo,
      log: silentLogger,
      results: applied,
    });
    expect(closed).toBe(1);
    expect(sent).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(String(sent.body)).toMatch(/^\*\*Duplicate of #30\*\*.*\n\nevidence$/s);
  });

  it("reads nothing when no review was opened in this run", async () => {
    expect(
      await closeDuplicateReviews({ client: client(), ...repo, log: silentLogger, results: [] }),
    ).toBe(0);
  });
});
