import type { Finding } from "../model/findings.ts";

/** `FILE:LINE:COL: error|warning: message` (DESIGN §2). */
export function formatFinding(path: string, f: Finding): string {
  return `${path}:${f.line}:${f.column}: ${f.severity}: ${f.message}`;
}
