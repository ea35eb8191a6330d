/**
 * Deliverables: a label GitHub accepts and no other deliverable uses, a known objective,
 * and the warnings for work with no date (in no milestone) or no purpose (no objective).
 */
import { LABEL_NAME_CHARS } from "../../model/github-limits.ts";
import { deliverableLabel } from "../../model/names/labels.ts";
import { tracedByCriterion } from "./criteria.ts";
import type { PlanEntries } from "./plan-entries.ts";
import { type Entry, idPath, name, type Rules, text } from "./rule-context.ts";

function checkLabel(rules: Rules, deliverable: Entry, labels: Map<string, Entry>): void {
  const explicit = text(deliverable.raw.label);
  const label =
    explicit ??
    (deliverable.id === undefined ? undefined : deliverableLabel({ id: deliverable.id }));
  const labelPath = explicit === undefined ? idPath(deliverable) : [...deliverable.path, "label"];
  if (explicit === undefined && label !== undefined && label.length > LABEL_NAME_CHARS) {
    rules.error(
      labelPath,
      "label-too-long",
      `${name("deliverable", deliverable)}: its default label "${label}" is longer than GitHub's ${LABEL_NAME_CHARS} characters — set a shorter "label"`,
    );
  }
  if (explicit !== undefined && explicit.length > 0 && explicit.trim() === "") {
    rules.error(
      labelPath,
      "blank-label",
      `${name("deliverable", deliverable)}: "label" is blank — GitHub needs a label name; set one, or remove "label" to use the default deliverable:${deliverable.id ?? "<id>"}`,
    );
  } else if (label !== undefined && label.length > 0) {
    // GitHub treats label names case-insensitively.
    const key = label.toLowerCase();
    const first = labels.get(key);
    if (first) {
      rules.error(
        labelPath,
        "duplicate-label",
        `${name("deliverable", deliverable)} has the label "${label}", already used by ${name("deliverable", first)} — each deliverable needs its own label; set a different "label"`,
      );
    } else labels.set(key, deliverable);
  }
}

function checkObjective(rules: Rules, plan: PlanEntries, deliverable: Entry): void {
  const objective = text(deliverable.raw.objective);
  if (objective !== undefined && !plan.objectiveById.has(objective)) {
    const hint =
      rules.suggest(objective, plan.objectiveById.keys()) ||
      " — it must be the id of an objective under a goal";
    rules.error(
      [...deliverable.path, "objective"],
      "unknown-objective",
      `${name("deliverable", deliverable)} serves unknown objective "${objective}"${hint}`,
    );
  }
}

function checkTraced(rules: Rules, plan: PlanEntries, deliverable: Entry): void {
  if (deliverable.id !== undefined && (plan.listings.get(deliverable.id) ?? []).length === 0) {
    rules.warn(
      idPath(deliverable),
      "deliverable-without-milestone",
      `${name("deliverable", deliverable)} is in no milestone, so it has no date — list it under a milestone's "deliverables"`,
    );
  }
  if (text(deliverable.raw.objective) === undefined && !tracedByCriterion(plan, deliverable)) {
    rules.warn(
      idPath(deliverable),
      "deliverable-without-objective",
      `${name("deliverable", deliverable)} is not traced to an objective — add "objective: <objective id>" to say what it serves`,
    );
  }
}

export function checkDeliverables(rules: Rules, plan: PlanEntries): void {
  const labels = new Map<string, Entry>();
  for (const deliverable of plan.deliverables) {
    checkLabel(rules, deliverable, labels);
    checkObjective(rules, plan, deliverable);
    checkTraced(rules, plan, deliverable);
  }
}
