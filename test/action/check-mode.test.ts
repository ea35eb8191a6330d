/**
 * Check mode, end to end through the runner: a real pull_request payload, INPUT_* variables,
 * GitHub answered by nock (every request contract-checked, every interceptor used).
 */
import { existsSync } from "node:fs";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectCleanGitHubMocks, offline } from "../support/nock.ts";
import {
  baseRepo,
  type CheckRunBody,
  type Harness,
  harness,
  ISSUES_CLOSED,
  mockCheckRun,
  mockFile,
  mockGraphQL,
  PLAN_TEXT,
  pullRequestEvent,
  pushEvent,
} from "./harness.ts";

beforeEach(() => offline());
afterEach(() => {
  expectCleanGitHubMocks();
  nock.abortPendingRequests();
});

const pr = pullRequestEvent("opened");

function checkRun(h: Harness): CheckRunBody {
  const body = h.checkRuns[0]?.body;
  if (!body) throw new Error("no check run was posted");
  return body;
}
const prRepo = (extra: Record<string, unknown> = {}) => ({
  number: pr.number,
  headSha: pr.headSha,
  baseRef: pr.baseRef,
  ...extra,
});

describe("check mode", () => {
  it("posts a success check run for an aligned pull request and names what merging achieves", async () => {
    const h = harness({ event: pr });
    const repo = baseRepo({
      issues: ISSUES_CLOSED,
      pullRequests: [
        prRepo({
          labels: ["deliverable:queue-display"],
          milestone: 2,
          changedFiles: ["src/display/queue.ts"],
        }),
      ],
    });
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
    mockGraphQL(h.gh, repo);
    mockCheckRun(h);

    await h.run();

    expect(h.core.failed).toEqual([]);
    expect(h.checkRuns).toHaveLength(1);
    const body = checkRun(h);
    expect(body).toMatchObject({
      name: "plan-align",
      head_sha: pr.headSha,
      status: "completed",
      conclusion: "success",
      details_url: "https://github.com/Codertocat/Hello-World/actions/runs/4242",
    });
    expect(body.output.title).toBe("Merging this achieves Prototype completed");
    expect(h.core.outputs).toMatchObject({
      conclusion: "success",
      aligned: "true",
      achieves: "prototype-done",
    });
    expect(h.core.summary).toBe(body.output.summary);
    // The base plan's warnings annotate the plan file.
    expect(body.output.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ".github/plan.yml", annotation_level: "warning" }),
      ]),
    );
    const report = h.report();
    expect(report.pullRequest).toMatchObject({
      number: pr.number,
      deliverables: ["queue-display"],
      achieves: ["prototype-done"],
    });
  });

  it("is neutral for a pull request that serves no deliverable, without failing the step", async () => {
    const h = harness({ event: pullRequestEvent("synchronize") });
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
    mockGraphQL(h.gh, baseRepo({ pullRequests: [prRepo({ changedFiles: ["README.md"] })] }));
    mockCheckRun(h);

    await h.run();

    const body = checkRun(h);
    expect(body.conclusion).toBe("neutral");
    expect(body.output.title).toBe("Serves no deliverable of the plan");
    expect(h.core.outputs).toMatchObject({ conclusion: "neutral", aligned: "false", achieves: "" });
    expect(h.core.failed).toEqual([]);
    expect(h.report().pullRequest?.warnings.map((w) => w.code)).toContain("unlinked");
  });

  it("fails the check and the step when the plan at the head is invalid, annotating its lines", async () => {
    const h = harness({ event: pr });
    const broken = PLAN_TEXT.replace(
      "deliverables: [queue-display]",
      "deliverables: [queue-dispaly]",
    );
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
    mockGraphQL(
      h.gh,
      baseRepo({
        pullRequests: [
          prRepo({ changedFiles: [".github/plan.yml"], headFiles: { ".github/plan.yml": broken } }),
        ],
      }),
    );
    mockCheckRun(h);

    await h.run();

    const body = checkRun(h);
    expect(body.conclusion).toBe("failure");
    const line = broken.split("\n").findIndex((l) => l.includes("queue-dispaly")) + 1;
    expect(body.output.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ".github/plan.yml",
          annotation_level: "failure",
          start_line: line,
        }),
      ]),
    );
    expect(h.core.outputs.conclusion).toBe("failure");
    expect(h.core.failed).toHaveLength(1);
    expect(h.core.failed[0]).toContain("failure");
  });

  it('reports "no plan on the base branch" as neutral and says how to add one', async () => {
    const h = harness({ event: pr });
    for (const path of [".github/plan.yml", ".github/plan.yaml"]) {
      mockFile(h.gh, { path, ref: pr.baseRef, text: null });
      mockFile(h.gh, { path, ref: pr.headSha, text: null });
    }
    mockCheckRun(h);

    await h.run();

    const body = checkRun(h);
    expect(body.conclusion).toBe("neutral");
    expect(body.output.title).toBe("No plan on the base branch");
    expect(body.output.summary).toContain("no plan on the base branch");
    expect(body.output.summary).toContain("commit a plan at `.github/plan.yml`");
    expect(h.core.outputs).toMatchObject({ conclusion: "neutral", report: "" });
    expect(h.core.failed).toEqual([]);
  });

  it("falls back to the job summary and annotations when a fork's token cannot create check runs", async () => {
    const h = harness({ event: pr });
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
    mockGraphQL(
      h.gh,
      baseRepo({
        pullRequests: [prRepo({ changedFiles: ["README.md"], headRepository: "fork/Hello-World" })],
      }),
    );
    mockCheckRun(h, { status: 403 });

    await h.run();

    expect(h.core.failed).toEqual([]);
    expect(h.core.outputs.conclusion).toBe("neutral");
    const notice = h.core.annotations.find((a) => a.level === "notice");
    expect(notice?.message).toContain("read-only (403)");
    // The plan's findings still reach the pull request, as workflow annotations on the file.
    expect(h.core.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: "warning",
          props: expect.objectContaining({
            file: ".github/plan.yml",
            startLine: expect.any(Number),
          }),
        }),
      ]),
    );
    expect(h.core.summary).toContain("plan-align");
  });

  it("on a fork, keeps within GitHub's 10 annotations of a level per step: verdict first, the rest counted", async () => {
    const h = harness({ event: pr });
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: manyDeliverablesPlan(30) });
    mockGraphQL(
      h.gh,
      baseRepo({
        milestones: [],
        labels: [],
        issues: [],
        pullRequests: [prRepo({ changedFiles: ["x"], headRepository: "fork/Hello-World" })],
      }),
    );
    mockCheckRun(h, { status: 403 });

    await h.run();

    const findings = h.report().plan.findings;
    expect(findings.length).toBeGreaterThan(10);
    const of = (level: string) => h.core.annotations.filter((a) => a.level === level);
    expect(of("warning").length).toBeLessThanOrEqual(10);
    expect(of("error").length).toBeLessThanOrEqual(10);
    expect(of("notice").length).toBeLessThanOrEqual(10);
    // The verdict is never the annotation GitHub drops.
    expect(of("warning")[0]?.message).toMatch(/^plan-align: neutral — /);
    const shown = h.core.annotations.filter((a) => a.props?.file === ".github/plan.yml").length;
    const more = of("notice").find((a) => /more plan finding/.test(a.message));
    expect(more?.message).toContain(`${findings.length - shown} more plan finding(s)`);
    expect(h.core.summary).toContain("plan-align");
    expect(h.core.failed).toEqual([]);
  });

  it("sends annotations beyond 50 in update requests of the same check run", async () => {
    const plan = manyDeliverablesPlan(60);
    const h = harness({ event: pr });
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: plan });
    mockGraphQL(
      h.gh,
      baseRepo({
        milestones: [],
        labels: [],
        issues: [],
        pullRequests: [prRepo({ changedFiles: ["x"] })],
      }),
    );
    mockCheckRun(h, { updates: 1 });

    await h.run();

    const findings = h.report().plan.findings;
    expect(findings.length).toBeGreaterThan(50);
    expect(findings.length).toBeLessThanOrEqual(100);
    const [create, update] = h.checkRuns;
    expect(create?.method).toBe("POST");
    expect(create?.body.output.annotations).toHaveLength(50);
    expect(update?.method).toBe("PATCH");
    expect(update?.body.output.annotations).toHaveLength(findings.length - 50);
  });

  it("reads issues beyond the first page of 100", async () => {
    const issues = Array.from({ length: 250 }, (_, i) => ({
      number: 1000 + i,
      state: (i === 230 ? "open" : "closed") as "open" | "closed",
      state_reason: i === 230 ? null : ("completed" as const),
      labels: ["deliverable: requirements"],
      milestone: 1,
    }));
    const h = harness({ event: pr });
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
    mockGraphQL(
      h.gh,
      baseRepo({ issues, pullRequests: [prRepo({ changedFiles: ["README.md"] })] }),
      3,
    );
    mockCheckRun(h);

    await h.run();

    const doc = h.report().milestones.find((m) => m.id === "requirements-approved")
      ?.deliverables[0];
    const issuesCriterion = doc?.criteria.find((c) => c.kind === "issues");
    expect(issuesCriterion?.met).toBe(false);
    expect(issuesCriterion?.detail).toContain("1230");
  });

  it("retries a 502 and a secondary rate limit (retry-after), then succeeds", async () => {
    const h = harness({ event: pr });
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
    h.gh.post("/graphql").reply(502, "Bad Gateway");
    h.gh.post("/graphql").reply(
      403,
      {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      },
      { "retry-after": "1" },
    );
    mockGraphQL(h.gh, baseRepo({ pullRequests: [prRepo({ changedFiles: ["README.md"] })] }));
    mockCheckRun(h);

    await h.run();

    expect(h.core.failed).toEqual([]);
    expect(h.checkRuns).toHaveLength(1);
    expect(h.core.outputs.conclusion).toBe("neutral");
    expect(h.core.log.join("\n")).toMatch(/secondary rate limit/);
  });
});

