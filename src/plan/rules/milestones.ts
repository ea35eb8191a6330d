/**
 * Milestones: the deliverables they list (known, once each, in one milestone only) and the
 * milestones they require (known, not due later).
 */
import { isRealDate } from "../dates.ts";
import type { PlanEntries } from "./plan-entries.ts";
import { type Entry, name, type Rules, references, text } from "./rule-context.ts";

/** " — that is the title of …; list its id" when `ref` is an entry's title, not its id. */
function byTitle(byTitles: Map<string, Entry>, ref: string): string {
  const entry = byTitles.get(ref.trim().toLowerCase());
  return entry
    ? ` — that is the title of "${entry.id}"; references use ids: write ${entry.id}`
    : "";
}

function checkDeliverableList(rules: Rules, plan: PlanEntries, milestone: Entry): void {
  const list = milestone.raw.deliverables;
  if (Array.isArray(list) && list.length === 0) {
    rules.error(
      [...milestone.path, "deliverables"],
      "milestone-without-deliverables",
      `${name("milestone", milestone)} has no deliverables — nothing can prove it is achieved; list at least one deliverable id`,
    );
  }
  const seenHere = new Set<string>();
  for (const ref of references(milestone, "deliverables")) {
    if (!plan.deliverableById.has(ref.value)) {
      const hint =
        rules.suggest(ref.value, plan.deliverableById.keys()) ||
        byTitle(plan.deliverableByTitle, ref.value) ||
        ' — define it under "deliverables" or correct the id';
      rules.error(
        ref.path,
        "unknown-deliverable",
        `${name("milestone", milestone)} lists unknown deliverable "${ref.value}"${hint}`,
      );
      continue;
    }
    if (seenHere.has(ref.value)) {
      rules.warn(
        ref.path,
        "duplicate-reference",
        `${name("milestone", milestone)} lists deliverable "${ref.value}" twice — remove one`,
      );
      continue;
    }
    seenHere.add(ref.value);
    const first = plan.listings.get(ref.value)?.[0];
    if (first !== undefined && first.path[1] !== milestone.path[1]) {
      const other = plan.milestoneByPlace.get(first.path[1]);
      const otherName = other ? name("milestone", other) : "another milestone";
      rules.error(
        ref.path,
        "deliverable-in-two-milestones",
        `deliverable "${ref.value}" is listed under ${otherName} and ${name("milestone", milestone)} — a deliverable proves one milestone; remove it from one (use "requires" to order the milestones)`,
      );
    }
  }
}

function checkRequires(rules: Rules, plan: PlanEntries, milestone: Entry): void {
  const due = text(milestone.raw.due);
  for (const ref of references(milestone, "requires")) {
    const required = plan.milestoneById.get(ref.value);
    if (!required) {
      const hint =
        rules.suggest(ref.value, plan.milestoneById.keys()) ||
        byTitle(plan.milestoneByTitle, ref.value) ||
        ' — it must be the id of a milestone under "milestones"';
      rules.error(
        ref.path,
        "unknown-milestone",
        `${name("milestone", milestone)} requires unknown milestone "${ref.value}"${hint}`,
      );
      continue;
    }
    const requiredDue = text(required.raw.due);
    if (
      due !== undefined &&
      requiredDue !== undefined &&
      isRealDate(due) &&
      isRealDate(requiredDue) &&
      requiredDue > due
    ) {
      rules.warn(
        ref.path,
        "requires-later-milestone",
        `${name("milestone", milestone)} (due ${due}) requires milestone "${ref.value}", which is due later (${requiredDue}) — it cannot be achieved on time; move one of the dates`,
      );
    }
  }
}

export function checkMilestones(rules: Rules, plan: PlanEntries): void {
  for (const milestone of plan.milestones) {
    checkDeliverableList(rules, plan, milestone);
    checkRequires(rules, plan, milestone);
  }
}
