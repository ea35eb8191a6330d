import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refusedReviews } from "../../src/evaluate/refused-reviews.ts";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { commentOnRefusedReviews } from "../../src/github/review-refusal.ts";
import { refusalMarker } from "../../src/model/names/review-issue.ts";
import type { Report } from "../../src/model/report.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";
import { canteenReport, milestone } from "./support/reports.ts";

function reportWithReview(issue: number | null, signedOff = false): Report {
  const r = canteenReport();
  r.milestones = [
    milestone({
      id: "requirements-approved",
      title: "Requirements approved",
      review: { approvers: ["alice", "Bob"], issue, signedOff, detail: "" },
    }),
  ];
  return r;
}

function snapshotWith(issue: Partial<Snapshot["issues"][number]>): Snapshot {
  return {
    version: 1,
    repository: "acme/canteen",
    defaultBranch: "main",
    fetchedAt: "2026-03-01T12:00:00Z",
    milestones: [],
    labels: [],
    issues: [
      {
        number: 20,
        title: "Milestone review: Requirements approved",
        state: "open",
        stateReason: null,
        labels: ["plan-align:review"],
        milestone: 1,
        ...issue,
      },
    ],
    pullRequests: [],
    files: {},
    checks: {},
  };
}

describe("refusedReviews", () => {
  it("finds a review closed as completed by someone who is not an approver", () => {
    const out = refusedReviews(
      reportWithReview(20),
      snapshotWith({ state: "closed", stateReason: "completed", closedBy: "mallory" }),
    );
    expect(out).toEqual([
      {
        issue: 20,
        closedBy: "mallory",
        milestoneTitle: "Requirements approved",
        approvers: ["alice", "Bob"],
      },
    ]);
  });

  it.each([
    [
      "an approver closed it (logins compare case-insensitively)",
      { state: "closed", stateReason: "completed", closedBy: "bob" },
    ],
    ["it is still open", { state: "open" }],
    [
      "it was closed as not planned (a decline, not a sign-off attempt)",
      { state: "closed", stateReason: "not_planned", closedBy: "mallory" },
    ],
    ["who closed it is unknown", { state: "closed", stateReason: "completed", closedBy: null }],
  ] as const)("finds nothing when %s", (_why, issue) => {
    expect(
      refusedReviews(
        reportWithReview(20),
        snapshotWith(issue as Partial<Snapshot["issues"][number]>),
      ),
    ).toEqual([]);
  });
});

describe("commentOnRefusedReviews", () => {
  beforeEach(() => offline());
  afterEach(() => expectCleanGitHubMocks());
  const client = () => createClient({ ...fastClientOptions, log: silentLogger });
  const refused = [
    {
      issue: 20,
      closedBy: "mallory",
      milestoneTitle: "Requirements approved",
      approvers: ["alice", "bob"],
    },
  ];

  it("says on the issue that it is not a sign-off, without @-mentioning anyone", async () => {
    let body = "";
    githubNock()
      .get("/repos/acme/canteen/issues/20/comments")
      .query(true)
      .reply(200, [])
      .post("/repos/acme/canteen/issues/20/comments", (b) => {
        body = b.body;
        return true;
      })
      .reply(201, { id: 1 });
    const posted = await commentOnRefusedReviews({
      client: client(),
      owner: "acme",
      repo: "canteen",
      log: silentLogger,
      refused,
    });
    expect(posted).toBe(1);
    expect(body).toContain("closed by `mallory`, who is not one of its approvers (`alice`, `bob`)");
    expect(body).toContain("does **not** sign off milestone **Requirements approved**");
    expect(body).toContain(refusalMarker("mallory"));
    expect(body).not.toMatch(/@\w/);
  });

  it("says it once: no second comment when that closer was already told", async () => {
    githubNock()
      .get("/repos/acme/canteen/issues/20/comments")
      .query(true)
      .reply(200, [{ id: 1, body: `earlier\n${refusalMarker("Mallory")}` }]);
    const posted = await commentOnRefusedReviews({
      client: client(),
      owner: "acme",
      repo: "canteen",
      log: silentLogger,
      refused,
    });
    expect(posted).toBe(0);
  });
});
