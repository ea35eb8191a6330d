/**
 * Calendar arithmetic for milestone dates. Plan dates are UTC calendar days (how GitHub reads
 * milestone's due date as a timestamp at Pacific midnight, so its day is read in
 * America/Los_Angeles (what GitHub's web page shows).
 */

const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (UTC), or NaN when it is not one. */
export function dayIndex(date: string): number {
  const m = DATE_ONLY.exec(date);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export interface Timing {
  overdue: boolean;
  atRisk: boolean;
  /** Calendar days (UTC) from today to the due day: 0 on the due day, negative after it. */
  daysLeft: number;
}

/**
 * Whether a milestone is overdue or at risk at `now` (an ISO timestamp).
 *
 * - overdue: not achieved and `now` is past the end of the due day (UTC), i.e. at or after
 *   midnight UTC that starts the next day.
 * - at risk: not achieved, not overdue, and the due day is at most `atRiskDays` calendar
 *   days (UTC) away: `daysLeft <= atRiskDays`. With the default 7, a milestone due on the
 *   15th is at risk from the 8th on; with 0, only on its due day.
 *
 * Calendar days rather than hours, so the answer does not depend on the time of day the
 * snapshot was taken.
 */
export function milestoneTiming(params: {
  due: string;
  now: string;
  achieved: boolean;
  atRiskDays: number;
}): Timing {
  const due = dayIndex(params.due);
  const nowMs = Date.parse(params.now);
  if (Number.isNaN(due) || Number.isNaN(nowMs))
    return { overdue: false, atRisk: false, daysLeft: 0 };
  const today = Math.floor(nowMs / DAY_MS);
  const daysLeft = due - today;
  const overdue = !params.achieved && daysLeft < 0;
  const atRisk = !params.achieved && !overdue && daysLeft <= params.atRiskDays;
  return { overdue, atRisk, daysLeft };
}
