/**
 * The canteen plan of DESIGN §2 is valid. It carries exactly one warning, which we
 * expect: `queue-display` names no objective (and has no objective criterion), so it is
 * not traced to an objective.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deliverableLabel } from "../../src/model/names/labels.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { CANTEEN, summary } from "./fixtures.ts";

const EXPECTED_WARNINGS = [
  {
    severity: "warning",
    line: 41,
    column: 9,
    code: "deliverable-without-objective",
    message:
      'deliverable "queue-display" is not traced to an objective — add "objective: <objective id>" to say what it serves',
  },
];

describe("the canteen plan of DESIGN §2", () => {
  it("is valid, with only the expected warning", () => {
    const result = loadPlan({ text: CANTEEN, path: ".github/plan.yml" });
    expect(result.valid).toBe(true);
    expect(summary(result.findings)).toEqual(EXPECTED_WARNINGS);
  });

  it("loads with defaults applied", () => {
    const { plan } = loadPlan({ text: CANTEEN, path: ".github/plan.yml" });
    if (!plan) throw new Error("plan expected");
    expect(plan.milestones.map((m) => [m.id, m.due, m.close])).toEqual([
      ["requirements-approved", "2026-02-15", "auto"],
      ["prototype-done", "2026-04-01", "manual"],
    ]);
    expect(plan.deliverables.map(deliverableLabel)).toEqual([
      "deliverable: requirements",
      "deliverable:queue-display",
      "deliverable:analysis-report",
    ]);
    expect(plan.deliverables[1].criteria).toEqual([
      { issues: "closed", min: 2 },
      { pull_requests: "merged", approvals: 1, min: 1 },
      { checks: ["test", "lint"] },
    ]);
    expect(plan.settings.pull_requests).toEqual({
      check: true,
      unlinked: "warn",
      milestone_mismatch: "warn",
      plan_weakened: "warn",
      already_done: "warn",
    });
  });

  it("examples/canteen/plan.yml is valid too", () => {
    const path = "examples/canteen/plan.yml";
    const text = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
    const result = loadPlan({ text, path });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
