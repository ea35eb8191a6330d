/**
 * loadPlan must never throw, whatever the text, and every finding must point at a real
 * position (line ≥ 1, column ≥ 1) so it can become a check-run annotation.
 * Seeded, so a failure reproduces; the seed and path are printed by fast-check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFinding } from "../../src/plan/format-finding.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { CANTEEN } from "./fixtures.ts";

const SEED = 20_260_301;

function checkResult(text: string): void {
  const result = loadPlan({ text, path: ".github/plan.yml" });
  expect(Array.isArray(result.findings)).toBe(true);
  for (const finding of result.findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(finding.line) && Number.isInteger(finding.column)).toBe(true);
    expect(["error", "warning"]).toContain(finding.severity);
    expect(finding.message.length).toBeGreaterThan(0);
    // loadPlan turns its own exceptions into an "internal-error" finding so a user's CI
    // never crashes; here that would mean a bug, so it fails the property.
    expect(finding.code, finding.message).not.toBe("internal-error");
    // One line per finding: never a multi-line dump of zod or YAML internals, and a plan
    // value quoted in a message shows its control characters escaped when printed.
    expect(formatFinding(".github/plan.yml", finding)).not.toMatch(RAW_CONTROL);
  }
  // A valid result carries a plan; an invalid one carries an error that says why.
  if (result.valid) expect(result.plan).not.toBeNull();
  else expect(result.findings.some((f) => f.severity === "error")).toBe(true);
}

/** Any control character (C0, DEL, C1, line separators, bidi controls). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Text fragments that stress YAML and the plan format. */
const fragment = fc.constantFrom(
  "\n",
  "  ",
  "\t",
  ": ",
  "- ",
  "---\n",
  "&a ",
  "*a",
  "[",
  "]",
  "{",
  "}",
  ",",
  '"',
  "'",
  "#",
  ">",
  "|",
  "!tag ",
  "<<: ",
  "\uFEFF",
  "\uFFFD",
  "version: 1\n",
  "id: x\n",
  "milestones:\n",
  "deliverables:\n",
  "criteria:\n",
  "requires: [",
  "issues: closed",
  "2026-02-30",
  // Control characters, raw and as YAML escapes in a quoted value.
  "\r",
  "\u000b",
  "\f",
  "\u0007",
  "\u001b[31m",
  "\u202e",
  "\u2028",
  '"a\\nb\\r\\u001b"',
  'id: "x\\n.github/plan.yml:1:1: warning: forged"\n',
  // Names every JavaScript object inherits, where the plan names files, ids, labels, checks.
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "id: constructor\n",
  "file: __proto__",
  "label: toString",
  "checks: [hasOwnProperty, __proto__]",
  'paths: [/, ./, "!"]',
  "path: __proto__.constructor",
);

/** An edit to the canteen plan: delete, duplicate, or insert text at some offset. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant("delete" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fragment, fc.string({ maxLength: 12 })),
  }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, edit: Mutation): string {
  const at = edit.at % (text.length + 1);
  switch (edit.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + edit.length);
    case "insert":
      return text.slice(0, at) + edit.text + text.slice(at);
    case "swap-lines": {
      const lines = text.split("\n");
      const a = edit.at % lines.length;
      const b = edit.other % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join("\n");
    }
    case "duplicate-line": {
      const lines = text.split("\n");
      const a = edit.at % lines.length;
      lines.splice(a, 0, lines[a]);
      return lines.join("\n");
    }
  }
}

describe("loadPlan on arbitrary input", () => {
  it("never throws on random strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join("")),
        ),
        (text) => checkResult(text),
      ),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it("never throws on mutations of the canteen plan", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        checkResult(edits.reduce(apply, CANTEEN));
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});
