import type { WarningCode } from "../model/report.ts";

/** How each pull-request warning code is named to a reader. */
export const WARNING_TITLES: Record<WarningCode, string> = {
  unlinked: "Unlinked",
  "milestone-mismatch": "Milestone mismatch",
  overdue: "Overdue",
  "at-risk": "At risk",
  "plan-changed": "Plan changed",
  "plan-weakened": "Plan weakened",
  "plan-invalid": "Plan invalid",
  "already-done": "Already done",
};
