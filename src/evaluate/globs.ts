/**
 * Deliverable `paths` globs. picomatch with `dot: true`, so `docs/**` also matches
 * `docs/.config.yml`. Patterns and paths are repository-relative; a leading `./` or `/` in
 * the plan is tolerated, as people write it.
 */
import picomatch from "picomatch";

type Matcher = (path: string) => boolean;

// Compiling a glob costs far more than matching with it, and the same plan is evaluated
// again for every pull request: compiled matchers are kept, up to a bound so a long-running
// App serving many repositories does not grow without limit.
const CACHE_LIMIT = 10_000;
const cache = new Map<string, Matcher>();

/**
 * picomatch compiles a glob to a regular expression and passes "(", "|" and a "+" after a
 * group through as regex syntax, so `docs/(a+)+/**` from a plan would backtrack
 * exponentially on a path a pull request author chooses. Plans never run regular
 * expressions (docs/plan-format.md): those characters are matched literally, and extglobs are off.
 */
function normalize(pattern: string): string {
  return pattern
    .replace(/^\.\//, "")
    .replace(/^\/+/, "")
    .replace(/[()|+]/g, "\\$&");
}

function compile(pattern: string): Matcher {
  let matcher = cache.get(pattern);
  if (!matcher) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    // `!` is handled by `pathMatcher` (ordered exclusion), never as picomatch's negation.
    matcher = picomatch(normalize(pattern), { dot: true, noextglob: true, nonegate: true });
    cache.set(pattern, matcher);
  }
  return matcher;
}

/**
 * A matcher for a list of globs, read as GitHub Actions reads `paths`: in order, a pattern
 * includes the paths it matches and a `!pattern` excludes them again, and the last pattern
 * that matches a path decides. A path no positive pattern matches is not matched, so
 * `["src/**", "!src/gen/**"]` is the sources without the generated ones — not, as picomatch
 * alone would read `!…`, every other file of the repository.
 */
export function pathMatcher(patterns: readonly string[]): Matcher {
  const rules = patterns.map((pattern) => {
    const exclude = pattern.startsWith("!");
    return { exclude, matches: compile(exclude ? pattern.slice(1) : pattern) };
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
