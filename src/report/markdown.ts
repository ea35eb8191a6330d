import type { Report } from "./types.ts";

/** GitHub's limit on a check run's summary. */
export const CHECK_RUN_SUMMARY_LIMIT = 65_535;

/** The check run's Markdown summary; stays under `maxBytes` (UTF-8), cutting detail and saying so. */
export function renderMarkdown(report: Report, options: { maxBytes?: number } = {}): string {
  void report;
  void options;
  throw new Error("not implemented: renderMarkdown");
}
