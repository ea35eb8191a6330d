/**
 * Issue 11, item 4: lookups keyed by user text are own-property lookups everywhere. Names
 * that every JavaScript object inherits (`toString`, `constructor`, `hasOwnProperty`,
 * `__proto__`) used as file names, labels, ids, check names and measure paths must neither
 * prove anything (a milestone could close on evidence that is not there) nor crash.
 */
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { renderJson } from "../../src/render/json.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { buildReport } from "../../src/sync/build-report.ts";

const PLAN = `version: 1
goals:
  - id: g
    title: Goal
    objectives:
      - id: constructor
        title: Objective named like Object's constructor
        due: 2026-06-30
        measure: { file: hasOwnProperty, path: constructor.name, target: ">= 1" }
milestones:
  - id: valueof
    title: toString
    due: 2026-06-30
    deliverables: [constructor, hasownproperty]
deliverables:
  - id: constructor
    title: Files named like Object's members
    objective: constructor
    label: __proto__
    criteria:
      - file: toString
      - file: constructor
        contains: ["function"]
      - file: __proto__
        headings: [Introduction]
  - id: hasownproperty
    title: Checks and measures named like Object's members
    label: toString
    criteria:
      - checks: [constructor, toString, __proto__, hasOwnProperty]
      - objective: constructor
      - issues: closed
`;

function snapshot(extra: Partial<Snapshot> = {}): Snapshot {
  return {
    version: 1,
    repository: "acme/proto",
    defaultBranch: "main",
    fetchedAt: "2026-03-01T12:00:00Z",
    milestones: [{ number: 1, title: "toString", state: "open", dueOn: null, description: "" }],
    labels: ["__proto__", "toString"],
    issues: [
      {
        number: 1,
        title: "t",
        state: "closed",
        stateReason: "completed",
        labels: ["toString"],
        milestone: 1,
      },
    ],
    pullRequests: [],
    files: {},
    checks: {},
    ...extra,
  };
}

describe("prototype names are plain names", () => {
  it("the plan is valid: those names are fine as ids, labels, titles, files and checks", () => {
    const loaded = loadPlan({ text: PLAN, path: ".github/plan.yml" });
    expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(loaded.valid).toBe(true);
  });

  it("files, checks and measures that are not there prove nothing, and nothing crashes", () => {
    const report = buildReport({
      planText: PLAN,
      planPath: ".github/plan.yml",
      snapshot: snapshot(),
    });
    const criteria = report.milestones[0]?.deliverables.flatMap((d) => d.criteria) ?? [];
    expect(criteria.map((c) => [c.kind, c.met, c.detail])).toEqual([
      ["file", false, "toString does not exist on the default branch"],
      ["file", false, "constructor does not exist on the default branch"],
      ["file", false, "__proto__ does not exist on the default branch"],
      [
        "checks",
        false,
        "0 of 4 checks succeeded; no run of constructor; no run of toString; no run of __proto__; no run of hasOwnProperty",
      ],
      ["objective", false, "hasOwnProperty does not exist on the default branch"],
      ["issues", true, "1 of 1 issue closed"],
    ]);
    expect(report.milestones[0]?.achieved).toBe(false);
    expect(report.objectives[0]).toMatchObject({ met: false, value: null });
    // Every renderer copes.
    expect(JSON.parse(renderJson(report)).milestones[0].achieved).toBe(false);
    expect(renderMarkdown(report)).toContain("toString does not exist");
    expect(renderText(report)).toContain("toString");
  });

  it("files, checks and a measure path that ARE there count, by their own names", () => {
    const report = buildReport({
      planText: PLAN,
      planPath: ".github/plan.yml",
      snapshot: snapshot({
        files: {
          toString: "x",
          constructor: "a function",
          hasOwnProperty: '{ "constructor": { "name": 2 } }',
        },
        checks: { constructor: "success", toString: "success", hasOwnProperty: "success" },
      }),
    });
    const criteria = report.milestones[0]?.deliverables.flatMap((d) => d.criteria) ?? [];
    expect(criteria.map((c) => c.met)).toEqual([true, true, false, false, true, true]);
    expect(criteria[3]?.detail).toContain("no run of __proto__");
    expect(report.objectives[0]).toMatchObject({ met: true, value: 2 });
  });

  it("a measure path through an inherited member finds nothing", () => {
    const report = buildReport({
      planText: PLAN.replace("path: constructor.name", "path: __proto__.toString"),
      planPath: ".github/plan.yml",
      snapshot: snapshot({ files: { hasOwnProperty: "{}" } }),
    });
    expect(report.objectives[0]?.met).toBe(false);
    expect(report.objectives[0]?.detail).toContain('has no value at "__proto__.toString"');
  });
});
