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
  return { kind: kind.key, name, ...kind.evaluate({ ctx, deliverable, criterion }) };
}
