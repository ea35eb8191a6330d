/**
 * Globs against paths a pull request author chooses. With a backtracking regular expression,
 * `**\/*_*_*_*.md` against a 2,000-character file name ran for 30 seconds and more on the App's
 * main thread; the matcher reads the path once per state, so each of these finishes at once
 * (their cost is measured in the bench, `glob.worst_vs_linear`), with the right answer.
 */
import { describe, expect, it } from "vitest";
import { pathMatcher } from "../../src/evaluate/globs.ts";

const long = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe("hostile paths against many-star globs", () => {
  const cases: [pattern: string, what: string, expected: boolean, path: string][] = [
    ["**/*_*_*_*.md", "2,000 underscores", false, `docs/${long("_", 2000)}`],
    ["**/*_*_*_*.md", "2,000 underscores and .md", true, `docs/${long("_", 2000)}.md`],
    ["**/*_*_*_*.md", "1,000 folders", false, `${long("a/", 2000)}x.md`],
    ["src/*.*.*.*.ts", "2,000 dots", false, `src/${long(".", 2000)}`],
    ["src/*.*.*.*.ts", "2,000 dots and t", false, `src/${long(".", 2000)}t`],
    ["src/*.*.*.*.ts", "2,000 dots and ts", true, `src/${long(".", 2000)}ts`],
    ["src/*.*.*.*.ts", "a.a.… and a subfolder", false, `src/${long("a.", 2000)}x/a.ts`],
    ["**/a*a*a*a*a*a*a*a*b", "4,000 a", false, long("a", 4000)],
    ["**/**/**/**/**/x", "2,000 folders", false, `${long("a/", 4000)}y`],
    ["{a,a*,*a}{a,a*,*a}{a,a*,*a}b", "4,000 a", false, long("a", 4000)],
  ];
  it.each(cases)("%s against %s → %s", (pattern, _what, expected, path) => {
    expect(pathMatcher([pattern])(path)).toBe(expected);
  });

  it("many globs and exclusions against a long name still give the last matching pattern's answer", () => {
    const name = `src/${long("_", 3000)}.md`;
    const m = pathMatcher(["**/*_*_*_*.md", "!src/*_*_*_*_*_*.md", "src/*_*.md"]);
    expect(m(name)).toBe(true);
    expect(pathMatcher(["**/*_*_*_*.md", "!src/*_*_*_*_*_*.md"])(name)).toBe(false);
  });
});
