/**
 * Deliverable `paths` as a list: which files of a pull request they take in. Each glob is
 * read and matched by src/model/glob (linear in pattern × path, never a regular expression),
 * with `dot: true` semantics, so `docs/**` also matches `docs/.config.yml`.
 */
import { compileGlob, readGlob } from "../model/glob/glob.ts";

type Matcher = (path: string) => boolean;

// Compiling a glob costs more than matching with it, and the same plan is evaluated again
// for every pull request: compiled matchers are kept, up to a bound so a long-running App
// serving many repositories does not grow without limit.
const CACHE_LIMIT = 10_000;
const cache = new Map<string, Matcher>();

function compile(glob: string): Matcher {
  let matcher = cache.get(glob);
  if (!matcher) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    matcher = compileGlob(glob);
    cache.set(glob, matcher);
  }
  return matcher;
}

/**
 * A matcher for a list of globs, read as GitHub Actions reads `paths`: in order, a pattern
 * includes the paths it matches and a `!pattern` excludes them again, and the last pattern
 * that matches a path decides. A path no positive pattern matches is not matched, so
 * `["src/**", "!src/gen/**"]` is the sources without the generated ones — not every other
 * file of the repository.
 */
export function pathMatcher(patterns: readonly string[]): Matcher {
  const rules = patterns.map((pattern) => {
    const { exclude, glob } = readGlob(pattern);
    return { exclude, matches: compile(glob) };
  });
  return (path) => {
    let matched = false;
    for (const rule of rules) {
      if (rule.exclude ? matched : !matched) {
        if (rule.matches(path)) matched = !rule.exclude;
      }
    }
    return matched;
  };
}
