import { describe, expect, it } from "vitest";
import {
  compileGlob,
  globProblem,
  MAX_GLOB_CHARS,
  MAX_PATH_CHARS,
  readGlob,
} from "../../src/model/glob/glob.ts";

const matches = (pattern: string, path: string) => compileGlob(readGlob(pattern).glob)(path);

describe("the glob language", () => {
  it.each([
    ["src/*.ts", "src/a.ts", true],
    ["src/*.ts", "src/x/a.ts", false],
    ["src/**/*.ts", "src/a.ts", true],
    ["src/**/*.ts", "src/x/y/a.ts", true],
    ["src/**", "src", true],
    ["src/**", "src/.github/x.yml", true],
    ["**/README.md", "README.md", true],
    ["**/README.md", "docs/README.md", true],
    ["**.md", "docs/a/README.md", true],
    ["a/**/b", "a/b", true],
    ["a/**/**/b", "a/x/b", true],
    ["file?.md", "file1.md", true],
    ["file?.md", "file/.md", false],
    ["[a-c]x", "bx", true],
    ["[a-c]x", "dx", false],
    ["[[:digit:]]x", "7x", true],
    ["src/**/*.{ts,tsx}", "src/ui/App.tsx", true],
    ["src/**/*.{ts,tsx}", "src/ui/App.js", false],
    ["{docs,src/{a,b}}/**", "src/b/c.md", true],
    ["{a}", "{a}", true],
    ["a\\*b", "a*b", true],
    ["a\\*b", "axb", false],
    // Three stars or more are one `*` (a folder name), not `**`: found by the picomatch property.
    ["***", "x/yab", false],
    ["***", "xyab", true],
    ["a/***/b", "a/x/b", true],
    ["a/***/b", "a/x/y/b", false],
    ["a/***", "a/b/c", false],
  ])("%s against %s: %s", (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it("( ) | + @ ! $ ^ are plain characters", () => {
    expect(matches("docs/(a+)+/**", "docs/(a+)+/x.md")).toBe(true);
    expect(matches("docs/(a+)+/**", "docs/aaa/x.md")).toBe(false);
    expect(matches("src/[a-z]+.ts", "src/a+.ts")).toBe(true);
    expect(matches("src/[a-z]+.ts", "src/ab.ts")).toBe(false);
    expect(matches("a|b", "a|b")).toBe(true);
    expect(matches("a|b", "a")).toBe(false);
    expect(matches("@(a)", "@(a)")).toBe(true);
    expect(matches("x/!(a)", "x/!(a)")).toBe(true);
    expect(matches("$a^.md", "$a^.md")).toBe(true);
  });

  // Where the matcher reads a glob as bash and GitHub Actions do, not as picomatch did.
  it("[!a] and [^a] are any character but a (picomatch had read [!a] as '! or a')", () => {
    expect(matches("[!a]b", "cb")).toBe(true);
    expect(matches("[!a]b", "ab")).toBe(false);
    expect(matches("[!a]b", "!b")).toBe(true);
    expect(matches("[^a]b", "cb")).toBe(true);
    // No class matches the folder separator.
    expect(matches("a[^b]c", "a/c")).toBe(false);
  });

  it("{1..10} is one to ten, {01..03} is zero-padded, {a..c} letters (picomatch had read {1..10} as [1-10])", () => {
    expect(matches("v{1..10}.md", "v10.md")).toBe(true);
    expect(matches("v{1..10}.md", "v0.md")).toBe(false);
    // picomatch left the dot of such a pattern unescaped, so it stood for any character.
    expect(matches("a.{1..3}", "aa1")).toBe(false);
    expect(matches("a.{1..3}", "a.1")).toBe(true);
    expect(matches("v{01..03}.md", "v02.md")).toBe(true);
    expect(matches("v{01..03}.md", "v2.md")).toBe(false);
    expect(matches("v{1..9..4}.md", "v5.md")).toBe(true);
    expect(matches("v{1..9..4}.md", "v3.md")).toBe(false);
    expect(matches("{a..c}.md", "b.md")).toBe(true);
  });

  it("a leading ./ or / is dropped, and ! marks an exclusion", () => {
    expect(readGlob("./src/**")).toEqual({ exclude: false, glob: "src/**" });
    expect(readGlob("/src/**")).toEqual({ exclude: false, glob: "src/**" });
    expect(readGlob("!./gen/**")).toEqual({ exclude: true, glob: "gen/**" });
  });
});

describe("bounded input", () => {
  it("a path longer than the cap matches nothing, one at the cap still matches", () => {
    const at = `src/${"a".repeat(MAX_PATH_CHARS - 7)}.ts`;
    expect(at.length).toBe(MAX_PATH_CHARS);
    expect(matches("src/*.ts", at)).toBe(true);
    expect(matches("src/*.ts", `src/a${at.slice(4)}`)).toBe(false);
  });

  it("a glob over the cap is a validation problem that says how to fix it, and matches nothing", () => {
    const long = `src/${"a".repeat(MAX_GLOB_CHARS)}/**`;
    expect(globProblem(long)).toBe(
      `is ${(MAX_GLOB_CHARS + 7).toLocaleString("en-US")} characters long, over the 256 a glob may have — shorten it, e.g. with * or **, or split it into several entries`,
    );
    expect(matches(long, `src/${"a".repeat(MAX_GLOB_CHARS)}/x`)).toBe(false);
    expect(globProblem(`src/${"a".repeat(MAX_GLOB_CHARS - 7)}/**`)).toBeUndefined();
  });

  it("ranges standing for more than 64 values in one glob are refused", () => {
    expect(globProblem("v{1..1000000}.md")).toMatch(/more than 64 values/);
    expect(globProblem("v{1..40}/{1..40}.md")).toMatch(/more than 64 values/);
    expect(globProblem("v{1..64}.md")).toBeUndefined();
    expect(matches("v{1..1000000}.md", "v5.md")).toBe(false);
  });
});
