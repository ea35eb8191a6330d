/** Goals and objectives: met / not met / unknown (no measure) from each objective's measure. */

import { readMeasure } from "../criteria/measure.ts";
import type { GoalResult, ObjectiveResult } from "../model/report.ts";
import type { EvaluationContext } from "./context.ts";

export function evaluateGoals(ctx: EvaluationContext): GoalResult[] {
  return ctx.plan.goals.map((g) => ({
    id: g.id,
    title: g.title,
    objectives: g.objectives.map((o) => o.id),
  }));
}

export function evaluateObjectives(ctx: EvaluationContext): ObjectiveResult[] {
  const results: ObjectiveResult[] = [];
  for (const goal of ctx.plan.goals) {
    for (const objective of goal.objectives) {
      const base = {
        id: objective.id,
        title: objective.title,
        goal: goal.id,
        ...(objective.due !== undefined ? { due: objective.due } : {}),
      };
      const measure = objective.measure;
      if (!measure) {
        results.push({
          ...base,
          met: null,
          value: null,
          target: null,
          detail: "no measure, so it cannot be judged; add `measure` with a file, path and target",
        });
        continue;
      }
      const target = measure.target.trim();
      const baseline = measure.baseline !== undefined ? { baseline: measure.baseline } : {};
      const reading = readMeasure(ctx, measure);
      if (!reading.ok) {
        results.push({
          ...base,
          ...baseline,
          met: false,
          value: null,
          target,
          detail: reading.reason,
        });
        continue;
      }
      const found = `${measure.path} in ${measure.file} is ${reading.value}`;
      results.push({
        ...base,
        ...baseline,
        met: reading.met,
        value: reading.value,
        target,
        ...(reading.stale ? { stale: true, staleSince: reading.stale.since } : {}),
        detail: reading.stale
          ? `${reading.stale.reason} (${found})`
          : `${found}; target ${target} ${reading.met ? "met" : "not met"}`,
      });
    }
  }
  return results;
}
