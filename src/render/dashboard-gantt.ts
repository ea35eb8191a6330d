/**
 * The Mermaid `gantt` chart of the plan's milestones on the dashboard. Milestones are
 * zero-duration checkpoints, so each is a Mermaid `milestone` task: done when achieved,
 * `crit` (red) when overdue or at risk.
 */

import type { MilestoneResult } from "../model/report.ts";
import { mdIssueText, mermaidText } from "./escape.ts";

/** Beyond this, a chart is unreadable and only costs body size. */
export const GANTT_MAX_MILESTONES = 100;

export function renderGantt(milestones: MilestoneResult[]): string {
  // A milestone without a date has no place on a time axis: it is listed apart, below.
  const dated = milestones.filter((m): m is MilestoneResult & { due: string } => m.due !== null);
  const undated = milestones.filter((m) => m.due === null);
  const apart = undatedNote(undated);
  const rows = dated
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id))
    .slice(0, GANTT_MAX_MILESTONES);
  if (rows.length === 0) return apart;
  const lines = [
    "```mermaid",
    "gantt",
    "  title Milestones",
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %Y-%m-%d",
    "  section Plan",
  ];
  rows.forEach((m, i) => {
    const tags = [m.achieved ? "done" : m.overdue || m.atRisk ? "crit" : null, "milestone"];
    const fields = [...tags.filter((t) => t !== null), `m${i + 1}`, m.due, "0d"];
    lines.push(`  ${mermaidText(m.title, m.id)} :${fields.join(", ")}`);
  });
  lines.push("```");
  const more = dated.length - rows.length;
  if (more > 0)
    lines.push(
      "",
      `_The chart shows the first ${rows.length} milestones by date; ${more} more are listed below._`,
    );
  if (apart !== "") lines.push("", apart);
  return lines.join("\n");
}

/** "Without a date (not on the chart): A, B" — or "" when every milestone has a date. */
function undatedNote(undated: MilestoneResult[]): string {
  if (undated.length === 0) return "";
  const names = undated.slice(0, 20).map((m) => mdIssueText(m.title));
  const more = undated.length > 20 ? ` and ${undated.length - 20} more` : "";
  return `_Without a date (not on the chart, never at risk or overdue): ${names.join(", ")}${more}._`;
}
