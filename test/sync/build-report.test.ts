import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { buildReport, repositoryPlanPath } from "../../src/sync/build-report.ts";
import { examplePlanText, exampleSnapshot } from "../render/support.ts";

const INVALID =
  "version: 1\nmilestones:\n  - id: a\n    title: A\n    due: 2026-01-01\n    deliverables: [nope]\n";

function withPlanChange(headText: string | undefined, planPath?: string): Snapshot {
  const snapshot = exampleSnapshot();
  if (planPath === undefined) delete snapshot.planPath;
  else snapshot.planPath = planPath;
  const pr = snapshot.pullRequests.find((p) => p.number === 40);
  if (!pr) throw new Error("no #40");
  pr.changedFiles = [...(pr.changedFiles ?? []), ".github/plan.yml"];
  pr.headFiles = headText === undefined ? {} : { ".github/plan.yml": headText };
  return snapshot;
}

describe("buildReport", () => {
  it("evaluates a valid plan: milestones, objectives, actions, GitHub milestones not in the plan", () => {
    const report = buildReport({
      planText: examplePlanText(),
      planPath: ".github/plan.yml",
      snapshot: exampleSnapshot(),
    });
    expect(report.plan.valid).toBe(true);
    expect(report.evaluatedAt).toBe("2026-03-27T09:00:00Z");
    expect(report.milestones.map((m) => [m.id, m.achieved, m.overdue, m.atRisk])).toEqual([
      ["requirements-approved", true, false, false],
      ["survey-done", false, true, false],
      ["prototype-done", false, false, true],
    ]);
    expect(report.actions.map((a) => a.type)).toContain("close-milestone");
    expect(report.notInPlan).toEqual([{ number: 7, title: "Backlog", state: "open" }]);
    expect(report.pullRequest).toBeUndefined();
  });

  it("a file criterion and a measure written with a leading ./ or / are found in the repository", () => {
    const planText = examplePlanText()
      .replace("- file: docs/requirements/README.md", "- file: ./docs/requirements/README.md")
      .replace("file: metrics/canteen.json", "file: /metrics/canteen.json");
    expect(planText).toContain("./docs/requirements/README.md");
    expect(planText).toContain("/metrics/canteen.json");
    const report = buildReport({
      planText,
      planPath: ".github/plan.yml",
      snapshot: exampleSnapshot(),
    });
    const criterion = report.milestones[0].deliverables[0].criteria[1];
    expect(criterion).toMatchObject({
      kind: "file",
      met: true,
      name: "File docs/requirements/README.md with 3 required headings",
    });
    expect(report.objectives[0]).toMatchObject({ met: true, value: 3.8 });
  });

  it("an invalid plan: findings, and nothing evaluated or planned", () => {
    const report = buildReport({
      planText: INVALID,
      planPath: ".github/plan.yml",
      snapshot: exampleSnapshot(),
    });
    expect(report.plan.valid).toBe(false);
    expect(report.plan.findings.some((f) => f.severity === "error")).toBe(true);
    expect(report.milestones).toEqual([]);
    expect(report.actions).toEqual([]);
    expect(report.notInPlan).toEqual([]);
  });

  it("an invalid base plan fails the pull request, saying so", () => {
    const report = buildReport({
      planText: INVALID,
      planPath: ".github/plan.yml",
      snapshot: exampleSnapshot(),
      pr: 40,
    });
    expect(report.pullRequest?.conclusion).toBe("failure");
    expect(report.pullRequest?.warnings[0]?.code).toBe("plan-invalid");
    expect(report.pullRequest?.warnings[0]?.message).toMatch(
      /plan on the base branch .* is invalid/,
    );
  });

  it("a pull request that repairs an invalid base plan is not failed for it", () => {
    const report = buildReport({
      planText: INVALID,
      planPath: ".github/plan.yml",
      snapshot: withPlanChange(examplePlanText(), ".github/plan.yml"),
      pr: 40,
    });
    expect(report.pullRequest?.conclusion).toBe("neutral");
    expect(report.pullRequest?.warnings[0]?.message).toMatch(/merging it repairs the plan/);
  });

  it("reads the head plan from the pull request's head files and diffs it", () => {
    const weakened = examplePlanText().replace("      - checks: [test, lint]\n", "");
    const report = buildReport({
      planText: examplePlanText(),
      planPath: "examples/canteen/plan.yml",
      snapshot: withPlanChange(weakened, ".github/plan.yml"),
      pr: 40,
    });
    const pr = report.pullRequest;
    expect(pr?.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["plan-changed", "plan-weakened"]),
    );
    expect(pr?.planChanges.some((c) => c.weakens)).toBe(true);
    // Still judged against the base plan: the removed check still counts.
    expect(report.milestones.find((m) => m.id === "prototype-done")?.criteria.total).toBe(6);
  });

  it("an invalid head plan is a plan-invalid failure", () => {
    const report = buildReport({
      planText: examplePlanText(),
      planPath: ".github/plan.yml",
      snapshot: withPlanChange("version: 2\n", ".github/plan.yml"),
      pr: 40,
    });
    expect(report.pullRequest?.conclusion).toBe("failure");
    expect(report.pullRequest?.warnings.map((w) => w.code)).toContain("plan-invalid");
    expect(report.pullRequest?.headPlanFindings?.length).toBeGreaterThan(0);
  });

  it("a plan deleted at the head (absent from loaded head files) is a plan-invalid failure", () => {
    const report = buildReport({
      planText: examplePlanText(),
      planPath: ".github/plan.yml",
      snapshot: withPlanChange(undefined, ".github/plan.yml"),
      pr: 40,
    });
    expect(report.pullRequest?.conclusion).toBe("failure");
    expect(report.pullRequest?.warnings.map((w) => w.code)).toContain("plan-invalid");
  });

  it("a changed plan whose head was not read (no head files at all) is not judged invalid", () => {
    const snapshot = withPlanChange(undefined, ".github/plan.yml");
    const pr40 = snapshot.pullRequests.find((p) => p.number === 40);
    if (pr40) delete pr40.headFiles;
    const report = buildReport({
      planText: examplePlanText(),
      planPath: ".github/plan.yml",
      snapshot,
      pr: 40,
    });
    const codes = report.pullRequest?.warnings.map((w) => w.code) ?? [];
    expect(codes).toContain("plan-changed");
    expect(codes).not.toContain("plan-invalid");
    expect(report.pullRequest?.conclusion).not.toBe("failure");
  });

  it("a head plan in head files is diffed even when changed files were not listed", () => {
    const weakened = examplePlanText().replace("      - checks: [test, lint]\n", "");
    const snapshot = withPlanChange(weakened);
    const pr40 = snapshot.pullRequests.find((p) => p.number === 40);
    if (pr40) pr40.changedFiles = (pr40.changedFiles ?? []).filter((f) => f !== ".github/plan.yml");
    const report = buildReport({
      planText: examplePlanText(),
      planPath: "examples/canteen/plan.yml",
      snapshot,
      pr: 40,
    });
    expect(report.pullRequest?.planChanges.some((c) => c.weakens)).toBe(true);
  });
});

describe("repositoryPlanPath", () => {
  it("prefers the snapshot's record, then the given path, then a default path the PR changes", () => {
    expect(
      repositoryPlanPath({
        snapshot: withPlanChange("", "plans/p.yml"),
        planPath: "x.yml",
        pr: 40,
      }),
    ).toBe("plans/p.yml");
    const noRecord = withPlanChange("");
    expect(repositoryPlanPath({ snapshot: noRecord, planPath: "./.github/plan.yml", pr: 40 })).toBe(
      ".github/plan.yml",
    );
    expect(repositoryPlanPath({ snapshot: noRecord, planPath: "/tmp/local.yml", pr: 40 })).toBe(
      ".github/plan.yml",
    );
    expect(
      repositoryPlanPath({ snapshot: exampleSnapshot(), planPath: "/tmp/local.yml", pr: 40 }),
    ).toBe(".github/plan.yml");
  });
});
