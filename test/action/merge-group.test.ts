/**
 * Merge queues: on GitHub's real `merge_group` payload, the Action in `auto` mode posts the
 * `plan-align` check run on the group's head commit, judging the pull request the group adds
 * (named in the group's branch) against the plan on the group's base branch.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pullRequestOfQueueRef } from "../../src/github/merge-group.ts";
import { expectCleanGitHubMocks, offline } from "../support/nock.ts";
import {
  baseRepo,
  harness,
  ISSUES_CLOSED,
  mockCheckRun,
  mockFile,
  mockGraphQL,
  PLAN_TEXT,
} from "./harness.ts";
import { webhookExample } from "./webhook-examples.ts";

beforeEach(() => offline());
afterEach(() => {
  expectCleanGitHubMocks();
  nock.abortPendingRequests();
});

function mergeGroupEvent() {
  const payload = webhookExample("merge_group", (p) => p.action === "checks_requested");
  const group = payload.merge_group as { head_sha: string; head_ref: string; base_ref: string };
  return { name: "merge_group", payload, group };
}

/** The pull request #104 the example group adds, with its own head (not the group's). */
const PR_HEAD = "1111111111111111111111111111111111111111";

describe("merge_group", () => {
  it("posts the check run on the group's head commit, judging the queued pull request against the base plan", async () => {
    const event = mergeGroupEvent();
    expect(event.group.head_ref).toBe(
      "refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64",
    );
    const h = harness({ event });
    const repo = baseRepo({
      defaultBranch: "main",
      issues: ISSUES_CLOSED,
      pullRequests: [
        {
          number: 104,
          headSha: PR_HEAD,
          baseRef: "main",
          labels: ["deliverable:queue-display"],
          milestone: 2,
          changedFiles: ["src/display/queue.ts"],
        },
      ],
    });
    // The plan is read from the base branch `main` (from `refs/heads/main`), not the group.
    mockFile(h.gh, { path: ".github/plan.yml", ref: "main", text: PLAN_TEXT });
    mockGraphQL(h.gh, repo);
    mockCheckRun(h);

    await h.run();

    expect(h.core.failed).toEqual([]);
    expect(h.checkRuns).toHaveLength(1);
    expect(h.checkRuns[0]?.body).toMatchObject({
      name: "plan-align",
      head_sha: event.group.head_sha,
      conclusion: "success",
    });
    expect(h.checkRuns[0]?.body.output.title).toBe("Merging this achieves Prototype completed");
    expect(h.core.outputs).toMatchObject({ conclusion: "success", aligned: "true" });
    expect(h.report().pullRequest?.number).toBe(104);
  });

  it("fails the check of a group whose pull request serves nothing when unlinked is set to fail", async () => {
    const event = mergeGroupEvent();
    const h = harness({ event });
    expect(PLAN_TEXT).not.toContain("settings:");
    const plan = `${PLAN_TEXT}\nsettings:\n  pull_requests:\n    unlinked: fail\n`;
    mockFile(h.gh, { path: ".github/plan.yml", ref: "main", text: plan });
    mockGraphQL(
      h.gh,
      baseRepo({
        defaultBranch: "main",
        files: { ".github/plan.yml": plan },
        pullRequests: [
          { number: 104, headSha: PR_HEAD, baseRef: "main", changedFiles: ["README.md"] },
        ],
      }),
    );
    mockCheckRun(h);

    await h.run();

    expect(h.checkRuns[0]?.body).toMatchObject({
      head_sha: event.group.head_sha,
      conclusion: "failure",
    });
    expect(h.core.failed).toHaveLength(1);
  });

  it("does nothing for a destroyed group", async () => {
    const event = mergeGroupEvent();
    event.payload.action = "destroyed";
    const h = harness({ event });
    const outcome = await h.run();
    expect(outcome?.conclusion).toBe("skipped");
    expect(h.checkRuns).toEqual([]);
    expect(h.core.failed).toEqual([]);
  });

  it("fails with a plain message when the group's branch names no pull request", async () => {
    const event = mergeGroupEvent();
    (event.payload.merge_group as { head_ref: string }).head_ref = "refs/heads/feature";
    const h = harness({ event });
    expect(await h.run()).toBeNull();
    expect(h.core.failed[0]).toMatch(/does not name a pull request.*gh-readonly-queue/);
  });
});

describe("pullRequestOfQueueRef", () => {
  it("reads the pull request number from GitHub's merge-queue branch names", () => {
    expect(
      pullRequestOfQueueRef(
        "refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64",
      ),
    ).toBe(104);
    expect(pullRequestOfQueueRef("refs/heads/gh-readonly-queue/release/v1/pr-7-abcdef0")).toBe(7);
    expect(pullRequestOfQueueRef("refs/heads/main")).toBeNull();
    expect(pullRequestOfQueueRef("refs/heads/gh-readonly-queue/main/pr-0-abcdef0")).toBeNull();
    expect(
      pullRequestOfQueueRef(`refs/heads/gh-readonly-queue/${"a".repeat(5000)}/pr-1-abcdef0`),
    ).toBeNull();
  });
});
