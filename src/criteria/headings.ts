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

// Sticky patterns, tried at a line's first non-space character of the whole text: the scan
// makes no string per line.
/** What follows the `#` run of marked's ATX heading: a space of any kind, or the end. */
const ATX_END = /\s|$/y;
/** A first character that starts no block of its own: the line is paragraph text. */
const PLAIN = /[\p{L}\p{N}()"',.;?/@$%^{}!]/uy;
/** A list marker, and a list item whose text starts plainly (the class of `PLAIN`). */
const LIST_MARKER = /(?:[*+-]|\d{1,9}[.)])(?: |\n|$)/y;
const LIST_ITEM = /(?:[*+-]|\d{1,9}[.)]) +[\p{L}\p{N}()"',.;?/@$%^{}!]/uy;
/** An opening fence: three or more backticks (none later on the line) or tildes. */
const FENCE = /`{3,}(?=[^`\n]*(?:\n|$))|~{3,}/y;
/** The end of a closing fence: more of its character, then only spaces. */
const CLOSING_TAIL = { "`": /`* *(?:\n|$)/y, "~": /~* *(?:\n|$)/y };

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function testAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

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
  for (let start = 0; start <= source.length; ) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    let at = start;
    while (source.charCodeAt(at) === 32) at++;
    const indent = at - start;
    start = end + 1;
    if (fence !== "") {
      // Closed by the same run or a longer one of its character, then only spaces.
      if (
        indent <= 3 &&
        source.startsWith(fence, at) &&
        testAt(CLOSING_TAIL[fence[0] as "`" | "~"], source, at + fence.length)
      ) {
        fence = "";
      }
      continue;
    }
    if (at === end) continue;
    const first = source.charCodeAt(at);
    if (indent > 3 || first === 9) return null;
    if (first === 35 /* # */) {
      let hashes = 1;
      while (hashes < 7 && source.charCodeAt(at + hashes) === 35) hashes++;
      // Up to six, then a space of any kind or the end (`#tag` is paragraph text).
      if (hashes <= 6 && testAt(ATX_END, source, at + hashes)) {
        addHeading(atxText(source.slice(at + hashes, end)), headings, inline);
      }
      continue;
    }
    if (first === 96 /* ` */ || first === 126 /* ~ */) {
      const open = matchAt(FENCE, source, at);
      if (open) {
        fence = open[0];
        fences = true;
      } else if (first === 126) return null;
      continue;
    }
    if (testAt(LIST_MARKER, source, at)) {
      if (!testAt(LIST_ITEM, source, at)) return null;
      lists = true;
      continue;
    }
    if (!testAt(PLAIN, source, at)) return null;
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
