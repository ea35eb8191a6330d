/**
 * YAML-level problems: each becomes one clear, positioned finding, and loadPlan never
 * throws. Positions are 1-based line and column, as printed by `plan-align validate`.
 */
import { describe, expect, it } from "vitest";
import { formatFinding } from "../../src/plan/format-finding.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { type Expected, findings, MINIMAL, summary } from "./fixtures.ts";

interface Row {
  problem: string;
  text: string;
  expected: Expected[];
}

function aliases(count: number): string {
  const lines = ["version: 1", "x: &a y", "list:"];
  for (let i = 0; i < count; i++) lines.push("  - *a");
  return `${lines.join("\n")}\n`;
}

/** Nine levels of ten aliases each: small text, a billion strings when expanded. */
function billionLaughs(): string {
  const lines = ['a0: &a0 ["lol"]'];
  for (let i = 1; i <= 9; i++) {
    const refs = Array.from({ length: 4 }, () => `*a${i - 1}`).join(", ");
    lines.push(`a${i}: &a${i} [${refs}]`);
  }
  return `${lines.join("\n")}\n`;
}

const rows: Row[] = [
  {
    problem: "YAML syntax error",
    text: "version: 1\nmilestones: [a, b\ngoals: []\n",
    expected: [
      {
        severity: "error",
        line: 3,
        column: 1,
        code: "yaml-syntax",
        message:
          "YAML syntax error: flow sequence in block collection must be sufficiently indented and end with a ] — fix the YAML at this position",
      },
    ],
  },
  {
    problem: "duplicate key",
    text: `${MINIMAL}version: 1\n`,
    expected: [
      {
        severity: "error",
        line: 21,
        column: 1,
        code: "yaml-duplicate-key",
        message:
          'duplicate key "version" (first on line 1) — a key may appear only once in a map; merge the two or delete one',
      },
    ],
  },
  {
    problem: "duplicate key inside a list item",
    text: MINIMAL.replace("    title: First\n", "    title: First\n    title: Second\n"),
    expected: [
      {
        severity: "error",
        line: 13,
        column: 5,
        code: "yaml-duplicate-key",
        message:
          'duplicate key "title" (first on line 12) — a key may appear only once in a map; merge the two or delete one',
      },
    ],
  },
  {
    problem: "more than 50 aliases",
    text: aliases(51),
    expected: [
      {
        severity: "error",
        line: 54,
        column: 5,
        code: "yaml-too-many-aliases",
        message:
          "the file uses 51 aliases (*name); at most 50 are allowed — write the repeated values out",
      },
    ],
  },
  {
    problem: "alias expansion bomb with few aliases",
    text: billionLaughs(),
    expected: [
      {
        severity: "error",
        line: 2,
        column: 10,
        code: "yaml-too-many-aliases",
        message:
          "aliases expand to too much data (more than 50 alias resolutions) — write the repeated values out",
      },
    ],
  },
  {
    problem: "alias without an anchor",
    text: "version: 1\nmilestones: *m\n",
    expected: [
      {
        severity: "error",
        line: 2,
        column: 13,
        code: "yaml-syntax",
        message:
          "alias *m has no anchor &m before it — define the anchor first or write the value out",
      },
    ],
  },
  {
    problem: "tab used for indentation",
    text: "version: 1\nsettings:\n\tat_risk_days: 3\n",
    expected: [
      {
        severity: "error",
        line: 3,
        column: 1,
        code: "yaml-tab",
        message:
          "a tab is used for indentation; YAML indents with spaces only — replace the tab with spaces",
      },
    ],
  },
  {
    problem: "unquoted value starting with >",
    text: MINIMAL.replace('target: "<= 4" }', "target: >= 4 }").replace(
      "        measure: { file: m.json, path: a, target: >= 4 }",
      "        measure:\n          file: m.json\n          path: a\n          target: >= 4",
    ),
    expected: [
      {
        severity: "error",
        line: 12,
        column: 19,
        code: "yaml-syntax",
        message:
          'a value starting with ">" or "|" begins a block of text in YAML — put the value in quotes, e.g. target: ">= 4"',
      },
    ],
  },
  {
    problem: "empty file",
    text: "",
    expected: [
      {
        severity: "error",
        line: 1,
        column: 1,
        code: "empty-file",
        message: 'the plan file is empty — start it with "version: 1" and list your milestones',
      },
    ],
  },
  {
    problem: "only comments",
    text: "# our plan\n# TODO\n",
    expected: [
      {
        severity: "error",
        line: 1,
        column: 1,
        code: "empty-file",
        message: 'the plan file is empty — start it with "version: 1" and list your milestones',
      },
    ],
  },
  {
    problem: "a list instead of a map",
    text: "# plan\n- id: m1\n  title: First\n",
    expected: [
      {
        severity: "error",
        line: 2,
        column: 1,
        code: "not-a-map",
        message:
          'the plan must be a YAML map of keys (version, goals, milestones, deliverables, settings), got a list — start the file with "version: 1"',
      },
    ],
  },
  {
    problem: "a plain value instead of a map",
    text: "hello\n",
    expected: [
      {
        severity: "error",
        line: 1,
        column: 1,
        code: "not-a-map",
        message:
          'the plan must be a YAML map of keys (version, goals, milestones, deliverables, settings), got the value "hello" — start the file with "version: 1"',
      },
    ],
  },
  {
    problem: "several documents",
    text: `${MINIMAL}---\nversion: 1\n`,
    expected: [
      {
        severity: "error",
        line: 21,
        column: 1,
        code: "yaml-multiple-documents",
        message:
          'the file holds more than one YAML document (separated by "---"); a plan is a single document — delete this "---" and merge or remove what follows',
      },
    ],
  },
  {
    problem: "bytes that were not UTF-8",
    text: MINIMAL.replace("title: First", "title: Caf\uFFFD"),
    expected: [
      {
        severity: "error",
        line: 12,
        column: 15,
        code: "not-utf8",
        message:
          "the file is not valid UTF-8: 1 byte sequence could not be decoded (shown as U+FFFD) — save the file with UTF-8 encoding",
      },
    ],
  },
  {
    problem: "a byte order mark in the middle",
    text: MINIMAL.replace("milestones:", "\uFEFFmilestones:"),
    expected: [
      {
        severity: "error",
        line: 10,
        column: 1,
        code: "stray-bom",
        message:
          "a byte order mark (U+FEFF) in the middle of the file, often left by joining two files — delete it",
      },
    ],
  },
  {
    problem: "an unknown YAML tag (a warning: the value stays plain text)",
    text: MINIMAL.replace("title: First", "title: !important First"),
    expected: [
      {
        severity: "warning",
        line: 12,
        column: 12,
        code: "yaml-tag",
        message:
          'Unresolved tag: !important — plan files use plain YAML values; remove the "!" tag',
      },
    ],
  },
];

