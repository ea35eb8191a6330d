import { orderedReport, type Report } from "../model/report.ts";

/**
 * The JSON report with a stable key order, 2-space indented, newline at the end. Keys come in
 * the order of the report's schema (src/model/report.ts), whatever order the objects were
 * built in, so reports diff cleanly and golden files stay put.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(orderedReport(report), null, 2)}\n`;
}
