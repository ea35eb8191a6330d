/** Ids unique within goals, objectives, milestones and deliverables. */
import type { PlanEntries } from "./plan-entries.ts";
import { type Entry, idPath, type Rules } from "./rule-context.ts";

function uniqueIds(rules: Rules, kind: string, plural: string, list: Entry[]): void {
  const byId = new Map<string, Entry>();
  for (const entry of list) {
    if (entry.id === undefined) continue;
    const first = byId.get(entry.id);
    if (first) {
      rules.error(
        idPath(entry),
        "duplicate-id",
        `${kind} id "${entry.id}" is used twice (first on line ${rules.line(idPath(first))}) — ids must be unique among ${plural}; rename one`,
      );
    } else byId.set(entry.id, entry);
  }
}

export function checkIds(rules: Rules, plan: PlanEntries): void {
  uniqueIds(rules, "goal", "goals", plan.goals);
  uniqueIds(rules, "objective", "objectives", plan.objectives);
  uniqueIds(rules, "milestone", "milestones", plan.milestones);
  uniqueIds(rules, "deliverable", "deliverables", plan.deliverables);
}
