import { describe, expect, it } from "vitest";
import { pathMatcher } from "../../src/evaluate/globs.ts";

describe("deliverable paths", () => {
  it("matches any of the globs, dot files included", () => {
    const m = pathMatcher(["docs/**", "README.md"]);
    expect(m("docs/a/b.md")).toBe(true);
    expect(m("docs/.config.yml")).toBe(true);
    expect(m("README.md")).toBe(true);
    expect(m("src/a.ts")).toBe(false);
  });

  it("a leading ./ or / is ignored", () => {
    expect(pathMatcher(["./src/**"])("src/a.ts")).toBe(true);
    expect(pathMatcher(["/src/**"])("src/a.ts")).toBe(true);
  });

  it("a ! pattern excludes what the patterns before it include, as in GitHub Actions' paths", () => {
    const m = pathMatcher(["src/**", "!src/**/*.test.ts"]);
    expect(m("src/a.ts")).toBe(true);
    expect(m("src/x/a.test.ts")).toBe(false);
    // An exclusion alone includes nothing (it used to match every other file in the repository).
    expect(m("docs/readme.md")).toBe(false);
    expect(pathMatcher(["!vendor/**"])("src/a.ts")).toBe(false);
  });

  it("a later pattern includes again what an earlier ! excluded", () => {
    const m = pathMatcher(["src/**", "!src/gen/**", "src/gen/keep.ts"]);
    expect(m("src/gen/other.ts")).toBe(false);
    expect(m("src/gen/keep.ts")).toBe(true);
  });

  it("an entry empty once normalised (validation refuses it) matches nothing and never throws", () => {
    for (const glob of ["", "/", "./", "!", "!./"]) {
      expect(pathMatcher(["docs/**", glob])("src/a.ts")).toBe(false);
      expect(pathMatcher([glob])("a")).toBe(false);
    }
  });
});
