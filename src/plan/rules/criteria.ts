/**
 * Deliverables' criteria: at least one, and each kind's own cross-reference rules (e.g. an
 * `objective:` criterion naming an objective that has a measure). The shape of a single
 * criterion is checked earlier, in criteria-findings.ts.
 */
import type { CriterionKind, ValidationRefs } from "../../criteria/kind.ts";
import { kindByKey } from "../../criteria/registry.ts";
import { isRecord } from "../describe.ts";
import type { PlanEntries } from "./plan-entries.ts";
import { type Entry, name, type Rules } from "./rule-context.ts";

/** The kinds whose key a (raw) criterion carries; several is an error reported elsewhere. */
function kindsIn(criterion: Record<string, unknown>): CriterionKind[] {
  return Object.keys(criterion).flatMap((key) => kindByKey(key) ?? []);
}

function criteriaOf(deliverable: Entry): Record<string, unknown>[] {
  const criteria = deliverable.raw.criteria;
  return Array.isArray(criteria) ? criteria : [];
}

/** Whether one of the deliverable's criteria traces it to an objective that has a measure. */
export function tracedByCriterion(plan: PlanEntries, deliverable: Entry): boolean {
  return criteriaOf(deliverable).some(
    (criterion) =>
      isRecord(criterion) &&
      kindsIn(criterion).some((kind) => {
        const traced = kind.traces?.(criterion);
        return traced !== undefined && plan.objectiveById.get(traced)?.raw.measure !== undefined;
      }),
  );
}

export function checkCriteria(rules: Rules, plan: PlanEntries): void {
  const refs: ValidationRefs = {
    objectives: new Map(
      [...plan.objectiveById].map(([id, entry]) => [
        id,
        { hasMeasure: entry.raw.measure !== undefined },
      ]),
    ),
    suggest: ({ input, candidates }) => rules.suggest(input, candidates),
  };
  for (const deliverable of plan.deliverables) {
    const criteria = deliverable.raw.criteria;
    if (Array.isArray(criteria) && criteria.length === 0) {
      rules.error(
        [...deliverable.path, "criteria"],
        "deliverable-without-criteria",
        `${name("deliverable", deliverable)} has no criteria — say what proves it is done, e.g. "- issues: closed"`,
      );
    }
    criteriaOf(deliverable).forEach((criterion, j) => {
      if (!isRecord(criterion)) return;
      const path = [...deliverable.path, "criteria", j];
      const subject = `${name("deliverable", deliverable)} criterion ${j + 1}`;
      for (const kind of kindsIn(criterion)) {
        for (const problem of kind.validate?.({ criterion, subject, refs }) ?? []) {
          const at = [...path, problem.key];
          if (problem.severity === "error") rules.error(at, problem.code, problem.message);
          else rules.warn(at, problem.code, problem.message);
        }
      }
    });
  }
}
