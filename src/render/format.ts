/** Small formatting helpers shared by the Markdown and terminal renderers. */
import { instantIn } from "../model/time-zone.ts";
import { plural } from "../model/words.ts";

/**
 * `2026-03-01T12:00:00Z` → `2026-03-01 12:00 UTC`; with the plan's zone,
 * `2026-03-01 04:00 America/Los_Angeles` (the zone is always named).
 */
export function formatInstant(iso: string, timeZone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return instantIn(ms, timeZone);
}

/** "5 days left", "due today", "1 day overdue". */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return "due today";
  if (daysLeft > 0) return `${plural(daysLeft, "day")} left`;
  return `${plural(-daysLeft, "day")} overdue`;
}

/** UTF-8 size, as GitHub counts a check run's summary. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The longest prefix of `text` that fits `maxBytes` in UTF-8, cut at a line end if one is near. */
export function truncateToBytes(text: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return text;
  // `fatal: false` drops a code point split by the cut instead of throwing.
  let cut = new TextDecoder("utf-8", { fatal: false }).decode(bytes.slice(0, maxBytes));
  if (cut.endsWith("\uFFFD")) cut = cut.slice(0, -1);
  const lineEnd = cut.lastIndexOf("\n");
  return lineEnd > cut.length / 2 ? cut.slice(0, lineEnd + 1) : cut;
}
