/**
 * Calendar days in the plan's time zone (`settings.timezone`, an IANA zone; default UTC).
 * Every day boundary — due, overdue, at risk, stale, the day a milestone was achieved, the day
 * of a history entry — is the day of that instant in this zone: a milestone due 2026-04-01 in
 * America/Los_Angeles is overdue from 2026-04-02 00:00 there (07:00 UTC).
 */

export const DEFAULT_TIME_ZONE = "UTC";

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Whether `name` is an IANA time zone this runtime knows (`Europe/London`, `UTC`, also
 * aliases such as `US/Pacific`). UTC offsets (`+01:00`) are not zones: they have no daylight
 * saving time rules, so they are refused.
 */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) {
    return false;
  }
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The IANA zones this runtime knows, for did-you-mean suggestions. */
export function knownTimeZones(): string[] {
  return [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone")];
}

interface LocalParts {
  day: string;
  time: string;
}

/**
 * Recent answers of `localParts`: an evaluation asks about the same few instants (its "now",
 * the due days) once per milestone, and each answer costs an Intl formatting. Bounded.
 */
const recentParts = new Map<string, LocalParts>();
const MAX_RECENT_PARTS = 1_000;

function localParts(ms: number, timeZone: string): LocalParts {
  const key = `${ms} ${timeZone}`;
  let parts = recentParts.get(key);
  if (!parts) {
    if (recentParts.size >= MAX_RECENT_PARTS) recentParts.clear();
    parts = formatParts(ms, timeZone);
    recentParts.set(key, parts);
  }
  return parts;
}

function formatParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  const year = (parts.year ?? "").padStart(4, "0");
  return {
    day: `${year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** `YYYY-MM-DD`: the calendar day in `timeZone` of an instant (ms or ISO timestamp). */
export function dayIn(instant: number | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  return localParts(ms, timeZone).day;
}

/** `YYYY-MM-DD HH:MM <zone>`: an instant as a person in `timeZone` reads it. */
export function instantIn(instant: number | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  const { day, time } = localParts(ms, timeZone);
  return `${day} ${time} ${timeZone}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, or NaN when it is not one. */
export function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The day number (see `dayNumber`) of an instant's calendar day in `timeZone`. */
export function dayNumberIn(
  instant: number | string,
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return Number.NaN;
  return dayNumber(localParts(ms, timeZone).day);
}

/** `YYYY-MM-DD` of a day number. */
export function dayOfNumber(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}