describe("inputs", () => {
  it("fails the step with the allowed values for an unknown mode, before any request", async () => {
    const h = harness({ event: pr, inputs: { mode: "sometimes" } });
    const outcome = await h.run();
    expect(outcome).toBeNull();
    expect(h.core.failed).toEqual([
      'plan-align: input mode is "sometimes": use one of "auto", "check", "milestones"',
    ]);
    // The outputs and the summary are written even so, for `if: always()` steps.
    expect(h.core.outputs).toEqual({
      conclusion: "failure",
      aligned: "",
      achieves: "",
      report: "",
    });
    expect(h.core.summary).toContain('input mode is "sometimes"');
    expect(existsSync(h.env.RUNNER_TEMP ?? "")).toBe(true);
  });

  it("mode check on a push says it needs a pull request, fails once, and still writes outputs", async () => {
    const h = harness({ event: pushEvent(), inputs: { mode: "check" } });
    expect(await h.run()).toBeNull();
    expect(h.core.failed).toHaveLength(1);
    expect(h.core.failed[0]).toMatch(/mode check needs a pull request.*"push".*pull_request/);
    expect(h.core.outputs.conclusion).toBe("failure");
    expect(h.core.summary).toMatch(/mode check needs a pull request/);
  });
});

/** A valid plan with `count` deliverables, each one warning (not traced to an objective). */
function manyDeliverablesPlan(count: number): string {
  const ids = Array.from({ length: count }, (_, i) => `d${i}`);
  return [
    "version: 1",
    "milestones:",
    "  - id: big",
    "    title: Big",
    "    due: 2026-05-01",
    `    deliverables: [${ids.join(", ")}]`,
    "deliverables:",
    ...ids.flatMap((id) => [
      `  - id: ${id}`,
      `    title: ${id}`,
      "    criteria:",
      "      - issues: closed",
    ]),
    "",
  ].join("\n");
}
