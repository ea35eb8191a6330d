/**
 * The one state a milestone is shown in, worst first, and its colour: what the gantt, the
 * HTML page and the badge agree on.
 */
import type { MilestoneResult } from "../model/report.ts";

export type MilestoneState = "achieved" | "overdue" | "atRisk" | "forecastLate" | "onTrack";

export const STATE_WORDS: Record<MilestoneState, string> = {
  achieved: "achieved",
  overdue: "overdue",
  atRisk: "at risk",
  forecastLate: "forecast late",
  onTrack: "on track",
};

/** GitHub's Primer colours (success, danger, attention, severe, accent). */
export const STATE_COLORS: Record<MilestoneState, string> = {
  achieved: "#1a7f37",
  overdue: "#cf222e",
  atRisk: "#9a6700",
  forecastLate: "#bc4c00",
  onTrack: "#0969da",
};

export function milestoneState(
  m: Pick<MilestoneResult, "achieved" | "overdue" | "atRisk" | "forecastLate">,
): MilestoneState {
  if (m.achieved) return "achieved";
  if (m.overdue) return "overdue";
  if (m.atRisk) return "atRisk";
  if (m.forecastLate) return "forecastLate";
  return "onTrack";
}

/** Worst first: the order in which states outrank each other on a badge. */
export const STATE_RANK: readonly MilestoneState[] = [
  "overdue",
  "atRisk",
  "forecastLate",
  "onTrack",
  "achieved",
];
