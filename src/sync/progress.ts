/**
 * Progress over time: today's history entry from a report (criteria met and criteria in the
 * plan), and the forecast it leads to, written into the report.
 */
import { forecastFrom, isForecastLate } from "../evaluate/forecast.ts";
import { type HistoryEntry, recordDay } from "../model/names/history.ts";
import type { Report } from "../model/report.ts";
import { dayIn } from "../model/time-zone.ts";

/**
 * Criteria met and in the plan: every criterion of every deliverable, scheduled or not.
 * (A milestone's own `requires` and review are not work items, so they are not counted.)
 */
export function historyEntryOf(report: Report): HistoryEntry {
  let met = 0;
  let total = 0;
  const deliverables = [...report.milestones.flatMap((m) => m.deliverables), ...report.unscheduled];
  for (const d of deliverables) {
    for (const c of d.criteria) {
      total += 1;
      if (c.met) met += 1;
    }
  }
  // The day in the plan's zone: an evening run in Los Angeles belongs to that day, not the next.
  return { date: dayIn(report.evaluatedAt, report.timezone), met, total };
}

/** The forecast of `history` (today included) into `report`, with each milestone's `forecastLate`. */
export function applyForecast(report: Report, history: readonly HistoryEntry[]): void {
  const forecast = forecastFrom(history);
  report.forecast = forecast;
  if (!forecast) return;
  for (const m of report.milestones) {
    m.forecastLate = isForecastLate({ forecast, due: m.due, achieved: m.achieved });
  }
}

/** The history with the report's day recorded (what the dashboard writes back, and charts). */
export function historyWithToday(history: readonly HistoryEntry[], report: Report): HistoryEntry[] {
  return recordDay(history, historyEntryOf(report));
}
