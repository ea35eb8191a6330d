/**
 * Text from a plan or a pull request (ids, titles, paths, branch names, messages quoting
 * them) is shown with its control characters made visible: `\n`, `\r`, `\t`, `\u001b`, …
 * A raw line break would let a plan value print a forged `FILE:LINE:COL: warning:` line,
 * or a workflow command (`::error …`) in an Action log; ESC starts terminal escape
 * sequences; a bidirectional override (U+202A–U+202E, U+2066–U+2069) makes text read
 * differently from what it is. Every renderer (terminal lines, Markdown, annotations, log
 * lines, finding lines) passes text through here, so no layer can forget one character.
 *
 * A backslash is left as it is: the output stays readable (Windows paths, regular
 * expressions), and what matters here is that no character acts on the display.
 */

/** C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F), line/paragraph separators, bidi controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = {
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\v": "\\v",
  "\f": "\\f",
  "\r": "\\r",
};

/** `text` with every control character written as a visible escape (`\n`, `\u001b`). */
export function visible(text: string): string {
  return text.replace(
    CONTROL,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
