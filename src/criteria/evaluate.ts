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
  const name = nameOf(ctx, criterion);
  const outcome = kind.evaluate({ ctx, deliverable, criterion });
  // Written out (not spread, no field added later): one object per criterion, thousands of
  // criteria, each of one of two fixed shapes.
  return outcome.refs === undefined
    ? { kind: kind.key, name, met: outcome.met, detail: outcome.detail }
    : { kind: kind.key, name, met: outcome.met, detail: outcome.detail, refs: outcome.refs };
}

/**
 * Generated names, kept with the plan's criterion objects: a name depends only on its
 * criterion and on the titles of the objectives it names, and the App evaluates one parsed
 * plan again on every event (it keeps plans per blob SHA). A kept name is used while those
 * titles are unchanged.
 */
const keptNames = new WeakMap<
  Criterion,
  { name: string; titles: [string, string | undefined][] }
>();

function nameOf(ctx: CriterionContext, criterion: Criterion): string {
  if (criterion.name !== undefined) return criterion.name;
  const kept = keptNames.get(criterion);
  if (kept && sameTitles(ctx, kept.titles)) return kept.name;
  const titles: [string, string | undefined][] = [];
  const name = criterionName(criterion, (id) => {
    const title = ctx.objective(id)?.title;
    titles.push([id, title]);
    return title;
  });
  keptNames.set(criterion, { name, titles });
  return name;
}

function sameTitles(ctx: CriterionContext, titles: [string, string | undefined][]): boolean {
  for (let i = 0; i < titles.length; i++) {
    const [id, title] = titles[i] as [string, string | undefined];
    if (ctx.objective(id)?.title !== title) return false;
  }
  return true;
}
