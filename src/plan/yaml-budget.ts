/**
 * Bounds the work of reading a plan before the YAML document is built. Building a document
 * costs the `yaml` package many times what reading its tokens costs (a one-line list of
 * 524,000 items took 15 s and 670 MB), and some shapes cost it quadratic time (many
 * `a: b: c` entries in one `[…]` list), while its Lexer reads any file of the size limit in
 * a fraction of a second. So the tokens are counted as the Lexer reads them, before the
 * parser sees them, and a plan with more values than any real plan has, or one `[…]`/`{…}`
 * with more entries than a plan writes on one line, is refused at the place it goes over —
 * the document is never built.
 */
import { CST } from "yaml";
import type { Finding } from "../model/findings.ts";
import { formatCount } from "../model/words.ts";

/**
 * Keys, values and indicators a plan may hold. Real plans have a few thousand (the canteen
 * example: 259); 100,000 admit about 6,000 deliverables written tersely, or 2,300 of the fuller
 * kind the benchmarks generate (paths, several criteria). Reading a plan costs about 1 KB of memory a token while
 * its document is built, so this bounds what one pull request's plan can cost the App.
 */
export const MAX_YAML_TOKENS = 100_000;
/** Entries of one flow collection (`[a, b]` or `{a: 1}`). */
export const MAX_FLOW_ENTRIES = 1_000;

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Counts the Lexer's tokens of `text` as they pass, for a reader that lexes once: `take` is
 * given each token in order and returns a finding at the first one over the budget.
 */
export function tokenBudget(text: string): { take(token: string): Finding | undefined } {
  let offset = 0;
  let tokens = 0;
  /** Open `[…]`/`{…}`: entries so far, and `key:` indicators in the current entry. */
  const flows: { entries: number; colons: number }[] = [];
  return {
    take(token) {
      const type = CST.tokenType(token);
      const at = offset;
      switch (type) {
        // Not in the source text.
        case "doc-mode":
        case "flow-error-end":
        case "scalar":
          return undefined;
        // In the text, but no value.
        case "space":
        case "newline":
        case "comment":
        case "byte-order-mark":
          offset += token.length;
          return undefined;
      }
      offset += token.length;
      if (++tokens > MAX_YAML_TOKENS) {
        return {
          severity: "error",
          code: "plan-too-complex",
          ...position(text, at),
          message: `the plan holds more than ${formatCount(MAX_YAML_TOKENS)} YAML keys, values and indicators, more than a plan needs and more than plan-align reads — split it, or move long lists out of it`,
        };
      }
      const flow = flows[flows.length - 1];
      if (type === "flow-seq-start" || type === "flow-map-start")
        flows.push({ entries: 0, colons: 0 });
      else if (type === "flow-seq-end" || type === "flow-map-end") flows.pop();
      else if (type === "map-value-ind" && flow && ++flow.colons > 1) {
        // Invalid YAML, and the one shape whose parsing cost grows much faster than the file.
        return {
          severity: "error",
          code: "yaml-syntax",
          ...position(text, at),
          message:
            'a second "key:" in one entry of [...] or {...} — an entry holds one "key: value"; separate entries with ",", or quote a value that contains ": "',
        };
      } else if (type === "comma" && flow) {
        flow.colons = 0;
        if (++flow.entries >= MAX_FLOW_ENTRIES) {
          return {
            severity: "error",
            code: "plan-too-complex",
            ...position(text, at),
            message: `this [...] or {...} holds more than ${formatCount(MAX_FLOW_ENTRIES)} entries, more than a plan writes on one line — write the entries as a list with one "- " per line, or shorten it`,
          };
        }
      }
      return undefined;
    },
  };
}
