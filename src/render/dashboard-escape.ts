/**
 * Escaping for text that comes from users (plan titles, issue titles, criteria details)
 * before it goes into the dashboard issue. Why it matters: a title like `*` or `|` breaks a
 * table, `<details>` injects HTML, and `@team` would notify people on every dashboard edit.
 */

/** Markdown-safe inline text: no emphasis, links, HTML, table breaks or @-mentions. */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/@/g, "@\u200b"); // a zero-width space after @ keeps the text, drops the mention
}

/** Inline code that survives backticks in the text. */
export function mdCode(text: string): string {
  const clean = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/**
 * Text for a Mermaid gantt task or title. Mermaid gives `:` (field separator), `;`, `#`
 * (entity codes) and `%%` (comments) meaning, and a backtick run could close the Markdown
 * fence around the chart; so only letters, digits, spaces and plain punctuation are kept.
 */
export function mermaidText(text: string, fallback: string, maxLength = 60): string {
  const kept = text
    .replace(/[^\p{L}\p{N} .,\-_()/+!?'&]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut =
    [...kept].length > maxLength ? `${[...kept].slice(0, maxLength - 1).join("")}…` : kept;
  if (cut === "") return fallback;
  // A line starting with a keyword ("section x", "click x") would be read as that statement.
  return GANTT_KEYWORD.test(cut) ? `▸ ${cut}` : cut;
}

const GANTT_KEYWORD =
  /^(click|title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|inclusiveenddates|topaxis|displaymode|acctitle|accdescr|gantt)\b/i;

/** Shortens to `max` characters (code points), marking the cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
