/** Small wording helpers shared by the criterion details. */

const LIST_LIMIT = 10;

/** `#14, #15` — at most ten, then "and N more", so details stay readable on big projects. */
export function refList(numbers: number[]): string {
  const shown = numbers.slice(0, LIST_LIMIT).map((n) => `#${n}`);
  const more = numbers.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/** `"a", "b" and "c"` */
export function quotedList(items: string[]): string {
  const quoted = items.map((s) => JSON.stringify(s));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
