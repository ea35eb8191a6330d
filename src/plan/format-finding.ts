import type { Finding } from "../model/findings.ts";
import { visible } from "../model/visible-text.ts";

/**
 * `FILE:LINE:COL: error|warning: message`, one line whatever the plan holds: a
 * line break in a quoted plan value shows as `\n` and cannot print a line of its own.
 */
export function formatFinding(path: string, f: Finding): string {
  return visible(`${path}:${f.line}:${f.column}: ${f.severity}: ${f.message}`);
}
