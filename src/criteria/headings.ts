/**
 * The Markdown headings of a file, read with the `marked` lexer so that a `#` line inside a
 * code block, or a heading-looking line in an indented block, does not count. Headings in
 * block quotes and list items are headings too.
 *
 * Only the block level is lexed (inline lexing of every paragraph is most of marked's cost
 * and headings do not need it); a heading's own inline text is lexed only when it holds
 * markup, to compare what a reader sees (`**Bold** title` → `Bold title`).
 */
import { Lexer, type Token } from "marked";

/** How headings are compared: trimmed and case-insensitive. */
export function normalizeHeading(text: string): string {
  return text.trim().toLowerCase();
}

const MARKUP = /[*_`[\]<>\\&~!]/;

/** Plain text of inline tokens: emphasis and links read as their text, tags dropped. */
function plainText(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  let out = "";
  for (const t of tokens) {
    if (t.type === "html") continue;
    if (t.type === "br") out += " ";
    else if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length > 0) {
      out += plainText(t.tokens);
    } else if ("text" in t && typeof t.text === "string") out += t.text;
  }
  return out;
}

function collect(lexer: Lexer, tokens: Token[], into: Set<string>): void {
  for (const t of tokens) {
    if (t.type === "heading") {
      // Both spellings count: the source text and what a reader sees.
      into.add(normalizeHeading(t.text));
      if (MARKUP.test(t.text))
        into.add(normalizeHeading(plainText(lexer.inlineTokens(t.text, []))));
    } else if (t.type === "blockquote") {
      collect(lexer, t.tokens ?? [], into);
    } else if (t.type === "list") {
      for (const item of t.items) collect(lexer, item.tokens ?? [], into);
    }
  }
}

/** The normalised headings (levels 1–6) of a Markdown text. */
export function markdownHeadings(text: string): Set<string> {
  const headings = new Set<string>();
  const lexer = new Lexer({ gfm: true });
  // As Lexer.lex does before lexing: one kind of line break.
  collect(lexer, lexer.blockTokens(text.replace(/\r\n?/g, "\n"), []), headings);
  return headings;
}
