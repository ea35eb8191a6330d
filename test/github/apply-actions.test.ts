import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyActions } from "../../src/github/apply-actions.ts";
import { createClient, silentLogger } from "../../src/github/client.ts";
import type { SyncAction } from "../../src/model/actions.ts";
import { contractViolations } from "../support/contract.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";

const repo = { owner: "acme", repo: "canteen" };
const now = () => new Date("2026-03-01T12:00:00Z");
const run = (actions: SyncAction[]) =>
  applyActions({
    ...repo,
    client: createClient({ ...fastClientOptions, log: silentLogger }),
    actions,
    log: silentLogger,
    now,
  });

const exists = {
  message: "Validation Failed",
  errors: [{ resource: "Milestone", code: "already_exists", field: "title" }],
};

// Any DELETE anywhere fails the test: nock would answer "no match", and this records it.
const deletes: string[] = [];
beforeEach(() => {
  offline();
  deletes.length = 0;
  nock.emitter.on("no match", (req: { method?: string; url?: string }) => {
    if (req.method === "DELETE") deletes.push(req.url ?? "");
  });
});
afterEach(() => {
  nock.emitter.removeAllListeners("no match");
  expect(deletes).toEqual([]);
  expectCleanGitHubMocks();
});

describe("applyActions", () => {
  it("creates a milestone (due at noon UTC) and puts issues into it by plan id", async () => {
    githubNock()
      .post("/repos/acme/canteen/milestones", {
        title: "Requirements approved",
        description: "Agree.\n\n<!-- plan-align:id=req -->",
        due_on: "2026-02-15T12:00:00Z",
      })
      .reply(201, { number: 5, title: "Requirements approved" })
      .get("/repos/acme/canteen/issues/12")
      .reply(200, { number: 12, milestone: null })
      .patch("/repos/acme/canteen/issues/12", { milestone: 5 })
      .reply(200, { number: 12 });
    const results = await run([
      {
        type: "create-milestone",
        milestone: "req",
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: "Agree.\n\n<!-- plan-align:id=req -->",
      },
      { type: "set-issue-milestone", issue: 12, milestone: "req", number: null, from: null },
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
  });

  it("re-reads an issue before moving it: a milestone set since the snapshot stands", async () => {
    githubNock()
      .get("/repos/acme/canteen/issues/12")
      .reply(200, { number: 12, milestone: { number: 9 } })
      .get("/repos/acme/canteen/issues/13")
      .reply(200, { number: 13, milestone: { number: 5 } });
    const results = await run([
      { type: "set-issue-milestone", issue: 12, milestone: "req", number: 5, from: null },
      { type: "set-issue-milestone", issue: 13, milestone: "req", number: 5, from: null },
    ]);
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ["skipped", "issue #12 was moved to milestone #9 since it was read; left as it is"],
      ["skipped", "issue #13 is already in milestone #5"],
    ]);
  });

  it("creates an already-achieved milestone closed, with its Achieved-on evidence", async () => {
    let body: Record<string, string> = {};
    githubNock()
      .post("/repos/acme/canteen/milestones", (b) => {
        body = b;
        return true;
      })
      .reply(201, { number: 6, title: "Requirements approved", state: "closed" });
    const results = await run([
      {
        type: "create-milestone",
        milestone: "req",
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: "<!-- plan-align:id=req -->",
        state: "closed",
        evidence: ["Requirements document: all issues closed"],
      },
    ]);
    expect(results[0]?.status).toBe("applied");
    expect(results[0]?.detail).toContain("achieved on 2026-03-01");
    expect(body.state).toBe("closed");
    expect(body.due_on).toBe("2026-02-15T12:00:00Z");
    expect(body.description).toContain("<!-- plan-align:id=req -->");
    expect(body.description).toContain("Achieved on 2026-03-01");
    expect(body.description).toContain("Requirements document: all issues closed");
  });

  it("writes the Achieved-on day in the plan's time zone", async () => {
    // 2026-03-02T03:00Z is still 1 March in Los Angeles, already 2 March in UTC and Tokyo.
    const at = new Date("2026-03-02T03:00:00Z");
    const achieve = (timeZone?: string) => {
      let description = "";
      githubNock()
        .post("/repos/acme/canteen/milestones", (b) => {
          description = b.description;
          return true;
        })
        .reply(201, { number: 6, title: "Requirements approved", state: "closed" });
      return applyActions({
        ...repo,
        client: createClient({ ...fastClientOptions, log: silentLogger }),
        log: silentLogger,
        now: () => at,
        ...(timeZone ? { timeZone } : {}),
        actions: [
          {
            type: "create-milestone",
            milestone: "req",
            title: "Requirements approved",
            dueOn: "2026-02-15",
            description: "<!-- plan-align:id=req -->",
            state: "closed",
            evidence: [],
          },
        ],
      }).then(() => description);
    };
    expect(await achieve("America/Los_Angeles")).toContain("Achieved on 2026-03-01");
    expect(await achieve()).toContain("Achieved on 2026-03-02");
    expect(await achieve("Asia/Tokyo")).toContain("Achieved on 2026-03-02");
  });

  it("adopts an existing milestone on 422 already_exists and an existing label", async () => {
    githubNock()
      .post("/repos/acme/canteen/milestones")
      .reply(422, exists)
      .get("/repos/acme/canteen/milestones")
      .query({ state: "all", per_page: 100 })
      .reply(200, [
        { number: 3, title: "Other" },
        // Already as the plan wants it (same day, GitHub's Pacific midnight): nothing to set.
        {
          number: 8,
          title: "Prototype completed",
          state: "open",
          description: null,
          due_on: "2026-04-01T07:00:00Z",
        },
      ])
      .get("/repos/acme/canteen/issues/40")
      .reply(200, { number: 40, milestone: null })
      .patch("/repos/acme/canteen/issues/40", { milestone: 8 })
      .reply(200, {})
      .post(
        "/repos/acme/canteen/labels",
        (b) => b.name === "deliverable:queue-display" && /^[0-9a-f]{6}$/.test(b.color),
      )
      .reply(422, {
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "already_exists", field: "name" }],
      });
    const results = await run([
      {
        type: "create-milestone",
        milestone: "proto",
        title: "Prototype completed",
        dueOn: "2026-04-01",
        description: "",
      },
      { type: "set-issue-milestone", issue: 40, milestone: "proto", number: null, from: null },
      { type: "create-label", label: "deliverable:queue-display", deliverable: "queue-display" },
    ]);
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ["adopted", "milestone #8 already existed"],
      ["applied", "issue #40 → milestone #8"],
      ["adopted", 'label "deliverable:queue-display" already existed'],
    ]);
  });

  it("brings an adopted milestone to the plan in the same run: marker, due day, closed when achieved", async () => {
    githubNock()
      .post("/repos/acme/canteen/milestones")
      .reply(422, exists)
      .get("/repos/acme/canteen/milestones")
      .query({ state: "all", per_page: 100 })
      .reply(200, [
        {
          number: 8,
          title: "Prototype completed",
          state: "open",
          description: "Made by hand",
          due_on: "2026-03-20T07:00:00Z",
        },
      ])
      .patch(
        "/repos/acme/canteen/milestones/8",
        (b) =>
          b.state === "closed" &&
          b.due_on === "2026-04-01T12:00:00Z" &&
          b.description.startsWith("Built and shown.\n\n<!-- plan-align:id=proto -->") &&
          b.description.includes("Achieved on 2026-03-01") &&
          b.description.includes("- queue display: 2 of 2 issues closed"),
      )
      .reply(200, {});
    const results = await run([
      {
        type: "create-milestone",
        milestone: "proto",
        title: "Prototype completed",
        dueOn: "2026-04-01",
        description: "Built and shown.\n\n<!-- plan-align:id=proto -->",
        state: "closed",
        evidence: ["queue display: 2 of 2 issues closed"],
      },
    ]);
    expect(results.map((r) => [r.status, r.detail, r.milestone])).toEqual([
      [
        "adopted",
        "milestone #8 already existed; set its description, due date, state",
        { number: 8, state: "closed" },
      ],
    ]);
  });

  it("re-reads before closing: closes with the Achieved footer, skips one already closed", async () => {
    let description = "";
    githubNock()
      .get("/repos/acme/canteen/milestones/1")
      .reply(200, { number: 1, state: "open", description: "Agree.\n\n<!-- plan-align:id=req -->" })
      .patch("/repos/acme/canteen/milestones/1", (b) => {
        description = b.description;
        return b.state === "closed";
      })
      .reply(200, {})
      .get("/repos/acme/canteen/milestones/2")
      .reply(200, { number: 2, state: "closed", description: "" });
    const results = await run([
      {
        type: "close-milestone",
        milestone: "req",
        number: 1,
        evidence: ["Requirements document: all issues closed"],
      },
      { type: "close-milestone", milestone: "proto", number: 2, evidence: [] },
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "skipped"]);
    expect(description).toBe(
      "Agree.\n\n<!-- plan-align:id=req -->\n\n<!-- plan-align:achieved -->\n**Achieved on 2026-03-01** (recorded by plan-align)\n- Requirements document: all issues closed",
    );
  });

  it("reopens a regressed milestone and strips the Achieved footer; updates keep it", async () => {
    const closed =
      "Agree.\n\n<!-- plan-align:id=req -->\n\n<!-- plan-align:achieved -->\n**Achieved on 2026-03-01** (recorded by plan-align)";
    githubNock()
      .get("/repos/acme/canteen/milestones/1")
      .reply(200, { number: 1, state: "closed", description: closed })
      .patch("/repos/acme/canteen/milestones/1", {
        state: "open",
        description: "Agree.\n\n<!-- plan-align:id=req -->",
      })
      .reply(200, {})
      .get("/repos/acme/canteen/milestones/2")
      .reply(200, { number: 2, state: "closed", description: closed })
      .patch("/repos/acme/canteen/milestones/2", {
        due_on: "2026-05-01T12:00:00Z",
        description: `New.\n\n<!-- plan-align:id=req -->\n\n${closed.slice(closed.indexOf("<!-- plan-align:achieved"))}`,
      })
      .reply(200, {});
    const results = await run([
      { type: "reopen-milestone", milestone: "req", number: 1, reason: "No longer achieved" },
      {
        type: "update-milestone",
        milestone: "x",
        number: 2,
        title: "T",
        dueOn: "2026-05-01",
        description: "New.\n\n<!-- plan-align:id=req -->",
        changes: ["dueOn", "description"],
      },
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
  });

  it("adopts an existing review issue (even closed) instead of opening a second one", async () => {
    githubNock()
      .get("/repos/acme/canteen/issues")
      .query({ labels: "plan-align:review", state: "all", per_page: 100 })
      .reply(200, [
        { number: 77, title: "Milestone review: Requirements approved", state: "closed" },
      ]);
    const results = await run([
      {
        type: "open-review",
        milestone: "req",
        number: 1,
        title: "Milestone review: Requirements approved",
        approvers: ["alice"],
        evidence: [],
      },
    ]);
    expect(results[0]).toMatchObject({
      status: "adopted",
      detail: "review issue #77 already exists (closed)",
    });
  });

  it("opens a review issue in the milestone, labelled and assigned to the approvers, with evidence", async () => {
    let body = "";
    githubNock()
      .get("/repos/acme/canteen/issues")
      .query(true)
      .reply(200, [])
      .post("/repos/acme/canteen/labels", (b) => b.name === "plan-align:review")
      .reply(201, {})
      .post("/repos/acme/canteen/issues", (b) => {
        body = b.body;
        return (
          b.title === "Milestone review: Requirements approved" &&
          b.milestone === 1 &&
          JSON.stringify(b.labels) === '["plan-align:review"]' &&
          JSON.stringify(b.assignees) === '["alice","bob"]'
        );
      })
      .reply(201, { number: 90 });
    const results = await run([
      {
        type: "open-review",
        milestone: "req",
        number: 1,
        title: "Milestone review: Requirements approved",
        approvers: ["alice", "bob"],
        evidence: ["Requirements document: 2 of 2 issues closed"],
      },
    ]);
    expect(results[0]).toMatchObject({ status: "applied", detail: "opened review issue #90" });
    expect(body).toContain("- Requirements document: 2 of 2 issues closed");
    expect(body).toContain("@alice, @bob");
  });

  it("keeps going after a failure and reports it", async () => {
    githubNock()
      .post("/repos/acme/canteen/labels")
      .reply(403, { message: "Resource not accessible by integration" })
      .post("/repos/acme/canteen/labels")
      .reply(201, {});
    const results = await run([
      { type: "create-label", label: "deliverable:a", deliverable: "a" },
      {
        type: "set-issue-milestone",
        issue: 3,
        milestone: "never-created",
        number: null,
        from: null,
      },
      { type: "create-label", label: "deliverable:b", deliverable: "b" },
    ]);
    expect(results.map((r) => r.status)).toEqual(["failed", "failed", "applied"]);
    expect(results[0]?.detail).toMatch(/403/);
    expect(results[0]?.failure).toEqual({ kind: "forbidden", status: 403 });
    expect(results[1]?.detail).toMatch(/never-created/);
    expect(results[1]?.failure).toEqual({ kind: "missing-milestone", status: null });
    expect(results[2]?.failure).toBeUndefined();
  });
});

describe("contract checking of mocks", () => {
  it("records a request GitHub would reject", async () => {
    githubNock().post("/repos/acme/canteen/labels").reply(201, {});
    const client = createClient({ ...fastClientOptions, log: silentLogger });
    // A label without a name is not a valid body.
    await client.request("POST /repos/{owner}/{repo}/labels", {
      ...repo,
      color: "ffffff",
    } as never);
    expect(
      contractViolations()
        .map((v) => v.message)
        .join("\n"),
    ).toMatch(/name/);
    // Clear them so afterEach does not fail on the deliberate violation.
    const { resetContractViolations } = await import("../support/contract.ts");
    resetContractViolations();
  });
});
