/** Evaluates one criterion of a deliverable, whatever its kind. */

import type { CriterionResult } from "../../model/report.ts";
import type { Criterion, Deliverable } from "../../plan/schema.ts";
import { criterionKind } from "../../plan/schema.ts";
import type { EvaluationContext } from "../context.ts";
import { evaluateChecksCriterion } from "./checks.ts";
import { evaluateFileCriterion } from "./file.ts";
import { evaluateIssuesCriterion } from "./issues.ts";
import { criterionName } from "./names.ts";
import { evaluateObjectiveCriterion } from "./objective.ts";
import { evaluatePullRequestsCriterion } from "./pull-requests.ts";

export function evaluateCriterion(params: {
  ctx: EvaluationContext;
  deliverable: Deliverable;
  criterion: Criterion;
}): CriterionResult {
  const { ctx, deliverable, criterion } = params;
  const kind = criterionKind(criterion);
  const name = criterionName(criterion, (id) => ctx.objectives.get(id)?.objective.title);
  let result: Omit<CriterionResult, "name" | "kind">;
  if ("issues" in criterion) {
    result = evaluateIssuesCriterion({ ctx, deliverable, min: criterion.min });
  } else if ("file" in criterion) {
    result = evaluateFileCriterion({
      ctx,
      file: criterion.file,
      headings: criterion.headings ?? [],
      contains: criterion.contains ?? [],
    });
  } else if ("checks" in criterion) {
    result = evaluateChecksCriterion({ checks: ctx.snapshot.checks, names: criterion.checks });
  } else if ("pull_requests" in criterion) {
    result = evaluatePullRequestsCriterion({
      ctx,
      deliverable,
      min: criterion.min,
      approvals: criterion.approvals,
    });
  } else {
    result = evaluateObjectiveCriterion({ ctx, objectiveId: criterion.objective });
  }
  return { kind, name, ...result };
}
