/**
 * Issue 11, item 5: a plan under the size limit can still cost minutes to build as a YAML
 * document (one-line lists of 524,000 items, `[a: b: c, …]`) or to report (80,000 findings).
 * The tokens are counted before the document is built, and findings are capped. The cost
 * itself is measured in the bench (`validate.worst_vs_lexer`), not here.
 */
import { describe, expect, it } from "vitest";
import { loadPlan, MAX_FINDINGS } from "../../src/plan/load.ts";
import { MAX_FLOW_ENTRIES, MAX_YAML_TOKENS } from "../../src/plan/yaml-budget.ts";
import { MINIMAL } from "./fixtures.ts";

const load = (text: string) => loadPlan({ text, path: ".github/plan.yml" });

describe("the token budget, before the YAML document is built", () => {
  it("a one-line list of 524,000 items is refused at the entry that goes over, alone", () => {
    const text = `version: 1\nx: [${"1,".repeat(524_000)}1]\n`;
    const { findings, valid } = load(text);
    expect(valid).toBe(false);
    expect(findings).toEqual([
      {
        severity: "error",
        code: "plan-too-complex",
        line: 2,
        column: 4 + 2 * MAX_FLOW_ENTRIES, // the comma that opens entry 1,001
        message: `this [...] or {...} holds more than 1,000 entries, more than a plan writes on one line — write the entries as a list with one "- " per line, or shorten it`,
      },
    ]);
  });

  it("in a short plan too, 1,001 entries on one line or a second key: are refused at their place", () => {
    const entries = `version: 1\nx: [${"1,".repeat(1_000)}1]\n`;
    expect(load(entries).findings).toEqual([
      expect.objectContaining({
        code: "plan-too-complex",
        line: 2,
        column: 4 + 2 * MAX_FLOW_ENTRIES,
      }),
    ]);
    expect(load("version: 1\nx: [a: b: c, a]\n").findings).toEqual([
      expect.objectContaining({ code: "yaml-syntax", line: 2, column: 9 }),
    ]);
  });

  it("a list of 999 entries on one line is read as usual", () => {
    const text = MINIMAL.replace("deliverables: [d1]", `deliverables: [${"d1, ".repeat(998)}d1]`);
    const codes = load(text).findings.map((f) => f.code);
    expect(codes).not.toContain("plan-too-complex");
    expect(codes).toContain("duplicate-reference");
  });

  it("more keys, values and indicators than the budget are refused where they go over", () => {
    const lines = Math.ceil(MAX_YAML_TOKENS / 2) + 10;
    const { findings } = load(`version: 1\nx:\n${"- 1\n".repeat(lines)}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "plan-too-complex", column: 3 });
    // version, :, 1, x, : are 5 tokens; each "- 1" line two more.
    expect(findings[0]?.line).toBe(3 + Math.floor((MAX_YAML_TOKENS - 5) / 2));
    expect(findings[0]?.message).toBe(
      "the plan holds more than 100,000 YAML keys, values and indicators, more than a plan needs and more than plan-align reads — split it, or move long lists out of it",
    );
  });

  it("a second key: in one [...] entry gets a plain message at that colon, and the rest is not parsed", () => {
    const text = `version: 1\nx: [a: b: c, ${"a: b: c, ".repeat(20_000)}a]\n`;
    expect(load(text).findings).toEqual([
      {
        severity: "error",
        code: "yaml-syntax",
        line: 2,
        column: 9,
        message:
          'a second "key:" in one entry of [...] or {...} — an entry holds one "key: value"; separate entries with ",", or quote a value that contains ": "',
      },
    ]);
  });

  it('"key: value" entries and quoted colons in [...] are fine', () => {
    const text = MINIMAL.replace(
      "      - issues: closed",
      '      - issues: closed\n      - file: "a: b.md"\n        contains: ["x: y", "a: b: c"]',
    );
    expect(load(text).findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(
      load("version: 1\nsettings: {at_risk_days: 3, on_regression: report}\n").findings,
    ).toEqual([]);
  });
});

describe("findings are capped", () => {
  it(`copied deliverables report the first ${MAX_FINDINGS} findings and one "and N more"`, () => {
    const copies = 1_000;
    const text = `version: 1\ndeliverables:\n${"  - {id: d, title: t, criteria: [{issues: closed}]}\n".repeat(copies)}`;
    const { findings, valid } = load(text);
    expect(valid).toBe(false);
    expect(findings).toHaveLength(MAX_FINDINGS + 1);
    const last = findings.at(-1);
    // Each copy after the first: a duplicate id and label; every copy: no milestone, no objective.
    const total = 2 * (copies - 1) + 2 * copies;
    const rest = total - MAX_FINDINGS;
    expect(last).toMatchObject({ severity: "error", code: "too-many-findings" });
    expect(last?.message).toMatch(
      new RegExp(
        `^and ${rest.toLocaleString("en-US")} more findings from here on \\([\\d,]+ errors, [\\d,]+ warnings\\) not listed — fix the ones above and validate again$`,
      ),
    );
    expect(last?.line).toBeGreaterThanOrEqual(findings[MAX_FINDINGS - 1]?.line ?? 0);
  });
});
