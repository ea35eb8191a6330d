/**
 * The Markdown headings of a file, read with the `marked` lexer so that a `#` line inside a
 * code block, or a heading-looking line in an indented block, does not count. Headings in
 * block quotes and list items are headings too.
 *
 * Only the block level is lexed (inline lexing of every paragraph is most of marked's cost
 * and headings do not need it); a heading's own inline text is lexed only when it holds
 * markup, to compare what a reader sees (`**Bold** title` → `Bold title`).
 *
 * Most documents are headings, paragraphs, simple lists and fenced code. Those are read by a
 * line scanner that follows marked's own rules for them (`quickHeadings`); anything else
 * (quotes, HTML, tables, indented code, setext underlines, tabs, …) goes to marked. A
 * property test holds the scanner to marked on generated documents.
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

/** Adds a heading's text. Both spellings count: the source text and what a reader sees. */
function addHeading(text: string, into: Set<string>, lexer: () => Lexer): void {
  into.add(normalizeHeading(text));
  if (MARKUP.test(text)) into.add(normalizeHeading(plainText(lexer().inlineTokens(text, []))));
}

function collect(lexer: Lexer, tokens: Token[], into: Set<string>): void {
  for (const t of tokens) {
    if (t.type === "heading") {
      addHeading(t.text, into, () => lexer);
    } else if (t.type === "blockquote") {
      collect(lexer, t.tokens ?? [], into);
    } else if (t.type === "list") {
      for (const item of t.items) collect(lexer, item.tokens ?? [], into);
    }
  }
}

const newLexer = () => new Lexer({ gfm: true });

/** The normalised headings (levels 1–6) of a Markdown text. */
export function markdownHeadings(text: string): Set<string> {
  // As Lexer.lex does before lexing: one kind of line break.
  const source = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  return quickHeadings(source) ?? lexedHeadings(source);
}

/** The headings of a text with `\n` line breaks, as marked's block lexer finds them. */
export function lexedHeadings(source: string): Set<string> {
  const headings = new Set<string>();
  const lexer = newLexer();
  collect(lexer, lexer.blockTokens(source, []), headings);
  return headings;
}

/** marked's ATX heading, on one line. */
const ATX = /^ {0,3}(#{1,6})(?=\s|$)(.*)$/;
/** A first character that starts no block of its own: the line is paragraph text. */
const PLAIN = /^[\p{L}\p{N}()"',.;?/@$%^{}!]/u;
/** A list item whose text is plain: `- text`, `* text`, `1. text`, `2) text`. */
const LIST_ITEM = /^(?:[*+-]|\d{1,9}[.)]) +(.)/;
const LIST_MARKER = /^(?:[*+-]|\d{1,9}[.)])(?: |$)/;
/** An opening fence: three or more backticks (none later on the line) or tildes. */
const FENCE = /^(`{3,}(?=[^`]*$)|~{3,})/;

/**
 * The headings of a document made only of ATX headings, paragraphs whose lines start plainly,
 * simple list items and fenced code, read line by line as marked reads them; null for
 * anything else, which marked reads. Lists and fences together go to marked too: a fence
 * inside a list item ends with the item.
 */
export function quickHeadings(source: string): Set<string> | null {
  // marked's `.` stops at these: a heading line holding one is not a heading there.
  if (source.includes("\u2028") || source.includes("\u2029")) return null;
  const headings = new Set<string>();
  let lexer: Lexer | undefined;
  const inline = () => {
    lexer ??= newLexer();
    return lexer;
  };
  let fence = "";
  let lists = false;
  let fences = false;
  for (const line of source.split("\n")) {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const rest = line.slice(indent);
    if (fence !== "") {
      // Closed by the same run or a longer one of its character, then only spaces.
      const tail = rest.slice(fence.length);
      if (
        indent <= 3 &&
        rest.startsWith(fence) &&
        (fence[0] === "`" ? /^`* *$/ : /^~* *$/).test(tail)
      ) {
        fence = "";
      }
      continue;
    }
    if (rest === "") continue;
    if (indent > 3 || rest.charCodeAt(0) === 9) return null;
    const first = rest[0] as string;
    if (first === "#") {
      const atx = ATX.exec(line);
      if (atx) addHeading(atxText(atx[2] as string), headings, inline);
      // `#tag` is paragraph text.
      continue;
    }
    if (first === "`" || first === "~") {
      const open = FENCE.exec(rest);
      if (open) {
        fence = open[1] as string;
        fences = true;
      } else if (first === "~") return null;
      continue;
    }
    if (LIST_MARKER.test(rest)) {
      const item = LIST_ITEM.exec(rest);
      if (!item || !PLAIN.test(item[1] as string)) return null;
      lists = true;
      continue;
    }
    if (!PLAIN.test(first)) return null;
  }
  return lists && fences ? null : headings;
}

/** The text of an ATX heading as marked gives it: trimmed, without a closing run of `#`. */
function atxText(raw: string): string {
  let text = raw.trim();
  if (text.endsWith("#")) {
    let end = text.length;
    while (end > 0 && text[end - 1] === "#") end--;
    const rest = text.slice(0, end);
    if (rest === "" || /[ \t]$/.test(rest)) text = rest.trim();
  }
  return text;
}
