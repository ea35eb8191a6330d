/**
 * Checks on the raw text before YAML parsing: size, encoding damage and stray byte order
 * marks. They work on the string the caller decoded, so they stay free of any I/O.
 */
import type { Finding } from "../model/findings.ts";

/** The largest plan accepted, in UTF-8 bytes (docs/plan-format.md). */
export const MAX_PLAN_BYTES = 1024 * 1024;

const BOM = "\uFEFF";
const REPLACEMENT = "\uFFFD";

/** UTF-8 length of a string, stopping early once it passes `limit`. */
export function utf8Length(params: { text: string; limit?: number }): number {
  const { text } = params;
  const limit = params.limit ?? Number.POSITIVE_INFINITY;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > limit) return bytes;
  }
  return bytes;
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function linePosition(params: { text: string; offset: number }): {
  line: number;
  column: number;
} {
  const { text } = params;
  const offset = Math.max(0, Math.min(params.offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The text without a leading byte order mark, which editors do not count as a column. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Findings about the text itself (after a leading BOM has been stripped). */
export function textFindings(params: { text: string }): Finding[] {
  const { text } = params;
  const findings: Finding[] = [];
  const damaged = text.indexOf(REPLACEMENT);
  if (damaged >= 0) {
    let count = 0;
    for (const ch of text) if (ch === REPLACEMENT) count++;
    findings.push({
      severity: "error",
      code: "not-utf8",
      ...linePosition({ text, offset: damaged }),
      message:
        `the file is not valid UTF-8: ${count} byte sequence${count === 1 ? "" : "s"} could not be decoded ` +
        "(shown as U+FFFD) — save the file with UTF-8 encoding",
    });
  }
  const strayBom = text.indexOf(BOM);
  if (strayBom >= 0) {
    findings.push({
      severity: "error",
      code: "stray-bom",
      ...linePosition({ text, offset: strayBom }),
      message:
        "a byte order mark (U+FEFF) in the middle of the file, often left by joining two files — delete it",
    });
  }
  return findings;
}
