import type { Finding } from "../model/findings.ts";

/** `FILE:LINE:COL: error|warning: message` (docs/plan-format.md). */
export function formatFinding(path: string, f: Finding): string {
  return `${path}:${f.line}:${f.column}: ${f.severity}: ${f.message}`;
}
