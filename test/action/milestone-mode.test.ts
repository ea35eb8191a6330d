/** Milestone mode through the runner: a real push payload, GitHub answered by nock. */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectCleanGitHubMocks, offline } from "../support/nock.ts";
import {
  baseRepo,
  harness,
  mockFile,
  mockGraphQL,
  PLAN_TEXT,
  pushEvent,
  REPO_PATH,
} from "./harness.ts";

beforeEach(() => offline());
afterEach(() => {
  expectCleanGitHubMocks();
  nock.abortPendingRequests();
});

/** Requirements approved: its issue is closed and its document has the heading — achieved. */
const achievedRepo = () => baseRepo();
const milestoneOne = {
  url: `https://api.github.com${REPO_PATH}/milestones/1`,
  number: 1,
  title: "Requirements approved",
  state: "open",
  description: "<!-- plan-align:id=requirements-approved -->",
  due_on: "2026-02-15T08:00:00Z",
};

describe("milestone mode", () => {
  it("closes the milestone whose proof is in, recording the evidence", async () => {
    const h = harness({ event: pushEvent() });
    mockFile(h.gh, { path: ".github/plan.yml", text: PLAN_TEXT });
    mockGraphQL(h.gh, achievedRepo());
    h.gh.get(`${REPO_PATH}/milestones/1`).reply(200, milestoneOne);
    let patched: Record<string, unknown> | undefined;
    h.gh
      .patch(`${REPO_PATH}/milestones/1`, (body) => {
        patched = body;
        return true;
      })
      .reply(200, { ...milestoneOne, state: "closed" });

    const outcome = await h.run();

    expect(h.core.failed).toEqual([]);
    expect(outcome?.report?.actions.map((a) => a.type)).toEqual(["close-milestone"]);
    expect(patched?.state).toBe("closed");
    expect(String(patched?.description)).toContain("<!-- plan-align:id=requirements-approved -->");
    expect(String(patched?.description)).toContain("Achieved on 2026-01-10");
    expect(h.core.outputs).toMatchObject({
      conclusion: "success",
      aligned: "",
      achieves: "requirements-approved",
    });
    expect(h.core.summary).toContain("What plan-align changed");
    expect(h.core.summary).toMatch(/applied: close milestone "requirements-approved" \(#1\)/);
  });

  it("with dry-run only lists the change and sends no write", async () => {
    const h = harness({ event: pushEvent(), inputs: { "dry-run": "true" } });
    mockFile(h.gh, { path: ".github/plan.yml", text: PLAN_TEXT });
    mockGraphQL(h.gh, achievedRepo());

    await h.run();

    // nock refuses any request not mocked above: a write would have failed the run.
    expect(h.core.failed).toEqual([]);
    expect(h.core.summary).toContain('would close milestone "requirements-approved" (#1)');
    expect(h.core.log).toContain('- would close milestone "requirements-approved" (#1) (achieved)');
    expect(h.core.outputs.conclusion).toBe("success");
  });

  it('reports a refused optional write as "token cannot …" and still closes milestones', async () => {
    const h = harness({ event: pushEvent() });
    mockFile(h.gh, { path: ".github/plan.yml", text: PLAN_TEXT });
    mockGraphQL(h.gh, baseRepo({ labels: ["deliverable: requirements"] }));
    h.gh
      .post(`${REPO_PATH}/labels`)
      .reply(403, { message: "Resource not accessible by integration" });
    h.gh.get(`${REPO_PATH}/milestones/1`).reply(200, milestoneOne);
    h.gh.patch(`${REPO_PATH}/milestones/1`).reply(200, { ...milestoneOne, state: "closed" });

    await h.run();

    expect(h.core.failed).toEqual([]);
    expect(h.core.outputs.conclusion).toBe("success");
    const warning = h.core.annotations.find((a) => a.level === "warning");
    expect(warning?.message).toMatch(
      /^token cannot create label "deliverable:queue-display" \(403\)/,
    );
  });

  it("changes nothing and fails when the plan on the default branch is invalid", async () => {
    const h = harness({ event: pushEvent() });
    const broken = PLAN_TEXT.replace(
      "requires: [requirements-approved]",
      "requires: [requirements]",
    );
    mockFile(h.gh, { path: ".github/plan.yml", text: broken });
    mockGraphQL(h.gh, baseRepo({ files: { ".github/plan.yml": broken } }));

    await h.run();

    expect(h.core.outputs.conclusion).toBe("failure");
    expect(h.core.failed[0]).toContain("invalid; nothing was changed");
    const line = broken.split("\n").findIndex((l) => l.includes("requires: [requirements]")) + 1;
    expect(h.core.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: "error",
          props: expect.objectContaining({ file: ".github/plan.yml", startLine: line }),
        }),
      ]),
    );
  });

  it("skips a push that is not to the default branch", async () => {
    const event = pushEvent();
    (event.payload as { ref: string }).ref = "refs/heads/feature";
    const h = harness({ event });
    await h.run();
    expect(h.core.outputs.conclusion).toBe("skipped");
    expect(h.core.failed).toEqual([]);
  });
});
