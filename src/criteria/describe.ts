/** What a criterion is called and what it reads, whatever its kind. */
import type { Needs, ObjectiveTitle } from "./kind.ts";
import { type Criterion, kindOf } from "./registry.ts";

/** The name a criterion is shown under: its `name:`, or the one its kind generates. */
export function criterionName(
  criterion: Criterion,
  objectiveTitle: ObjectiveTitle = () => undefined,
): string {
  return criterion.name ?? kindOf(criterion).name({ criterion, objectiveTitle });
}

/** Adds to `needs` what the loader must read to evaluate `criterion`. */
export function addCriterionNeeds(criterion: Criterion, needs: Needs): void {
  kindOf(criterion).needs({ criterion, needs });
}
