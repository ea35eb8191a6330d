/**
 * Deliverable `paths` globs: how a plan's pattern is read, what makes one unusable, and the
 * matcher every front end (Action, App, CLI) uses. Paths and globs are repository-relative;
 * a leading `./` or `/` in the plan is tolerated, as people write it. Matching never
 * backtracks: its cost is bounded by pattern length × path length (see nfa.ts), and both
 * lengths are capped, because the paths come from pull requests anyone can open.
 */
import { normalizeRepoPath } from "../repo-path.ts";
import { automaton } from "./nfa.ts";
import { MAX_RANGE_VALUES, parseGlob } from "./parse.ts";

/**
 * The longest glob a plan may hold; a longer one is a validation error. Matching costs up to
 * (glob length)² / 32 word operations per path character, so the cap is what bounds it.
 */
export const MAX_GLOB_CHARS = 256;
/** Paths longer than this (more than any file system allows) match no glob. */
export const MAX_PATH_CHARS = 4_096;

/** A plan's `paths` entry: whether it excludes (`!`), and its plain pattern. */
export function readGlob(pattern: string): { exclude: boolean; glob: string } {
  const exclude = pattern.startsWith("!");
  return { exclude, glob: normalizeRepoPath(exclude ? pattern.slice(1) : pattern) };
}

/**
 * What makes a `paths` entry unusable and how to fix it ("is 1,200 characters long — …"),
 * or undefined when it is a usable glob.
 */
export function globProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_GLOB_CHARS) {
    return `is ${pattern.length.toLocaleString("en-US")} characters long, over the ${MAX_GLOB_CHARS.toLocaleString("en-US")} a glob may have — shorten it, e.g. with * or **, or split it into several entries`;
  }
  const { exclude, glob } = readGlob(pattern);
  if (glob === "") {
    const dropped = exclude ? 'the "!" and any leading "./" or "/"' : 'the leading "./" or "/"';
    return `matches no file: nothing is left once ${dropped} are dropped — write a path from the repository root, e.g. "docs/**", or remove the entry`;
  }
  if (parseGlob(glob).tooManyValues) {
    return `has {a..b} ranges standing for more than ${MAX_RANGE_VALUES} values — use a wildcard such as * instead`;
  }
  return undefined;
}

/** Whether a path matches one plain glob (no `!`); an unusable glob matches nothing. */
export function compileGlob(glob: string): (path: string) => boolean {
  if (glob.length > MAX_GLOB_CHARS) return () => false;
  const parsed = parseGlob(glob);
  if (parsed.tooManyValues) return () => false;
  const { accepts } = automaton(parsed.nodes);
  return (path) => path.length <= MAX_PATH_CHARS && accepts(path);
}
