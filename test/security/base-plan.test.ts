/**
 * A pull request is always judged by the plan on its BASE branch: one that weakens the plan
 * (drops a criterion, lowers a min, relaxes the settings that judge it) is flagged
 * plan-weakened and gets the verdict the base plan gives — even when its own head plan
 * would let it pass. Driven through the Action's runner (nock, contract-checked).
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  baseRepo,
  harness,
  mockCheckRun,
  mockFile,
  mockGraphQL,
  PLAN_TEXT,
  pullRequestEvent,
} from "../action/harness.ts";
import { expectCleanGitHubMocks, offline } from "../support/nock.ts";

beforeEach(() => offline());
afterEach(() => {
  expectCleanGitHubMocks();
  nock.abortPendingRequests();
});

const pr = pullRequestEvent("opened");

const BASE = `${PLAN_TEXT.replace("      - issues: closed\n      - pull_requests: merged", "      - issues: closed\n        min: 2\n      - pull_requests: merged")}
settings:
  pull_requests:
    unlinked: fail
    plan_weakened: fail
`;

/** The head plan: one criterion dropped, a min lowered, and the settings that judge it relaxed. */
const HEAD = BASE.replace("        min: 2\n      - pull_requests: merged\n", "        min: 1\n")
  .replace("unlinked: fail", "unlinked: ignore")
  .replace("plan_weakened: fail", "plan_weakened: ignore");

async function judge(headPlan: string) {
  const h = harness({ event: pr });
  mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: BASE });
  mockGraphQL(
    h.gh,
    baseRepo({
      files: { ".github/plan.yml": BASE },
      pullRequests: [
        {
          number: pr.number,
          headSha: pr.headSha,
          baseRef: pr.baseRef,
          changedFiles: [".github/plan.yml"],
          headFiles: { ".github/plan.yml": headPlan },
        },
      ],
    }),
  );
  mockCheckRun(h);
  await h.run();
  return h;
}

describe("the plan that judges a pull request", () => {
  it("the fixtures mean what they say: BASE and HEAD both valid, HEAD weaker", () => {
    expect(BASE).toContain("min: 2");
    expect(HEAD).not.toContain("pull_requests: merged");
    expect(HEAD).toContain("unlinked: ignore");
  });

  it("a weakening pull request is flagged plan-weakened and judged by the base plan's settings", async () => {
    const h = await judge(HEAD);
    const report = h.report();
    const codes = report.pullRequest?.warnings.map((w) => w.code) ?? [];
    expect(codes).toContain("plan-weakened");
    // Under the head plan's settings it would be success (unlinked and plan_weakened ignored).
    expect(codes).toContain("unlinked");
    expect(report.pullRequest?.conclusion).toBe("failure");
    expect(h.checkRuns[0]?.body.conclusion).toBe("failure");
    const changes = report.pullRequest?.planChanges ?? [];
    expect(changes.filter((c) => c.weakens).map((c) => c.code)).toEqual(
      expect.arrayContaining(["criterion-removed"]),
    );
    expect(changes.some((c) => c.weakens && /min/.test(c.message))).toBe(true);
    expect(h.core.failed).toHaveLength(1);
  });

  it("the same pull request without the plan change gets the same base verdict for being unlinked", async () => {
    const h = await judge(BASE);
    const codes = h.report().pullRequest?.warnings.map((w) => w.code) ?? [];
    expect(codes).not.toContain("plan-weakened");
    expect(codes).toContain("unlinked");
    expect(h.report().pullRequest?.conclusion).toBe("failure");
  });
});
