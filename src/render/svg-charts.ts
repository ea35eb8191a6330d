/**
 * Charts drawn as inline SVG, for the self-contained HTML page (no script, no network at
 * view time): the milestone timeline with today's marker, and the burn-up with its scope line.
 */
import { dayIndex } from "../evaluate/dates.ts";
import type { HistoryEntry } from "../model/names/history.ts";
import type { MilestoneResult } from "../model/report.ts";
import { escapeHtml } from "./escape.ts";
import { milestoneState, STATE_COLORS, STATE_WORDS } from "./milestone-state.ts";

const FONT = 'font-family="-apple-system,Segoe UI,Helvetica,Arial,sans-serif" font-size="12"';

function dayString(index: number): string {
  return new Date(index * 86_400_000).toISOString().slice(0, 10);
}

/** About `count` evenly spaced indexes of `length` items, always the first and the last. */
export function thinned(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (count - 1);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round(i * step)))];
}

/** Milestones as diamonds on a date axis, coloured by state, with a line at today. */
export function timelineSvg(params: { milestones: MilestoneResult[]; today: string }): string {
  // A milestone without a date has no place on a date axis.
  const dated = params.milestones.filter(
    (m): m is MilestoneResult & { due: string } => m.due !== null && !Number.isNaN(dayIndex(m.due)),
  );
  if (dated.length === 0) return "";
  const today = dayIndex(params.today);
  const days = [...dated.map((m) => dayIndex(m.due)), today];
  const lo = Math.min(...days) - 3;
  const hi = Math.max(...days) + 3;
  const left = 220;
  const width = 900;
  const row = 26;
  const height = 40 + dated.length * row;
  const x = (d: number) => left + ((d - lo) / (hi - lo)) * (width - left - 50);
  const parts: string[] = [];
  for (const i of thinned(hi - lo + 1, 6)) {
    const d = lo + i;
    parts.push(
      `<line x1="${x(d)}" y1="20" x2="${x(d)}" y2="${height - 10}" stroke="#d0d7de"/>`,
      `<text x="${x(d)}" y="14" text-anchor="middle" fill="#57606a">${dayString(d)}</text>`,
    );
  }
  dated.forEach((m, i) => {
    const y = 36 + i * row;
    const state = milestoneState(m);
    const cx = x(dayIndex(m.due));
    parts.push(
      `<text x="${left - 10}" y="${y + 4}" text-anchor="end">${escapeHtml(m.title.slice(0, 40))}</text>`,
      `<path d="M${cx} ${y - 8} L${cx + 8} ${y} L${cx} ${y + 8} L${cx - 8} ${y} Z" fill="${STATE_COLORS[state]}"><title>${escapeHtml(`${m.title}: ${m.due}, ${STATE_WORDS[state]}`)}</title></path>`,
    );
  });
  parts.push(
    `<line x1="${x(today)}" y1="20" x2="${x(today)}" y2="${height - 10}" stroke="#cf222e" stroke-width="2" stroke-dasharray="4 3"/>`,
    `<text x="${x(today) + 4}" y="${height - 2}" fill="#cf222e">today</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Milestones by date" viewBox="0 0 ${width} ${height + 6}" width="${width}" ${FONT}>${parts.join("")}</svg>`;
}

/** The one day of a history that has only begun: a line of one point draws nothing, so dots. */
function firstDay(x: number, total: number, met: number): string {
  return `<circle cx="${x.toFixed(1)}" cy="${total.toFixed(1)}" r="4" fill="#57606a"><title>criteria in the plan (scope)</title></circle><circle cx="${x.toFixed(1)}" cy="${met.toFixed(1)}" r="4" fill="#1a7f37"><title>criteria met</title></circle>`;
}

/** Criteria met (solid) and criteria in the plan (the scope line, dashed) over the recorded days. */
export function burnUpSvg(history: readonly HistoryEntry[]): string {
  if (history.length === 0) return "";
  const width = 900;
  const height = 260;
  const left = 50;
  const bottom = 30;
  const first = dayIndex(history[0]?.date ?? "");
  const last = dayIndex(history.at(-1)?.date ?? "");
  const span = Math.max(1, last - first);
  const top = Math.max(1, ...history.map((e) => Math.max(e.total, e.met)));
  const x = (date: string) => left + ((dayIndex(date) - first) / span) * (width - left - 50);
  const y = (v: number) => height - bottom - (v / top) * (height - bottom - 20);
  const line = (pick: (e: HistoryEntry) => number) =>
    history.map((e) => `${x(e.date).toFixed(1)},${y(pick(e)).toFixed(1)}`).join(" ");
  // Labels at evenly spaced days (not entries, which may have gaps), at most 7 however long.
  const labels = thinned(last - first + 1, 7).map((i) => {
    const date = dayString(first + i);
    return `<text x="${x(date)}" y="${height - 10}" text-anchor="middle" fill="#57606a">${date}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Burn-up: criteria met and criteria in the plan" viewBox="0 0 ${width} ${height}" width="${width}" ${FONT}>
<line x1="${left}" y1="${y(0)}" x2="${width - 20}" y2="${y(0)}" stroke="#d0d7de"/>
<text x="${left - 6}" y="${y(top) + 4}" text-anchor="end" fill="#57606a">${top}</text>
<text x="${left - 6}" y="${y(0) + 4}" text-anchor="end" fill="#57606a">0</text>
<polyline fill="none" stroke="#57606a" stroke-width="2" stroke-dasharray="6 4" points="${line((e) => e.total)}"><title>criteria in the plan (scope)</title></polyline>
<polyline fill="none" stroke="#1a7f37" stroke-width="2.5" points="${line((e) => e.met)}"><title>criteria met</title></polyline>
${history.length === 1 ? firstDay(x(history[0]?.date ?? ""), y(history[0]?.total ?? 0), y(history[0]?.met ?? 0)) : ""}${labels.join("")}
</svg>`;
}
