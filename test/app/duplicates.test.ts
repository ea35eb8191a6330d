/** Convergence when two app processes create the same issue at the same moment. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { upsertDashboard } from "../../src/github/dashboard-issue.ts";
import { closeDuplicateReviews } from "../../src/github/review-duplicates.ts";
import type { ActionResult } from "../../src/github/types.ts";
import { DASHBOARD_MARKER } from "../../src/report/dashboard.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";

beforeEach(() => offline());
afterEach(() => expectCleanGitHubMocks());
const client = () => createClient({ ...fastClientOptions, log: silentLogger });
const repo = { owner: "acme", repo: "canteen" };
const issue = (number: number, body: string, extra: Record<string, unknown> = {}) => ({
  number,
  title: "Plan dashboard",
  body,
  state: "open",
  html_url: `https://github.com/acme/canteen/issues/${number}`,
  ...extra,
});

describe("upsertDashboard", () => {
  it("closes its own dashboard when another process created a lower-numbered one, and edits that one", async () => {
    const body = `${DASHBOARD_MARKER}\n# Plan dashboard\nnew`;
    const writes: { path: string; body: Record<string, unknown> }[] = [];
    githubNock()
      .post("/repos/acme/canteen/labels")
      .reply(422, { message: "Validation Failed", errors: [{ code: "already_exists" }] })
      .post("/repos/acme/canteen/issues")
      .reply(201, issue(12, body))
      .get("/repos/acme/canteen/issues")
      .query(true)
      .reply(200, [issue(12, body), issue(11, `${DASHBOARD_MARKER}\nold`)])
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
        issue(31, "evidence", { title: "Milestone review: M" }),
        issue(30, "evidence", { title: "Milestone review: M" }),
        issue(25, "other", { title: "Milestone review: N" }),
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
