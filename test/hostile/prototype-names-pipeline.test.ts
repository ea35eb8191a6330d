/**
 * Issue 11, item 4, through the rest of the pipeline: a snapshot read from JSON text (as the
 * CLI and Action read it), a pull request whose changed files, head files and head checks are
 * named like Object's members, `paths` globs of those names, and sync planning. Nothing is
 * proven by a name that is not there, nothing crashes, and what is there counts.
 */
import { describe, expect, it } from "vitest";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { parseSnapshot } from "../../src/snapshot/read.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { planSync } from "../../src/sync/plan-sync.ts";

const NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty"];

const PLAN = `version: 1
milestones:
  - id: m
    title: constructor
    due: 2026-06-30
    deliverables: [hasownproperty]
deliverables:
  - id: hasownproperty
    title: Prototype names everywhere
    label: constructor
    paths: ["__proto__", "constructor/**", "!toString"]
    criteria:
      - file: __proto__
        headings: [Introduction]
      - file: constructor
        contains: ["function"]
      - checks: [__proto__, constructor, toString, hasOwnProperty]
`;

/** A snapshot as JSON text: keys named like Object's members are own properties there. */
function snapshotText(pull: Record<string, unknown>, extra = ""): string {
  return `{
  "version": 1, "repository": "acme/proto", "defaultBranch": "main",
  "fetchedAt": "2026-03-01T12:00:00Z",
  "milestones": [], "labels": ["__proto__"], "issues": [],
  "pullRequests": [${JSON.stringify(pull)}],
  "files": {${extra}}, "checks": {"__proto__": "failure", "hasOwnProperty": "success"}
}`;
}

function read(text: string) {
  const result = parseSnapshot({ text, path: "snapshot.json" });
  if (!result.ok) throw new Error(result.error);
  return result.snapshot;
}

describe("prototype names through snapshot, pull request and sync", () => {
  const loaded = loadPlan({ text: PLAN, path: ".github/plan.yml" });

  it("the plan is valid", () => {
    expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a snapshot's files and checks named __proto__ stay plain entries", () => {
    const snapshot = read(
      snapshotText({ number: 1, title: "t", state: "open" }, '"__proto__": "# Introduction"'),
    );
    expect(Object.getPrototypeOf(snapshot.files)).toBe(Object.prototype);
    expect(Object.hasOwn(snapshot.files, "__proto__")).toBe(true);
    expect(Object.hasOwn(snapshot.checks, "__proto__")).toBe(true);
    expect(Object.hasOwn(snapshot.files, "constructor")).toBe(false);
    const report = buildReport({ planText: PLAN, planPath: ".github/plan.yml", snapshot, loaded });
    const criteria = report.milestones[0]?.deliverables[0]?.criteria ?? [];
    expect(criteria.map((c) => c.met)).toEqual([true, false, false]);
    expect(criteria[1]?.detail).toBe("constructor does not exist on the default branch");
  });

  it("a pull request changing, reading and checking prototype names is judged by its own data", () => {
    const pull = {
      number: 7,
      title: "prototype names",
      state: "open",
      changedFiles: [...NAMES, "constructor/a.md"],
      headFiles: { __proto__: "# Introduction", constructor: "a function" },
      headChecks: { __proto__: "success", constructor: "success", toString: "success" },
    };
    const report = buildReport({
      planText: PLAN,
      planPath: ".github/plan.yml",
      snapshot: read(snapshotText(pull)),
      pr: 7,
      loaded,
    });
    const judged = report.pullRequest;
    expect(judged?.deliverables).toEqual(["hasownproperty"]);
    // The head has both files and three of the four checks: hasOwnProperty succeeded on the
    // base only, and a head's checks replace the base's, so the milestone is not achieved
    // (an inherited hasOwnProperty must not count as a run).
    expect(judged?.achieves).toEqual([]);
  });

  it("a pull request changing only toString (excluded) and hasOwnProperty serves nothing", () => {
    const pull = {
      number: 8,
      title: "t",
      state: "open",
      changedFiles: ["toString", "hasOwnProperty"],
    };
    const report = buildReport({
      planText: PLAN,
      planPath: ".github/plan.yml",
      snapshot: read(snapshotText(pull)),
      pr: 8,
      loaded,
    });
    expect(report.pullRequest?.deliverables).toEqual([]);
  });

  it("sync planning with labels and titles named like Object's members", () => {
    const snapshot = read(snapshotText({ number: 1, title: "t", state: "open" }));
    const plan = loaded.plan;
    if (!plan) throw new Error("plan invalid");
    const evaluation = evaluateRepository({ plan, snapshot });
    const sync = planSync({ plan, snapshot, evaluation });
    expect(sync.actions.map((a) => a.type)).toEqual(["create-label", "create-milestone"]);
  });
});
