/**
 * The plan's history, kept in the dashboard issue itself so the App stays stateless: a
 * hidden block `<!-- plan-align:history [...] -->` holding a JSON array of
 * `{ date, met, total }` — criteria met and criteria in the plan that day, one entry a day
 * (the day's last evaluation wins), at most 400 entries (oldest dropped). Writer and reader
 * live here together. A block that cannot be read is started afresh; it never breaks the
 * dashboard.
 */
import { z } from "zod";

export const MAX_HISTORY_ENTRIES = 400;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const historyEntrySchema = z.object({
  date: z.string().regex(DAY),
  met: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historySchema = z.array(historyEntrySchema);

const OPEN = "<!-- plan-align:history ";
const CLOSE = " -->";

/** The block to put in a dashboard body. `-->` cannot occur in the JSON of numbers and days. */
export function historyBlock(entries: readonly HistoryEntry[]): string {
  return `${OPEN}${JSON.stringify(entries)}${CLOSE}`;
}

/**
 * The history a text holds: the entries of a readable block (sorted by day, one per day,
 * the newest 400), or an empty history when there is no block or it cannot be read.
 */
export function readHistory(text: string | null | undefined): HistoryEntry[] {
  const body = text ?? "";
  const start = body.indexOf(OPEN);
  if (start < 0) return [];
  const end = body.indexOf(CLOSE, start + OPEN.length);
  if (end < 0) return [];
  return parseHistoryJson(body.slice(start + OPEN.length, end)) ?? [];
}

/** A JSON array of entries (a `--history FILE`, or a block's content); null when unreadable. */
export function parseHistoryJson(json: string): HistoryEntry[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) return null;
  return normalise(parsed.data);
}

/** The history with `entry` recorded: it replaces an entry of the same day. */
export function recordDay(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return normalise([...history.filter((e) => e.date !== entry.date), entry]);
}

/** Sorted by day, the last entry of a day kept, the newest MAX_HISTORY_ENTRIES. */
function normalise(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const byDay = new Map<string, HistoryEntry>();
  for (const e of entries) byDay.set(e.date, { date: e.date, met: e.met, total: e.total });
  return [...byDay.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .slice(-MAX_HISTORY_ENTRIES);
}
