/**
 * The committed JSON Schemas are generated from the zod schemas; this fails when someone
 * changes the format without running `npm run schema`. It also checks that the plan
 * schema accepts the canteen plan and rejects what the loader rejects, so editors and
 * the loader agree.
 */
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SCHEMA_FILES, schemaText } from "../../scripts/gen-schema.ts";
import { reportJsonSchema } from "../../src/model/report.ts";
import { snapshotJsonSchema } from "../../src/model/snapshot.ts";
import { planJsonSchema } from "../../src/plan/json-schema.ts";
import { renderJson } from "../../src/render/json.ts";
import { exampleReport } from "../render/support.ts";
import { CANTEEN } from "./fixtures.ts";

function committed(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
}

function compile(schema: Record<string, unknown>) {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  return ajv.compile(schema);
}

describe("committed JSON Schemas", () => {
  it.each(Object.entries(SCHEMA_FILES))("%s is fresh (run `npm run schema`)", (path, make) => {
    expect(committed(path)).toBe(schemaText(make()));
  });

  it("the plan schema names itself and offers criteria as exactly one of the kinds", () => {
    const schema = planJsonSchema() as {
      $id: string;
      title: string;
      properties: {
        deliverables: { items: { properties: { criteria: { items: { oneOf: unknown[] } } } } };
      };
    };
    expect(schema.$id).toMatch(/plan\.schema\.json$/);
    expect(schema.title).toBe("plan-align plan, version 1");
    expect(schema.properties.deliverables.items.properties.criteria.items.oneOf).toHaveLength(5);
  });

  it("accepts the canteen plan and rejects a criterion with two kinds", () => {
    const validate = compile(planJsonSchema());
    expect(validate(parse(CANTEEN)), JSON.stringify(validate.errors)).toBe(true);
    const bad = parse(CANTEEN) as { deliverables: { criteria: Record<string, unknown>[] }[] };
    bad.deliverables[0].criteria[0] = { issues: "closed", file: "README.md" };
    expect(validate(bad)).toBe(false);
  });

  it("rejects an unknown key and a malformed date, like the loader", () => {
    const validate = compile(planJsonSchema());
    const unknown = { ...(parse(CANTEEN) as object), owner: "alice" };
    expect(validate(unknown)).toBe(false);
    const plan = parse(CANTEEN) as { milestones: { due: string }[] };
    plan.milestones[0].due = "March 3";
    expect(validate(plan)).toBe(false);
  });

  it("the JSON reports of the example (repository and pull requests) validate against the report schema", () => {
    const validate = compile(reportJsonSchema());
    for (const pr of [undefined, 40, 41]) {
      const report = JSON.parse(renderJson(exampleReport(pr)));
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
    const report = JSON.parse(renderJson(exampleReport(40)));
    report.milestones[0].achieved = "yes";
    expect(validate(report)).toBe(false);
  });

  it("the snapshot schema accepts DESIGN's example snapshot", () => {
    const validate = compile(snapshotJsonSchema());
    const example = {
      version: 1,
      repository: "acme/canteen",
      defaultBranch: "main",
      fetchedAt: "2026-03-01T12:00:00Z",
      milestones: [
        { number: 1, title: "Requirements approved", state: "open", dueOn: "2026-02-15" },
      ],
      labels: ["deliverable: requirements"],
      issues: [
        {
          number: 12,
          title: "Write requirements",
          state: "closed",
          stateReason: "completed",
          labels: ["deliverable: requirements"],
          milestone: 1,
          closedBy: "alice",
        },
      ],
      pullRequests: [],
      files: { "docs/requirements/README.md": "# Introduction\n" },
      checks: { test: "success", lint: "failure" },
    };
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...example, fetchedAt: 5 })).toBe(false);
  });
});
