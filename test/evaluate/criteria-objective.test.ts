import { describe, expect, it } from "vitest";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { firstCriterion, onePlan, snapshot } from "./helpers.ts";

function goals(measure: Record<string, unknown> | undefined) {
  return [
    {
      id: "g",
      title: "Shorter queues",
      objectives: [
        { id: "o", title: "Cut the wait", due: "2026-06-30", ...(measure ? { measure } : {}) },
      ],
    },
  ];
}

describe("objective: ID", () => {
  const cases: {
    name: string;
    measure?: Record<string, unknown>;
    files: Record<string, string>;
    met: boolean;
    detail: RegExp;
    value: number | null;
  }[] = [
    {
      name: "JSON, target met",
      measure: { file: "m.json", path: "queue.avg", target: "<= 4" },
      files: { "m.json": '{"queue":{"avg":3.5}}' },
      met: true,
      detail: /queue.avg is 3.5, target <= 4$/,
      value: 3.5,
    },
    {
      name: "JSON, target not met",
      measure: { file: "m.json", path: "queue.avg", target: "<= 4" },
      files: { "m.json": '{"queue":{"avg":5.1}}' },
      met: false,
      detail: /queue.avg is 5.1, target <= 4 not met/,
      value: 5.1,
    },
    {
      name: "YAML, with an array index",
      measure: { file: "metrics/q.yml", path: "runs.1.avg", target: "> 10" },
      files: { "metrics/q.yml": "runs:\n  - avg: 3\n  - avg: 11\n" },
      met: true,
      detail: /runs.1.avg is 11/,
      value: 11,
    },
    {
      name: "a file not ending in .json is YAML",
      measure: { file: "m.txt", path: "a", target: "== 2" },
      files: { "m.txt": "a: 2" },
      met: true,
      detail: /a is 2/,
      value: 2,
    },
    {
      name: "boundary: < is strict",
      measure: { file: "m.json", path: "v", target: "< 4" },
      files: { "m.json": '{"v":4}' },
      met: false,
      detail: /not met/,
      value: 4,
    },
    {
      name: "boundary: >= includes",
      measure: { file: "m.json", path: "v", target: ">= -1.5" },
      files: { "m.json": '{"v":-1.5}' },
      met: true,
      detail: /v is -1.5/,
      value: -1.5,
    },
    {
      name: "missing file",
      measure: { file: "m.json", path: "v", target: "< 4" },
      files: {},
      met: false,
      detail: /^m.json does not exist on the default branch$/,
      value: null,
    },
    {
      name: "missing path names where it stops",
      measure: { file: "m.json", path: "queue.avg", target: "< 4" },
      files: { "m.json": '{"queue":{}}' },
      met: false,
      detail: /^m.json has no value at "queue.avg"$/,
      value: null,
    },
    {
      name: "missing parent",
      measure: { file: "m.json", path: "queue.avg", target: "< 4" },
      files: { "m.json": "{}" },
      met: false,
      detail: /has no value at "queue.avg" \(nothing at "queue"\)/,
      value: null,
    },
    {
      name: "an index past the end",
      measure: { file: "m.yml", path: "runs.5", target: "< 4" },
      files: { "m.yml": "runs: [1, 2]" },
      met: false,
      detail: /has no value at "runs.5"/,
      value: null,
    },
    {
      name: "a string is not a number",
      measure: { file: "m.json", path: "v", target: "< 4" },
      files: { "m.json": '{"v":"3"}' },
      met: false,
      detail: /"v" in m.json is the text "3", not a number/,
      value: null,
    },
    {
      name: "a map is not a number",
      measure: { file: "m.json", path: "v", target: "< 4" },
      files: { "m.json": '{"v":{"x":1}}' },
      met: false,
      detail: /is a map, not a number/,
      value: null,
    },
    {
      name: "invalid JSON says so",
      measure: { file: "m.json", path: "v", target: "< 4" },
      files: { "m.json": "{v:" },
      met: false,
      detail: /^m.json is not valid JSON/,
      value: null,
    },
    {
      name: "invalid YAML says so",
      measure: { file: "m.yml", path: "v", target: "< 4" },
      files: { "m.yml": "v: [1, 2" },
      met: false,
      detail: /^m.yml is not valid YAML/,
      value: null,
    },
    {
      name: "prototype keys are not followed",
      measure: { file: "m.json", path: "constructor.length", target: ">= 0" },
      files: { "m.json": "{}" },
      met: false,
      detail: /has no value/,
      value: null,
    },
  ];

  it.each(cases)("$name", ({ measure, files, met, detail, value }) => {
    const p = onePlan([{ objective: "o" }], { goals: goals(measure) });
    const s = snapshot({ files });
    const result = firstCriterion(p, s);
    expect(result.kind).toBe("objective");
    expect(result.name).toBe("Objective met: Cut the wait");
    expect(result.met).toBe(met);
    expect(result.detail).toMatch(detail);
    // The objective's own result agrees with the criterion.
    const objective = evaluateRepository({ plan: p, snapshot: s }).objectives[0];
    expect(objective).toMatchObject({ id: "o", goal: "g", met, value, due: "2026-06-30" });
  });

  it("an objective without a measure is unknown, and its criterion is not met", () => {
    const p = onePlan([{ objective: "o" }], { goals: goals(undefined) });
    const evaluation = evaluateRepository({ plan: p, snapshot: snapshot() });
    expect(evaluation.objectives[0]).toMatchObject({ met: null, value: null, target: null });
    expect(evaluation.objectives[0]?.detail).toMatch(/no measure/);
    expect(firstCriterion(p, snapshot()).met).toBe(false);
    expect(evaluation.goals).toEqual([{ id: "g", title: "Shorter queues", objectives: ["o"] }]);
  });

  it("reports baseline and target", () => {
    const p = onePlan([{ objective: "o" }], {
      goals: goals({ file: "m.json", path: "v", baseline: 6, target: "<= 4" }),
    });
    const evaluation = evaluateRepository({
      plan: p,
      snapshot: snapshot({ files: { "m.json": '{"v":5}' } }),
    });
    expect(evaluation.objectives[0]).toMatchObject({
      baseline: 6,
      target: "<= 4",
      value: 5,
      met: false,
    });
  });
});
