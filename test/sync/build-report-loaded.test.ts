/** buildReport with the plan its caller already loaded: the same report, the text parsed once. */
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { examplePlanText, exampleSnapshot } from "../render/support.ts";

const INVALID =
  "version: 1\nmilestones:\n  - id: a\n    title: A\n    due: 2026-01-01\n    deliverables: [nope]\n";

describe("buildReport({ loaded })", () => {
  it.each([
    ["the example plan", examplePlanText(), undefined],
    ["the example plan, judging pull request #40", examplePlanText(), 40],
    ["an invalid plan", INVALID, undefined],
    ["an invalid plan, judging pull request #40", INVALID, 40],
  ])("%s: the report equals the one built from the text alone", (_, planText, pr) => {
    const planPath = ".github/plan.yml";
    const common = { planText, planPath, snapshot: exampleSnapshot(), ...(pr ? { pr } : {}) };
    const loaded = loadPlan({ text: planText, path: planPath });
    expect(buildReport({ ...common, loaded })).toEqual(buildReport(common));
  });

  it("uses the loaded plan it is given instead of parsing the text again", () => {
    // A caller's loaded plan and an empty text: the report comes from the loaded plan.
    const planPath = ".github/plan.yml";
    const loaded = loadPlan({ text: examplePlanText(), path: planPath });
    const report = buildReport({ planText: "", planPath, snapshot: exampleSnapshot(), loaded });
    expect(report.plan.valid).toBe(true);
    expect(report.milestones.map((m) => m.id)).toEqual([
      "requirements-approved",
      "survey-done",
      "prototype-done",
    ]);
  });
});