describe("YAML-level findings", () => {
  it.each(rows)("$problem", ({ text, expected }) => {
    expect(summary(findings(text))).toEqual(expected);
  });

  it("refuses a file over 1 MiB with one finding at 1:1, without parsing it", () => {
    const big = `${MINIMAL}# ${"x".repeat(1024 * 1024)}\n`;
    expect(summary(findings(big))).toEqual([
      {
        severity: "error",
        line: 1,
        column: 1,
        code: "file-too-large",
        message:
          "the plan file is larger than 1 MiB (the limit) — move long descriptions out of the plan into linked documents",
      },
    ]);
  });

  it("refuses YAML nested too deeply to read, without crashing", () => {
    const deep = `version: 1\nx: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`;
    const [finding, ...rest] = findings(deep);
    expect(rest).toEqual([]);
    // The column is where the parser ran out of stack, which depends on the machine.
    expect(finding).toMatchObject({
      severity: "error",
      line: 2,
      code: "yaml-too-deep",
      message:
        "the YAML is nested too deeply to read — a plan needs only a few levels; remove the extra brackets or indentation",
    });
    expect(finding.column).toBeGreaterThanOrEqual(4);
  });

  it("counts the 1 MiB limit in UTF-8 bytes, not characters", () => {
    // 400,000 "é" are 800,000 bytes: under the limit. 600,000 are 1.2 MB: over it.
    const under = `${MINIMAL}# ${"é".repeat(400_000)}\n`;
    const over = `${MINIMAL}# ${"é".repeat(600_000)}\n`;
    expect(findings(under)).toEqual([]);
    expect(findings(over).map((f) => f.code)).toEqual(["file-too-large"]);
  });

  it("accepts a leading byte order mark and keeps columns as the editor shows them", () => {
    const text = `\uFEFF${MINIMAL.replace("due: 2026-02-15", "due: soon")}`;
    expect(summary(findings(text))).toEqual([
      {
        severity: "error",
        line: 13,
        column: 10,
        code: "invalid-date",
        message: 'milestone "m1": "due" must be a date YYYY-MM-DD, got "soon"',
      },
    ]);
  });

  it("accepts CRLF line endings with the same positions", () => {
    const text = MINIMAL.replace("[d1]", "[d1, dx]").replaceAll("\n", "\r\n");
    expect(summary(findings(text)).map((f) => [f.line, f.column, f.code])).toEqual([
      [14, 24, "unknown-deliverable"],
    ]);
  });

  it("accepts a leading document marker and a $schema key", () => {
    const text = `# yaml-language-server: $schema=https://example.com/plan.schema.json\n---\n$schema: ./plan.schema.json\n${MINIMAL}`;
    expect(findings(text)).toEqual([]);
  });

  it("does not apply YAML 1.1 merge keys: << is an unknown key", () => {
    const text = `${MINIMAL}settings:\n  <<: { at_risk_days: 3 }\n`;
    expect(summary(findings(text)).map((f) => [f.line, f.column, f.code])).toEqual([
      [22, 3, "unknown-key"],
    ]);
  });

  it("prints findings as FILE:LINE:COL: severity: message", () => {
    const text = MINIMAL.replace("[d1]", "[d1, queue-dispaly]").replace(
      "  - id: d1\n",
      "  - id: queue-display\n    title: Q\n    objective: o\n    criteria: [{ checks: [ci] }]\n  - id: d1\n",
    );
    const result = loadPlan({ text, path: ".github/plan.yml" });
    expect(result.findings.map((f) => formatFinding(result.path, f))).toEqual([
      '.github/plan.yml:14:24: error: milestone "m1" lists unknown deliverable "queue-dispaly" — did you mean "queue-display"?',
      '.github/plan.yml:16:9: warning: deliverable "queue-display" is in no milestone, so it has no date — list it under a milestone\'s "deliverables"',
    ]);
  });

  it("never throws on input that is not even a string", () => {
    const result = loadPlan({ text: undefined as unknown as string, path: "p.yml" });
    expect(result.valid).toBe(false);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].line).toBe(1);
  });
});
