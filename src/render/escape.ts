/**
 * The one escaper for text from the plan and from GitHub (titles, messages, details, paths)
 * on its way into Markdown or Mermaid: characters Markdown or HTML would act on are escaped,
 * and line breaks never survive, so a title cannot open a heading, break a table row, inject
 * `<details>` or end a code fence.
 *
 * Markdown goes to two kinds of places, and they differ in one thing, `@`:
 *  - `mdText`: the check run's summary, the Action's job summary and `report --format
 *    markdown`. GitHub sends no notification from these, so `@alice` and `#12` stay links.
 *  - `mdIssueText`: issue bodies and comments (the dashboard). There an `@alice` or
 *    `@org/team` notifies them, and the dashboard is edited on every push: a zero-width space
 *    after each `@` keeps the text and drops the mention.
 * HTML and SVG (`report --format html`, the badge) are a third context: `escapeHtml`.
 * Everything else (`code`, `bold`, `clip`) is the same in both Markdown variants. Inline text is one line:
 * line breaks and other white space fold into one space, as Markdown folds them inside a
 * paragraph; every other control character (ESC, BEL, bidi overrides) is shown escaped
 * (`\u001b`, see model/visible-text.ts) rather than passed to the page.
 */

import { visible } from "../model/visible-text.ts";

/** Inline Markdown text for a report (check run, job summary): mentions stay links. */
export function mdText(text: string, maxChars?: number): string {
  return escapeInline(text, maxChars);
}

/** Inline Markdown text for an issue body or comment: no @-mention notifies anyone. */
export function mdIssueText(text: string, maxChars?: number): string {
  return escapeInline(text, maxChars).replace(/@/g, "@\u200b");
}

function escapeInline(text: string, maxChars: number | undefined): string {
  const flat = visible(text.replace(/\s+/g, " ")).trim();
  const clipped = maxChars === undefined ? flat : clip(flat, maxChars);
  // `#` stays as it is so `#12` still links; nothing here starts a line.
  return clipped.replace(/&/g, "&amp;").replace(/[\\`*_{}[\]<>|~]/g, (c) => `\\${c}`);
}

/** An inline code span that survives backticks in its content. */
export function code(text: string): string {
  const flat = visible(text.replace(/\s+/g, " "));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export function bold(text: string): string {
  return `**${text}**`;
}

/** Shortens to `max` characters (code points, so no emoji is cut in half), marking the cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
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
  const cut = clip(kept, maxLength);
  if (cut === "") return fallback;
  // A line starting with a keyword ("section x", "click x") would be read as that statement.
  return GANTT_KEYWORD.test(cut) ? `▸ ${cut}` : cut;
}

const GANTT_KEYWORD =
  /^(click|title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|inclusiveenddates|topaxis|displaymode|acctitle|accdescr|gantt)\b/i;

/**
 * Text and attribute values in HTML and SVG (XML): the five characters that have meaning
 * escaped, and control characters shown escaped (XML forbids most of them outright, so one
 * would make the SVG unreadable). Tabs and line breaks stay: HTML folds them into a space.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[^\t\n\r]+/g, visible)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
