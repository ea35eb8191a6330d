/**
 * The words every layer uses to say counts and lists, so a number or a list reads the same in
 * a criterion's detail, a finding, the check run, the dashboard and the terminal.
 */

const numberFormat = new Intl.NumberFormat("en-US");

/** 1850 → "1,850". */
export function formatCount(n: number): string {
  // Most counts are small: no separator to add, and no Intl call (evaluation says thousands).
  return Number.isInteger(n) && n > -1000 && n < 1000 ? String(n) : numberFormat.format(n);
}

/** `2 milestones`, `1 milestone`, `1,850 issues`. */
export function plural(n: number, singular: string, pluralForm?: string): string {
  return `${formatCount(n)} ${n === 1 ? singular : (pluralForm ?? `${singular}s`)}`;
}

/** "A", "A and B", "A, B and C". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** `"a", "b" and "c"` */
export function quotedList(items: readonly string[]): string {
  return joinAnd(items.map((s) => JSON.stringify(s)));
}
