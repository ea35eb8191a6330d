/**
 * The glob matcher keeps the meaning plans had when globs were compiled by picomatch (with
 * `dot: true`, extglobs and negation off, and `( ) | +` escaped): random patterns over the
 * whole language, against random repository paths, give the same answer from both.
 * Deliberate differences are tested in glob.test.ts and not generated here: `[!a]` (picomatch
 * read it as "! or a" under those options), `{1..10}` (picomatch read it as `[1-10]`), and
 * `**` inside or next to braces, and a `.` in a pattern with a `{1..3}` range (picomatch then
 * compiles the whole pattern to a regex with the dot left unescaped: `a.{1..3}` matched `aa1`).
 */
import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { compileGlob, readGlob } from "../../src/model/glob/glob.ts";

function picomatchToday(pattern: string): (path: string) => boolean {
  const glob = pattern
    .replace(/^\.\//, "")
    .replace(/^\/+/, "")
    .replace(/[()|+]/g, "\\$&");
  return picomatch(glob, { dot: true, noextglob: true, nonegate: true });
}

const piece = fc.constantFrom(
  "a",
  "b",
  ".",
  "_",
  "1",
  "(",
  "+",
  "|",
  "*",
  "?",
  "[ab]",
  "[a-c]",
  "[[:digit:]]",
  "{a,b}",
  "{a,}",
  "{a,b.}",
  "{1..3}",
  "\\*",
);
const segment = fc.oneof(
  { weight: 5, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.constant("**") },
);
const pattern = fc
  .tuple(
    fc.constantFrom("", "./", "/"),
    fc.array(segment, { minLength: 1, maxLength: 4 }),
    fc.constantFrom("", "", "", ".md", "/**"),
  )
  .map(([lead, segments, tail]) => `${lead}${segments.join("/")}${tail}`)
  .filter((p) => readGlob(p).glob !== "" && !/\*\*\/?\{|\}\*/.test(p))
  .filter(
    (p) =>
      !(
        p.includes("{1..3}") &&
        p
          .replace(/\{1\.\.3\}/g, "")
          .replace(/^\.\//, "")
          .includes(".")
      ),
  );

const name = fc
  .array(fc.constantFrom("a", "b", ".", "_", "1", "2", "(", "+", "*", "m", "d"), {
    minLength: 1,
    maxLength: 4,
  })
  .map((c) => c.join(""))
  .filter((s) => s !== "." && s !== "..");
const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((s) => s.join("/"));

describe("glob semantics are picomatch's, as plans have always used them", () => {
  it("same answer on random patterns and paths", () => {
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 8 }), (p, paths) => {
        const ours = compileGlob(readGlob(p).glob);
        const theirs = picomatchToday(p);
        for (const candidate of paths) {
          expect([p, candidate, ours(candidate)]).toEqual([p, candidate, theirs(candidate)]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("same answer when the path is built to match (so matches are exercised, not only misses)", () => {
    // Replace each wildcard by something it can stand for.
    const instance = (p: string) =>
      readGlob(p)
        .glob.replaceAll("**", "x/y")
        .replaceAll("\\*", "*")
        .replaceAll("*", "ab")
        .replaceAll("?", "q")
        .replaceAll("[ab]", "b")
        .replaceAll("[a-c]", "c")
        .replaceAll("[[:digit:]]", "7")
        .replaceAll("{a,b}", "b")
        .replaceAll("{a,}", "")
        .replaceAll("{a,b.}", "b.")
        .replaceAll("{1..3}", "2");
    fc.assert(
      fc.property(pattern, (p) => {
        const candidate = instance(p);
        if (candidate === "") return;
        expect([p, candidate, compileGlob(readGlob(p).glob)(candidate)]).toEqual([
          p,
          candidate,
          picomatchToday(p)(candidate),
        ]);
      }),
      { numRuns: 1000 },
    );
  });
});
