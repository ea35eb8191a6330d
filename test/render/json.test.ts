import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { renderJson } from "../../src/render/json.ts";
import { exampleReport } from "./support.ts";

describe("renderJson", () => {
  it("has DESIGN §5's fields, in its order, 2-space indented", () => {
    const json = renderJson(exampleReport(40));
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual([
      "version",
      "repository",
      "evaluatedAt",
      "plan",
      "goals",
      "objectives",
      "milestones",
      "unscheduled",
      "risks",
      "actions",
      "notInPlan",
      "forecast",
      "pullRequest",
    ]);
    expect(Object.keys(parsed.plan)).toEqual(["path", "valid", "findings"]);
    expect(Object.keys(parsed.milestones[0]).slice(0, 8)).toEqual([
      "id",
      "title",
      "due",
      "achieved",
      "overdue",
      "atRisk",
      "daysLeft",
      "githubMilestone",
    ]);
    expect(Object.keys(parsed.pullRequest)).toEqual([
      "number",
      "title",
      "aligned",
      "deliverables",
      "milestones",
      "achieves",
      "regresses",
      "mergeChanges",
      "warnings",
      "planChanges",
      "conclusion",
    ]);
    expect(parsed.actions[0]).toEqual({
      type: "create-label",
      label: "deliverable:visitor-survey",
      deliverable: "visitor-survey",
    });
    expect(json.startsWith('{\n  "version": 1,\n  "repository": "acme/canteen",')).toBe(true);
    expect(json.endsWith("}\n")).toBe(true);
  });

  it("is the same whatever order the objects were built in", () => {
    const report = exampleReport(40);
    const shuffled = reverseKeys(report) as Report;
    expect(renderJson(shuffled)).toBe(renderJson(report));
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) {
    out[key] = reverseKeys((value as Record<string, unknown>)[key]);
  }
  return out;
}
