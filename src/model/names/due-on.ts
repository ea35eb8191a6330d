/**
 * A GitHub milestone's due date, written and read. GitHub keeps it as a timestamp and shows it
 * as a day in US Pacific time. Sending noon UTC lands on the same calendar day in every US
 * time zone, so the day GitHub shows is the plan's day (midnight UTC would show the day
 * before in Pacific time); reading, a timestamp is taken as its Pacific day.
 */

import { dayIn } from "../time-zone.ts";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NO_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The `due_on` to send for a plan day `YYYY-MM-DD`. */
export function dueOnTimestamp(day: string): string {
  return `${day.slice(0, 10)}T12:00:00Z`;
}

/**
 * The calendar day of a GitHub milestone's due date: a `YYYY-MM-DD` stays as it is, a
 * timestamp is read as the day in US Pacific time (so `2026-06-01T07:00:00Z` is
 * `2026-06-01`). Null or unreadable input gives null.
 */
export function githubDay(dueOn: string | null): string | null {
  if (dueOn === null) return null;
  const trimmed = dueOn.trim();
  if (DATE_ONLY.test(trimmed)) return trimmed;
  // A date-time without a zone would be read in the machine's local time zone: read it as
  // UTC, so the same snapshot gives the same day everywhere.
  const ms = Date.parse(NO_ZONE.test(trimmed) ? `${trimmed}Z` : trimmed);
  if (Number.isNaN(ms)) return null;
  return dayIn(ms, "America/Los_Angeles");
}
