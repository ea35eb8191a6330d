/**
 * Evidence must be fresh: a measure with `max_age_days` whose file was last changed on the
 * default branch more than that many days before "now" (the snapshot's `fetchedAt`), or whose
 * change date is unknown, is stale — never met, because a number that stopped arriving says
 * nothing about today. Days are whole calendar days in the plan's time zone.
 */
import type { Snapshot } from "../model/snapshot.ts";
import { dayNumberIn, dayOfNumber } from "../model/time-zone.ts";

export interface Staleness {
  /** `YYYY-MM-DD` of the last change on the default branch, or null when unknown. */
  since: string | null;
  /** Why, in words: "no longer reporting since 2026-02-01: …". */
  reason: string;
}

/** The staleness of a measure's data, or null when it is fresh (or has no `max_age_days`). */
export function staleness(params: {
  ctx: { snapshot: Snapshot; timeZone?: string };
  measure: { file: string; max_age_days?: number | undefined };
}): Staleness | null {
  const { ctx, measure } = params;
  const maxAge = measure.max_age_days;
  if (maxAge === undefined) return null;
  const dates = ctx.snapshot.fileCommittedAt;
  const at = dates && Object.hasOwn(dates, measure.file) ? dates[measure.file] : undefined;
  const atMs = at === undefined ? Number.NaN : Date.parse(at);
  if (at === undefined || Number.isNaN(atMs)) {
    return {
      since: null,
      reason: `no longer reporting: when ${measure.file} last changed on the default branch is unknown, so its data counts as stale (max_age_days: ${maxAge})`,
    };
  }
  const day = dayNumberIn(atMs, ctx.timeZone);
  const today = dayNumberIn(ctx.snapshot.fetchedAt, ctx.timeZone);
  const age = today - day;
  if (age <= maxAge) return null;
  const since = dayOfNumber(day);
  return {
    since,
    reason: `no longer reporting since ${since}: ${measure.file} last changed ${age} days ago, more than max_age_days ${maxAge}`,
  };
}
