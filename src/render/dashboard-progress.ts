/**
 * Progress over time on the dashboard: the burn-up (criteria met and the scope line, the
 * criteria in the plan, over the recorded days) as a Mermaid `xychart-beta`, and the
 * forecast sentence under it.
 */

import { dayIndex } from "../evaluate/dates.ts";
import { FORECAST_MIN_SPAN_DAYS } from "../evaluate/forecast.ts";
import type { HistoryEntry } from "../model/names/history.ts";
import type { Report } from "../model/report.ts";
import { plural } from "../model/words.ts";
import { thinned } from "./svg-charts.ts";

/**
 * At most this many points on the chart: Mermaid gives each point a labelled band on the x
 * axis, so a longer history is sampled at evenly spaced days (always the first and today).
 */
export const BURN_UP_MAX_POINTS = 12;

function dayString(index: number): string {
  return new Date(index * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One point a day from the first entry to the last (a day without an entry keeps the day
 * before's values), sampled down to BURN_UP_MAX_POINTS.
 */
export function burnUpPoints(history: readonly HistoryEntry[]): HistoryEntry[] {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return [];
  const start = dayIndex(first.date);
  const byDay = new Map(history.map((e) => [dayIndex(e.date), e]));
  const days: HistoryEntry[] = [];
  let current = first;
  for (let d = start; d <= dayIndex(last.date); d++) {
    current = byDay.get(d) ?? current;
    days.push({ date: dayString(d), met: current.met, total: current.total });
  }
  return thinned(days.length, BURN_UP_MAX_POINTS).flatMap((i) => days[i] ?? []);
}

/** The `## Progress` section: the burn-up and the forecast. Empty without history. */
export function progressSection(report: Report, history: readonly HistoryEntry[]): string {
  const points = burnUpPoints(history);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "";
  // One day draws no line (Mermaid draws nothing for a line of one point): that day in words.
  if (points.length < 2) {
    return [
      "## Progress",
      `_${last.met} of ${plural(last.total, "criterion", "criteria")} met on ${last.date}, the first day recorded: the burn-up starts with the second._`,
      forecastText(report.forecast, history),
    ].join("\n\n");
  }
  const top = Math.max(1, ...points.map((p) => Math.max(p.met, p.total)));
  const sameYear = first.date.slice(0, 4) === last.date.slice(0, 4);
  const label = (date: string) => `"${sameYear ? date.slice(5) : date.slice(2)}"`;
  const chart = [
    "```mermaid",
    // Scope grey, met green (GitHub's colours), in the order of the lines below.
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#8c959f, #1a7f37"}}}}%%`,
    "xychart-beta",
    `  title "Criteria met and criteria in the plan, ${first.date} to ${last.date}"`,
    `  x-axis [${points.map((p) => label(p.date)).join(", ")}]`,
    `  y-axis "Criteria" 0 --> ${top}`,
    `  line [${points.map((p) => p.total).join(", ")}]`,
    `  line [${points.map((p) => p.met).join(", ")}]`,
    "```",
  ].join("\n");
  return [
    "## Progress",
    chart,
    `_Grey: criteria in the plan (the scope line); green: criteria met. ${plural(history.length, "day")} recorded._`,
    forecastText(report.forecast, history),
  ].join("\n\n");
}

/** The forecast in a sentence, or why there is none yet. */
export function forecastText(
  forecast: Report["forecast"],
  history: readonly HistoryEntry[],
): string {
  if (!forecast) {
    const first = history[0];
    const last = history.at(-1);
    const span = first && last ? dayIndex(last.date) - dayIndex(first.date) : 0;
    return `**Forecast:** made once ${FORECAST_MIN_SPAN_DAYS} days are recorded (${plural(span, "day")} so far).`;
  }
  const pace = `${forecast.pacePerWeek} a week`;
  const last = history.at(-1);
  if (last && last.met >= last.total) return `**Forecast:** ✅ all criteria met (${pace} lately).`;
  if (forecast.date === null) {
    return `**Forecast:** 🛑 not at this pace (${pace} over the last 28 days): every open milestone with a date is forecast late.`;
  }
  return `**Forecast:** all criteria met by **${forecast.date}** at ${pace} (the pace of the last 28 days).`;
}
