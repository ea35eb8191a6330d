/**
 * The Markdown headings of a file, read with the `marked` lexer so that a `#` line inside a
 * code block, or a heading-looking line in an indented block, does not count. Headings in
 * block quotes and list items are headings too.
 */
import { Lexer, type Token } from "marked";

/** How headings are compared: trimmed and case-insensitive. */
export function normalizeHeading(text: string): string {
  return text.trim().toLowerCase();
}

/** Plain text of a heading's inline tokens: `**Bold** title` → `Bold title`, tags dropped. */
function plainText(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  let out = "";
  for (const t of tokens) {
    if (t.type === "html") continue;
    if (t.type === "br") out += " ";
    else if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length > 0)
      out += plainText(t.tokens);
    else if ("text" in t && typeof t.text === "string") out += t.text;
  }
  return out;
}

function collect(tokens: Token[], into: Set<string>): void {
  for (const t of tokens) {
    if (t.type === "heading") {
      // Both spellings count: the source text (`**Bold** title`) and what a reader sees.
      into.add(normalizeHeading(t.text));
      into.add(normalizeHeading(plainText(t.tokens)));
    } else if (t.type === "blockquote") {
      collect(t.tokens ?? [], into);
    } else if (t.type === "list") {
      for (const item of t.items) collect(item.tokens ?? [], into);
    }
  }
}

/** The normalised headings (levels 1–6) of a Markdown text. */
export function markdownHeadings(text: string): Set<string> {
  const headings = new Set<string>();
  collect(Lexer.lex(text, { gfm: true }), headings);
  return headings;
}
