/** Evaluates one criterion of a deliverable through its kind. */
import type { CriterionResult } from "../model/report.ts";
import type { CriterionContext } from "./context.ts";
import { criterionName } from "./describe.ts";
import { type Criterion, kindOf } from "./registry.ts";
import type { DeliverableRef } from "./snapshot-index.ts";

export function evaluateCriterion(params: {
  ctx: CriterionContext;
  deliverable: DeliverableRef;
  criterion: Criterion;
}): CriterionResult {
  const { ctx, deliverable, criterion } = params;
  const kind = kindOf(criterion);
  const name = criterionName(criterion, (id) => ctx.objective(id)?.title);
  const outcome = kind.evaluate({ ctx, deliverable, criterion });
  // Built field by field (not spread): one object per criterion, at thousands of criteria.
  const result: CriterionResult = {
    kind: kind.key,
    name,
    met: outcome.met,
    detail: outcome.detail,
  };
  if (outcome.refs !== undefined) result.refs = outcome.refs;
  return result;
}
