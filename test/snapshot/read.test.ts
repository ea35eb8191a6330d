/**
 * parseSnapshot: JSON syntax errors carry FILE:LINE:COL and what the parser expected;
 * schema errors name the first bad field by its JSON path, what was expected and found,
 * and how to fix it — one line, never a zod dump.
 */
import { describe, expect, it } from "vitest";
import { snapshotSchema } from "../../src/model/snapshot.ts";
import { parseSnapshot } from "../../src/snapshot/read.ts";

const VALID = {
  version: 1,
  repository: "acme/canteen",
  defaultBranch: "main",
  fetchedAt: "2026-03-01T12:00:00Z",
  milestones: [
    { number: 1, title: "Requirements approved", state: "open", dueOn: "2026-02-15" },
    { number: 2, title: "Prototype", state: "open", dueOn: "2026-06-01T07:00:00Z" },
  ],
  labels: ["deliverable: requirements"],
  issues: [
    { number: 10, title: "a", state: "open" },
    { number: 11, title: "b", state: "closed", stateReason: "completed" },
    { number: 12, title: "c", state: "closed", stateReason: "not_planned" },
    { number: 13, title: "d", state: "open" },
  ],
  pullRequests: [],
  files: {},
  checks: { test: "success" },
};

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function errorOf(text: string): string {
  const result = parseSnapshot({ text, path: "snapshot.json" });
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("parseSnapshot", () => {
  it("reads a valid snapshot and applies defaults", () => {
    const result = parseSnapshot({ text: pretty(VALID), path: "snapshot.json" });
    if (!result.ok) throw new Error(result.error);
    expect(result.snapshot.issues[0]).toMatchObject({
      stateReason: null,
      labels: [],
      milestone: null,
    });
    expect(result.snapshot.milestones.map((m) => m.dueOn)).toEqual([
      "2026-02-15",
      "2026-06-01T07:00:00Z",
    ]);
  });

  it("reads exactly what the schema gives: defaults added, unknown fields dropped", () => {
    const data = {
      ...VALID,
      extra: true,
      issues: [...VALID.issues, { number: 14, title: "e", state: "open", labels: ["x"], note: 1 }],
      pullRequests: [
        { number: 20, title: "p", state: "open", headFiles: { "a.md": "# A" }, draft: true },
      ],
    };
    const result = parseSnapshot({ text: pretty(data), path: "snapshot.json" });
    if (!result.ok) throw new Error(result.error);
    expect(result.snapshot).toStrictEqual(snapshotSchema.parse(structuredClone(data)));
    expect(result.snapshot.issues[4]).not.toHaveProperty("note");
    expect(result.snapshot.pullRequests[0]).toMatchObject({ merged: false, closingIssues: [] });
  });

  it("reports the first bad field in schema order when an issue is bad too", () => {
    const issues = [VALID.issues[0], { number: 11, title: "b", state: "gone" }];
    expect(errorOf(pretty({ ...VALID, repository: 7, issues }))).toBe(
      "snapshot.json:3:17: error: $.repository: expected a string, got 7 — set it to a string (format: schema/snapshot.schema.json)",
    );
  });

  it("accepts a null dueOn and a leading byte order mark", () => {
    const text = `\uFEFF${pretty({ ...VALID, milestones: [{ ...VALID.milestones[0], dueOn: null }] })}`;
    expect(parseSnapshot({ text, path: "s.json" }).ok).toBe(true);
  });

  const syntax: [string, string, string][] = [
    [
      "trailing comma in an object",
      '{\n  "version": 1,\n}',
      "snapshot.json:3:1: error: invalid JSON: a comma before } — remove the trailing comma",
    ],
    [
      "missing comma",
      '{\n  "version": 1\n  "repository": "a/b"\n}',
      'snapshot.json:3:3: error: invalid JSON: expected "," or "}" after a property value, found a string',
    ],
    [
      "single quotes",
      "{\n  'version': 1\n}",
      'snapshot.json:2:3: error: invalid JSON: expected a property name in double quotes, found "\'"',
    ],
    [
      "unclosed string",
      '{\n  "repository": "acme',
      "snapshot.json:2:17: error: invalid JSON: a string is not closed — add the closing double quote",
    ],
    [
      "trailing comma in a list",
      '{"labels": ["a",]}',
      "snapshot.json:1:17: error: invalid JSON: a comma before ] — remove the trailing comma",
    ],
    [
      "text after the value",
      '{"version": 1} x',
      'snapshot.json:1:16: error: invalid JSON: unexpected "x" after the end of the JSON value',
    ],
    [
      "empty file",
      "",
      "snapshot.json:1:1: error: invalid JSON: the file is empty — expected a JSON object",
    ],
  ];

  it.each(syntax)("JSON syntax: %s", (_, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it("names the first bad field by JSON path, with line and column", () => {
    const issues = VALID.issues.map((issue, i) =>
      i === 3 ? { ...issue, state: "merged" } : issue,
    );
    const text = pretty({ ...VALID, issues });
    const line = text.split("\n").findIndex((l) => l.includes('"merged"')) + 1;
    expect(errorOf(text)).toBe(
      `snapshot.json:${line}:16: error: $.issues[3].state: expected "open" or "closed", got "merged" — set it to "open" or "closed" (format: schema/snapshot.schema.json)`,
    );
  });

  it("reports only the first of several bad fields", () => {
    const text = pretty({ ...VALID, repository: 7, defaultBranch: false });
    expect(errorOf(text)).toBe(
      "snapshot.json:3:17: error: $.repository: expected a string, got 7 — set it to a string (format: schema/snapshot.schema.json)",
    );
  });

  it("says which field is missing and where its object starts", () => {
    const { version: _, ...rest } = VALID;
    expect(errorOf(pretty(rest))).toBe(
      'snapshot.json:1:1: error: $.version is missing: expected 1 — add the "version" field (format: schema/snapshot.schema.json)',
    );
  });

  it("names a bad timestamp", () => {
    const text = JSON.stringify({ ...VALID, fetchedAt: "yesterday" });
    expect(errorOf(text)).toMatch(
      /^snapshot\.json:1:\d+: error: \$\.fetchedAt: expected a timestamp such as "2026-03-01T12:00:00Z", got "yesterday" — /,
    );
  });

  it("refuses a dueOn that is neither a day nor a timestamp", () => {
    const milestones = [VALID.milestones[0], { ...VALID.milestones[1], dueOn: "June" }];
    const text = pretty({ ...VALID, milestones });
    const line = text.split("\n").findIndex((l) => l.includes('"June"')) + 1;
    expect(errorOf(text)).toBe(
      `snapshot.json:${line}:16: error: $.milestones[1].dueOn: expected a date "YYYY-MM-DD", a timestamp such as "2026-06-01T07:00:00Z", or null, got "June" — change this value`,
    );
  });

  it("writes keys that are not identifiers in brackets", () => {
    const text = pretty({ ...VALID, files: { "docs/README.md": 5 } });
    expect(errorOf(text)).toContain('$.files["docs/README.md"]: expected a string, got 5');
  });

  it("refuses a top-level list", () => {
    expect(errorOf("[]")).toBe(
      "snapshot.json:1:1: error: $: expected an object, got a list — set it to an object (format: schema/snapshot.schema.json)",
    );
  });
});
