/**
 * Stale measures (`max_age_days`): objectives whose data stopped arriving. A dashboard that
 * silently drops a measure looks healthy when it is not, so they get their own section, and
 * every report says it beside the objective.
 */
import type { ObjectiveResult, Report } from "../model/report.ts";

/** "no longer reporting since 2026-02-01" (or "…: last change unknown"). */
export function staleWords(o: Pick<ObjectiveResult, "stale" | "staleSince">): string {
  if (!o.stale) return "";
  return o.staleSince
    ? `no longer reporting since ${o.staleSince}`
    : "no longer reporting (last change unknown)";
}

/** ` — ⏸ no longer reporting since DATE` after an objective, or "". */
export function staleNote(o: Pick<ObjectiveResult, "stale" | "staleSince">): string {
  return o.stale ? ` — ⏸ ${staleWords(o)}` : "";
}

/**
 * The "No longer reporting" section in Markdown (`heading` is `###` in the check run, `##` on
 * the dashboard), or "" when every measure is fresh. `text` escapes plan text for its target.
 */
export function noLongerReportingSection(params: {
  report: Report;
  heading: string;
  text: (s: string) => string;
}): string {
  const stale = params.report.objectives.filter((o) => o.stale);
  if (stale.length === 0) return "";
  return [
    `${params.heading} No longer reporting`,
    "",
    "These measures' data is older than their `max_age_days` (or undated), so they count as not met.",
    "",
    ...stale.map((o) => `- ⏸ **${params.text(o.title)}** — ${params.text(o.detail)}`),
  ].join("\n");
}
