/** Due dates that are real days of the calendar (the schema checks the YYYY-MM-DD shape). */
import { isDateString, isRealDate } from "../dates.ts";
import type { PlanEntries } from "./plan-entries.ts";
import { type Entry, name, type Rules } from "./rule-context.ts";

function checkDate(rules: Rules, kind: string, entry: Entry): void {
  const due = entry.raw.due;
  if (typeof due === "string" && isDateString(due) && !isRealDate(due)) {
    rules.error(
      [...entry.path, "due"],
      "invalid-date",
      `${name(kind, entry)}: "due" ${due} is not a day of the calendar — use a real date YYYY-MM-DD`,
    );
  }
}

export function checkDates(rules: Rules, plan: PlanEntries): void {
  for (const objective of plan.objectives) checkDate(rules, "objective", objective);
  for (const milestone of plan.milestones) checkDate(rules, "milestone", milestone);
}
