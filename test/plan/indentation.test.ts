/**
 * Issue 11, item 6: an indentation slip is one finding, at the slipped line and its real
 * column, in plain words — not the YAML library's "nested mappings are not allowed in
 * compact mappings", two or three times.
 */
import { describe, expect, it } from "vitest";
import { findings, MINIMAL, summary } from "./fixtures.ts";

const slip = (from: string, to: string) => summary(findings(MINIMAL.replace(from, to)));

describe("indentation slips", () => {
  it("a key one space too far in", () => {
    expect(slip("    title: D1\n", "     title: D1\n")).toEqual([
      {
        severity: "error",
        line: 17,
        column: 6,
        code: "yaml-syntax",
        message:
          "this line is indented 1 space more than line 16; align it with line 16 (4 spaces from the left)",
      },
    ]);
  });

  it("a key one space too far out", () => {
    expect(slip("    title: D1\n", "   title: D1\n")).toEqual([
      {
        severity: "error",
        line: 17,
        column: 4,
        code: "yaml-syntax",
        message:
          "this line is indented 1 space less than line 16; align it with line 16 (4 spaces from the left)",
      },
    ]);
  });

  it("a key two spaces too far in, after a key with a value", () => {
    expect(slip("    objective: o\n", "      objective: o\n")).toEqual([
      {
        severity: "error",
        line: 18,
        column: 7,
        code: "yaml-syntax",
        message:
          "this line is indented 2 spaces more than line 16; align it with line 16 (4 spaces from the left)",
      },
    ]);
  });

  it("valid plans, block scalars and deeper lists get no such finding", () => {
    expect(findings(MINIMAL)).toEqual([]);
    const text = MINIMAL.replace(
      "    title: D1\n",
      "    title: D1\n    description: |\n      text\n         indented text\n      more: text\n",
    );
    expect(findings(text)).toEqual([]);
  });
});
