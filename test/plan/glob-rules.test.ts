/**
 * Deliverable `paths` that validation refuses, each with its position and the fix: a glob
 * longer than the cap, ranges standing for too many values.
 */
import { describe, expect, it } from "vitest";
import { MAX_GLOB_CHARS } from "../../src/model/glob/glob.ts";
import { findings, MINIMAL, summary } from "./fixtures.ts";

function withPaths(paths: string): string {
  return MINIMAL.replace("    objective: o\n", `    objective: o\n    paths: ${paths}\n`);
}

describe("deliverable paths globs", () => {
  it("a plan with ordinary globs has no findings", () => {
    expect(findings(withPaths('["docs/**", "!docs/drafts/**", "src/**/*.{ts,tsx}"]'))).toEqual([]);
  });

  it("a glob over the length cap is an error at the entry", () => {
    const long = `docs/${"a".repeat(MAX_GLOB_CHARS)}/**`;
    expect(summary(findings(withPaths(`["docs/**", "${long}"]`)))).toEqual([
      {
        severity: "error",
        line: 19,
        column: 24,
        code: "invalid-glob",
        message: `deliverable "d1": entry 2 of "paths" is 264 characters long, over the 256 a glob may have — shorten it, e.g. with * or **, or split it into several entries`,
      },
    ]);
  });

  it("ranges standing for too many values are an error", () => {
    expect(summary(findings(withPaths('["v{1..100000}/**"]')))).toEqual([
      {
        severity: "error",
        line: 19,
        column: 13,
        code: "invalid-glob",
        message:
          'deliverable "d1": entry 1 of "paths" has {a..b} ranges standing for more than 64 values — use a wildcard such as * instead',
      },
    ]);
  });

  it.each([
    ["/", 'the leading "./" or "/"'],
    ["./", 'the leading "./" or "/"'],
    ["!", 'the "!" and any leading "./" or "/"'],
    ["!./", 'the "!" and any leading "./" or "/"'],
  ])(
    "%s, empty once normalised, is an error (it used to validate, then crash report)",
    (glob, dropped) => {
      expect(summary(findings(withPaths(`["docs/**", "${glob}"]`)))).toEqual([
        {
          severity: "error",
          line: 19,
          column: 24,
          code: "invalid-glob",
          message: `deliverable "d1": entry 2 of "paths" matches no file: nothing is left once ${dropped} are dropped — write a path from the repository root, e.g. "docs/**", or remove the entry`,
        },
      ]);
    },
  );
});

describe("file paths empty once normalised", () => {
  it.each(["/", "./", "//"])(
    'a file criterion "%s" names no file, an error at its value',
    (path) => {
      const text = MINIMAL.replace("      - issues: closed", `      - file: "${path}"`);
      expect(summary(findings(text))).toEqual([
        {
          severity: "error",
          line: 20,
          column: 15,
          code: "invalid-repo-path",
          message: `deliverable "d1" criterion 1: "file" "${path}" names no file — write the file's path from the repository root, e.g. docs/README.md`,
        },
      ]);
    },
  );
});
