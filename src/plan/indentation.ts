/**
 * Indentation slips — the mistake new users make most — in plain words. The `yaml` package
 * reports a key indented one space too far as "nested mappings are not allowed in compact
 * mappings", often two or three times and sometimes at column 1. When the YAML has errors,
 * the lines are read again here: each key or list item whose indentation matches no open
 * level (and that no line above opened a block for) is one slip, reported at its real line
 * and column with the line it should align with.
 */
import type { Finding } from "../model/findings.ts";
import { plural } from "../model/words.ts";

interface Level {
  column: number;
  line: number;
}

const KEY = /^(- +)?[^\s#'"[{|>-][^:#]*:(\s|$)|^- /;

/** Where a line's key starts, and whether it opens a block (`key:` with nothing after). */
function readLine(
  raw: string,
): { indent: number; key: number; opens: boolean; scalar: boolean } | undefined {
  const indent = raw.length - raw.trimStart().length;
  const content = raw.slice(indent);
  if (content === "" || content.startsWith("#") || !KEY.test(content)) return undefined;
  const dash = /^- +/.exec(content);
  const key = indent + (dash ? dash[0].length : 0);
  const value = content.replace(/\s+#.*$/, "").trimEnd();
  return {
    indent,
    key,
    opens: value.endsWith(":") || value === "-",
    scalar: /:\s*[|>][-+0-9]*$/.test(value),
  };
}

export function indentationSlips(text: string): Finding[] {
  const lines = text.split(/\r?\n/);
  const levels: Level[] = [{ column: 0, line: 0 }];
  const slips: Finding[] = [];
  let opened = false;
  let blockAbove: number | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const read = readLine(raw);
    if (blockAbove !== undefined) {
      if (raw.trim() === "" || raw.length - raw.trimStart().length > blockAbove) return;
      blockAbove = undefined;
    }
    if (!read) return;
    const top = levels[levels.length - 1] as Level;
    if (opened && read.indent > top.column) {
      levels.push({ column: read.indent, line });
    } else {
      const at = levels.findIndex((l) => l.column === read.indent);
      if (at >= 0) levels.length = at + 1;
      else {
        const near = levels.reduce((a, b) =>
          Math.abs(b.column - read.indent) <= Math.abs(a.column - read.indent) ? b : a,
        );
        const diff = read.indent - near.column;
        const shown = near.line > 0 ? `line ${near.line}` : "the top-level keys";
        slips.push({
          severity: "error",
          code: "yaml-syntax",
          line,
          column: read.indent + 1,
          message: `this line is indented ${plural(Math.abs(diff), "space")} ${diff > 0 ? "more" : "less"} than ${shown}; align it with ${shown} (${plural(near.column, "space")} from the left)`,
        });
        return;
      }
    }
    if (read.key > read.indent && !levels.some((l) => l.column === read.key)) {
      levels.push({ column: read.key, line });
    }
    opened = read.opens;
    if (read.scalar) blockAbove = read.indent;
  });
  return slips;
}
