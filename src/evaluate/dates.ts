/**
 * Calendar arithmetic for milestone dates. Plan dates are calendar days in the plan's time
 * zone (`settings.timezone`, default UTC): "today" is the day of `now` in that zone.
 */
import { DEFAULT_TIME_ZONE, dayNumber, dayNumberIn } from "../model/time-zone.ts";

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, or NaN when it is not one. */
export const dayIndex = dayNumber;

export interface Timing {
  overdue: boolean;
  atRisk: boolean;
  /** Calendar days (in the plan's zone) from today to the due day: 0 on the due day, negative after it. */
  daysLeft: number;
}

/**
 * Whether a milestone is overdue or at risk at `now` (an ISO timestamp).
 *
 * - overdue: not achieved and `now` is past the end of the due day in `timeZone`, i.e. at
 *   or after midnight there that starts the next day (due 2026-04-01 in America/Los_Angeles:
 *   overdue from 2026-04-02T07:00Z).
 * - at risk: not achieved, not overdue, and the due day is at most `atRiskDays` calendar
 *   days (in `timeZone`) away: `daysLeft <= atRiskDays`. With the default 7, a milestone due on the
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
  /** IANA zone whose days are counted (the plan's `settings.timezone`); default UTC. */
  timeZone?: string;
  /** `dayNumberIn(now, timeZone)`, when the caller asks about many milestones at one `now`. */
  today?: number;
}): Timing {
  const due = dayIndex(params.due);
  const today = params.today ?? dayNumberIn(params.now, params.timeZone ?? DEFAULT_TIME_ZONE);
  if (Number.isNaN(due) || Number.isNaN(today))
    return { overdue: false, atRisk: false, daysLeft: 0 };
  const daysLeft = due - today;
  const overdue = !params.achieved && daysLeft < 0;
  const atRisk = !params.achieved && !overdue && daysLeft <= params.atRiskDays;
  return { overdue, atRisk, daysLeft };
}
