/**
 * What every section shares: the tier of detail, its limits, and capped lists that say what they
 * cut.
 */
import type { Report } from "../../model/report.ts";
import { formatCount, plural } from "../../model/words.ts";

export type Detail = "full" | "collapsed" | "summary" | "counts";

/** How many items a long list shows at each tier, and how long a free text may run. */
export const LIST_LIMIT: Record<Detail, number> = {
  full: Number.POSITIVE_INFINITY,
  collapsed: Number.POSITIVE_INFINITY,
  summary: 50,
  counts: 10,
};

export const TEXT_LIMIT: Record<Detail, number | undefined> = {
  full: undefined,
  collapsed: 500,
  summary: 160,
  counts: 100,
};

export interface Ctx {
  report: Report;
  detail: Detail;
  /** What this tier left out, for the notice under the verdict. */
  cuts: string[];
  text: (s: string) => string;
  name: (s: string) => string;
}

/** Up to the tier's limit of `items`, then "…and N more <what>" (and a note of the cut). */
export function capped<T>(ctx: Ctx, items: T[], what: string, line: (item: T) => string): string[] {
  const limit = LIST_LIMIT[ctx.detail];
  const lines = items.slice(0, limit).map(line);
  if (items.length > limit) {
    const rest = items.length - limit;
    lines.push(`- …and ${formatCount(rest)} more`);
    ctx.cuts.push(`${formatCount(rest)} of ${plural(items.length, what)} not listed`);
  }
  return lines;
}
