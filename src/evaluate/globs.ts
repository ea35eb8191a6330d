/**
 * Deliverable `paths` globs. picomatch with `dot: true`, so `docs/**` also matches
 * `docs/.config.yml`. Patterns and paths are repository-relative; a leading `./` or `/` in
 * the plan is tolerated, as people write it.
 */
import picomatch from "picomatch";

function normalize(pattern: string): string {
  return pattern.replace(/^\.\//, "").replace(/^\/+/, "");
}

/** A matcher for a list of globs: true when a path matches any of them. */
export function pathMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  return picomatch(patterns.map(normalize), { dot: true });
}
