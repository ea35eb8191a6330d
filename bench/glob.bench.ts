/**
 * Glob matching against paths a pull request author chooses (4,096 characters, the longest
 * path matched), as ratios measured in one run:
 *
 * - `glob.worst_vs_linear`: the slowest single match among hostile globs (many stars, stars
 *   around folders, choices of stars), each against paths built to make it try hardest,
 *   over the time of a plain linear scan of the same path (a loop reading each character
 *   once). Bar: ≤ 50. A backtracking regular expression took 30 s and more on some of these.
 * - `glob.long_pattern_vs_linear`: the same for one glob at the 256-character cap made of
 *   `*a` pieces (every state of the automaton alive at once): the cost bound, pattern ×
 *   path, made visible. Globs come from the plan on the default branch, not from the pull
 *   request.
 */
import { performance } from "node:perf_hooks";
import { pathMatcher } from "../src/evaluate/globs.ts";
import { MAX_GLOB_CHARS, MAX_PATH_CHARS } from "../src/model/glob/glob.ts";
import type { Figure } from "./run.ts";

const fill = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const at = (prefix: string, unit: string, suffix = "") =>
  `${prefix}${fill(unit, MAX_PATH_CHARS - prefix.length - suffix.length)}${suffix}`;

const HOSTILE: [pattern: string, paths: string[]][] = [
  ["**/*_*_*_*.md", [at("docs/", "_"), at("docs/", "_", ".mx"), at("", "a/", "_b_")]],
  ["src/*.*.*.*.ts", [at("src/", "."), at("src/", ".", "t"), at("src/", "a.", "x")]],
  ["**/a*a*a*a*a*a*a*a*b", [at("", "a"), at("", "a/")]],
  ["**/**/**/**/**/x", [at("", "a/"), at("", "ab/", "y")]],
  ["{a,a*,*a}{a,a*,*a}{a,a*,*a}b", [at("", "a")]],
  ["*?*?*?*?*?*?*?*?x", [at("", "a")]],
  ["**/[a-z]*[a-z]*[a-z]*[!a-z]", [at("", "a"), at("", "a/")]],
  ["docs/**/*.{md,mdx,markdown}", [at("docs/", "a/", "a.mdy"), at("docs/", "a.md")]],
];

/** A plain linear scan: every character read once (what reading the path costs at least). */
function scan(path: string): number {
  let sum = 0;
  for (let i = 0; i < path.length; i++) sum += path.charCodeAt(i);
  return sum;
}

/**
 * Milliseconds of one call of `fn`: the best of 15 batches of about 5 ms each. The best, not
 * the median, because these machines are shared: a batch is only ever slowed down by others.
 */
function perCallMs(fn: () => unknown): number {
  const start = performance.now();
  fn();
  const once = Math.max(performance.now() - start, 0.001);
  const batch = Math.max(1, Math.min(10_000, Math.round(5 / once)));
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 15; run++) {
    const t = performance.now();
    for (let k = 0; k < batch; k++) fn();
    best = Math.min(best, (performance.now() - t) / batch);
  }
  return best;
}

function worstRatio(cases: [string, string[]][]): { ratio: number; worst: string } {
  let ratio = 0;
  let worst = "";
  for (const [pattern, paths] of cases) {
    const matcher = pathMatcher([pattern]);
    for (const path of paths) {
      const linear = perCallMs(() => scan(path));
      const match = perCallMs(() => matcher(path));
      if (match / linear > ratio) {
        ratio = match / linear;
        worst = `${pattern}, ${match.toFixed(3)} ms a match`;
      }
    }
  }
  return { ratio, worst };
}

export default async function bench(): Promise<Figure[]> {
  const hostile = worstRatio(HOSTILE);
  const longPattern = fill("*a", MAX_GLOB_CHARS);
  const long = worstRatio([[longPattern, [at("", "a")]]]);
  return [
    {
      name: "glob.worst_vs_linear",
      value: hostile.ratio,
      unit: "×",
      against: `a linear scan of the same 4,096-character path; worst: ${hostile.worst}`,
      ratio: hostile.ratio,
    },
    {
      name: "glob.long_pattern_vs_linear",
      value: long.ratio,
      unit: "×",
      against: `a linear scan of the same path; ${long.worst.replace(longPattern, "a 256-character glob of *a")}`,
      ratio: long.ratio,
    },
  ];
}
