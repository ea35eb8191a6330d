/**
 * The forecast: from a history spanning 14 days or more, the day all criteria would be met
 * at the pace of the last 28 days. A pace of zero or less gives no date ("not at this pace").
 * Pure: the history's last entry is "today".
 */
import type { HistoryEntry } from "../model/names/history.ts";
import { dayIndex } from "./dates.ts";

/** The shortest history a forecast is made from, in days between its first and last entry. */
export const FORECAST_MIN_SPAN_DAYS = 14;
/** The pace is that of this many days before the last entry. */
export const FORECAST_PACE_DAYS = 28;

export interface Forecast {
  /** The day every criterion would be met, or null when the pace is zero or negative. */
  date: string | null;
  /** Criteria met per week over the pace window, one decimal. */
  pacePerWeek: number;
}

function dayString(index: number): string {
  return new Date(index * 86_400_000).toISOString().slice(0, 10);
}

/** The forecast of a history (sorted by day, as `readHistory` returns it), or null when it is too short. */
export function forecastFrom(history: readonly HistoryEntry[]): Forecast | null {
  const last = history.at(-1);
  const first = history[0];
  if (!last || !first) return null;
  const lastDay = dayIndex(last.date);
  if (lastDay - dayIndex(first.date) < FORECAST_MIN_SPAN_DAYS) return null;
  // The oldest entry inside the window; when gaps leave only today in it, the newest before.
  const inWindow = history.filter((e) => lastDay - dayIndex(e.date) <= FORECAST_PACE_DAYS);
  let start = inWindow[0] ?? first;
  if (start === last) start = history.at(-2) ?? first;
  const days = lastDay - dayIndex(start.date);
  const perDay = days > 0 ? (last.met - start.met) / days : 0;
  const pacePerWeek = Math.round(perDay * 7 * 10) / 10;
  const remaining = Math.max(0, last.total - last.met);
  if (remaining === 0) return { date: last.date, pacePerWeek };
  if (perDay <= 0) return { date: null, pacePerWeek };
  return { date: dayString(lastDay + Math.ceil(remaining / perDay)), pacePerWeek };
}

/**
 * Whether a milestone is forecast late: not achieved, with a due day before the forecast day
 * (every dated, unachieved milestone when the pace would never finish).
 */
export function isForecastLate(params: {
  forecast: Forecast;
  due: string | null | undefined;
  achieved: boolean;
}): boolean {
  const { forecast, due, achieved } = params;
  if (achieved || !due) return false;
  return forecast.date === null || due < forecast.date;
}
