/**
 * `objective: ID` — the objective's measure, read from its file and path on the default
 * branch, is a number that meets its target. Anything else is not met, with the reason.
 */
import type { CriterionResult } from "../../model/report.ts";
import type { EvaluationContext } from "../context.ts";
import { readMeasure } from "../measure.ts";

export function evaluateObjectiveCriterion(params: {
  ctx: EvaluationContext;
  objectiveId: string;
}): Omit<CriterionResult, "name" | "kind"> {
  const entry = params.ctx.objectives.get(params.objectiveId);
  if (!entry) return { met: false, detail: `objective "${params.objectiveId}" is not in the plan` };
  const measure = entry.objective.measure;
  if (!measure) {
    return { met: false, detail: `objective "${params.objectiveId}" has no measure to read` };
  }
  const reading = readMeasure(params.ctx, measure);
  if (!reading.ok) return { met: false, detail: reading.reason };
  return {
    met: reading.met,
    detail: `${measure.path} is ${reading.value}, target ${measure.target.trim()}${reading.met ? "" : " not met"}`,
  };
}
