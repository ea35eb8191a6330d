/**
 * Review issue identity: an issue labelled `plan-align:review` that is in the milestone's
 * GitHub milestone, or titled `Milestone review: <title>`. A renamed review issue still counts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { applyActions } from "../../src/github/apply-actions.ts";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { plan, snapshot } from "../support/builders.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";

const p = plan({
  milestones: [
    {
      id: "req",
      title: "Requirements approved",
      due: "2026-06-01",
      deliverables: ["d"],
      review: { approvers: ["alice"] },
    },
  ],
  deliverables: [{ id: "d", title: "D", criteria: [{ issues: "closed" }] }],
});

function review(issue: Record<string, unknown>) {
  const s = snapshot({
    milestones: [
      { number: 3, title: "Requirements approved", state: "open", dueOn: "2026-06-01" },
      { number: 4, title: "Other", state: "open", dueOn: "2026-06-01" },
    ],
    issues: [
      {
        number: 1,
        title: "d",
        state: "closed",
        stateReason: "completed",
        labels: ["deliverable:d"],
      },
      { number: 20, state: "closed", stateReason: "completed", closedBy: "alice", ...issue },
    ],
  });
  return evaluateRepository({ plan: p, snapshot: s }).milestones[0]?.review;
}

describe("which issue is a milestone's review", () => {
  it.each([
    [
      "titled, labelled, in no milestone",
      {
        title: "Milestone review: Requirements approved",
        labels: ["plan-align:review"],
        milestone: null,
      },
      true,
    ],
    [
      "renamed, labelled, in the milestone",
      { title: "Sign-off for v1", labels: ["plan-align:review"], milestone: 3 },
      true,
    ],
    [
      "renamed, labelled, in another milestone",
      { title: "Sign-off for v1", labels: ["plan-align:review"], milestone: 4 },
      false,
    ],
    [
      "in the milestone but without the review label",
      { title: "Sign-off for v1", labels: [], milestone: 3 },
      false,
    ],
    [
      "titled but without the review label",
      { title: "Milestone review: Requirements approved", labels: [], milestone: 3 },
      false,
    ],
  ])("%s → signed off: %s", (_what, issue, signed) => {
    const r = review(issue);
    expect(r?.signedOff).toBe(signed);
    expect(r?.issue).toBe(signed ? 20 : null);
  });
});

describe("the executor adopts a renamed review issue in the milestone", () => {
  beforeEach(() => offline());
  afterEach(() => expectCleanGitHubMocks());

  it("opens no second review", async () => {
    githubNock()
      .get("/repos/acme/canteen/issues")
      .query(true)
      .reply(200, [
        { number: 66, title: "Sign-off for v1", state: "open", milestone: { number: 3 } },
      ]);
    const results = await applyActions({
      owner: "acme",
      repo: "canteen",
      client: createClient({ ...fastClientOptions, log: silentLogger }),
      log: silentLogger,
      actions: [
        {
          type: "open-review",
          milestone: "req",
          number: 3,
          title: "Milestone review: Requirements approved",
          approvers: ["alice"],
          evidence: [],
        },
      ],
    });
    expect(results[0]).toMatchObject({
      status: "adopted",
      detail: "review issue #66 already exists (open)",
    });
  });
});
