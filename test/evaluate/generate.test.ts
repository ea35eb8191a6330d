import { describe, expect, it } from "vitest";
import { evaluatePullRequest } from "../../src/evaluate/pull-request.ts";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { deliverableLabel } from "../../src/model/names/labels.ts";
import { generateCase } from "../support/generate.ts";

describe("generateCase (the benchmark's input)", () => {
  const options = { deliverables: 60, issues: 1_200, pullRequests: 200, milestones: 6 };

  it("is deterministic, and another seed gives another case", () => {
    expect(generateCase(options)).toEqual(generateCase(options));
    expect(generateCase({ ...options, seed: 2 }).snapshot).not.toEqual(
      generateCase(options).snapshot,
    );
  });

  it("has the requested sizes, and every deliverable has labelled issues", () => {
    const { plan, snapshot } = generateCase(options);
    expect(plan.deliverables).toHaveLength(60);
    expect(plan.milestones).toHaveLength(6);
    expect(snapshot.pullRequests).toHaveLength(200);
    expect(snapshot.issues.length).toBeGreaterThanOrEqual(1_200);
    const labels = new Set(snapshot.issues.flatMap((i) => i.labels));
    for (const d of plan.deliverables) expect(labels).toContain(deliverableLabel(d));
  });

  it("exercises every criterion kind, met and not met", () => {
    const { plan, snapshot } = generateCase(options);
    const evaluation = evaluateRepository({ plan, snapshot });
    const criteria = evaluation.milestones.flatMap((m) =>
      m.deliverables.flatMap((d) => d.criteria),
    );
    for (const kind of ["issues", "file", "checks", "pull_requests", "objective"] as const) {
      const ofKind = criteria.filter((c) => c.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThan(0);
    }
    expect(criteria.some((c) => c.met)).toBe(true);
    expect(criteria.some((c) => !c.met)).toBe(true);
    expect(evaluation.milestones.some((m) => m.review?.signedOff)).toBe(true);
    expect(evaluation.milestones.every((m) => m.githubMilestone !== null)).toBe(true);
  });

  it("its pull requests serve deliverables", () => {
    const { plan, snapshot } = generateCase(options);
    const current = evaluateRepository({ plan, snapshot });
    const pr = snapshot.pullRequests[1];
    if (!pr) throw new Error("no pull request");
    const report = evaluatePullRequest({
      plan,
      snapshot,
      number: pr.number,
      planPath: ".github/plan.yml",
      current,
    });
    expect(report.deliverables.length).toBeGreaterThan(0);
  });
});
