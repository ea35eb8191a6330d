/**
 * The Mermaid `gantt` chart of the plan's milestones on the dashboard. Milestones are
 * zero-duration checkpoints, so each is a Mermaid `milestone` task, in one section per goal
 * (the goal its deliverables' objectives serve), its state both in its tags and in words:
 * achieved `done` (grey), overdue `crit` (red), at risk `crit, active` (red outline),
 * forecast late `active` (blue outline), on track plain. Today is marked twice: Mermaid's
 * own today line (the day the page is viewed) and a "today" checkpoint on the evaluation
 * day, so the axis always reaches it. Milestones without a date are listed under the chart.
 */

import type { MilestoneResult } from "../model/report.ts";
import { mdIssueText, mermaidText } from "./escape.ts";
import { milestoneState, STATE_WORDS } from "./milestone-state.ts";

/** Beyond this, a chart is unreadable and only costs body size. */
export const GANTT_MAX_MILESTONES = 100;

const TAGS = {
  achieved: ["done"],
  overdue: ["crit"],
  atRisk: ["crit", "active"],
  forecastLate: ["active"],
  onTrack: [],
} as const;

export interface GanttInput {
  milestones: MilestoneResult[];
  /** The evaluation day, `YYYY-MM-DD`. */
  today: string;
  /** The title of the goal a milestone serves (null: traced to no goal). */
  goalOf?: (m: MilestoneResult) => string | null;
}

export function renderGantt(input: GanttInput): string {
  const { milestones, today } = input;
  // `due` may be absent (a milestone without a date): those are listed apart.
  const dated = milestones.flatMap((m) => (m.due ? [{ m, due: m.due }] : []));
  const undated = milestones.filter((m) => !m.due);
  const rows = [...dated]
    .sort((a, b) => a.due.localeCompare(b.due) || a.m.id.localeCompare(b.m.id))
    .slice(0, GANTT_MAX_MILESTONES);
  const apart = undatedLine(undated);
  if (rows.length === 0) return apart;
  const lines = [
    "```mermaid",
    "gantt",
    "  title Milestones (today marked)",
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %Y-%m-%d",
    "  todayMarker stroke-width:3px,stroke:#cf222e,opacity:0.7",
  ];
  const sections = new Map<string, { m: MilestoneResult; due: string }[]>();
  for (const row of rows) {
    const { m } = row;
    const goal = input.goalOf?.(m) ?? null;
    const name = goal === null ? "Not traced to a goal" : `Goal ${mermaidText(goal, "goal")}`;
    sections.set(name, [...(sections.get(name) ?? []), row]);
  }
  let n = 0;
  for (const [name, ms] of sections) {
    lines.push(`  section ${name}`);
    for (const { m, due } of ms) {
      const state = milestoneState(m);
      const fields = [...TAGS[state], "milestone", `m${++n}`, due, "0d"];
      lines.push(`  ${mermaidText(m.title, m.id)} (${STATE_WORDS[state]}) :${fields.join(", ")}`);
    }
  }
  lines.push("  section Today", `  today ${today} :milestone, today, ${today}, 0d`, "```");
  const more = dated.length - rows.length;
  if (more > 0)
    lines.push(
      "",
      `_The chart shows the first ${rows.length} milestones by date; ${more} more are listed below._`,
    );
  if (apart) lines.push("", apart);
  return lines.join("\n");
}

/** "Without a date (not on the chart): A, B" — or "" when every milestone has a date. */
function undatedLine(undated: MilestoneResult[]): string {
  if (undated.length === 0) return "";
  const names = undated.slice(0, 20).map((m) => mdIssueText(m.title));
  const more = undated.length > 20 ? ` and ${undated.length - 20} more` : "";
  return `_Without a date (not on the chart, never at risk or overdue): ${names.join(", ")}${more}._`;
}
