/** Evaluates the criteria of a deliverable through their kinds. */
import type { CriterionResult } from "../model/report.ts";
import type { CriterionContext } from "./context.ts";
import { criterionName } from "./describe.ts";
import { type Criterion, kindOf } from "./registry.ts";
import type { DeliverableRef } from "./snapshot-index.ts";

/** Each criterion of `criteria` (a deliverable's), evaluated, in order. */
export function evaluateCriteria(
  ctx: CriterionContext,
  deliverable: DeliverableRef,
  criteria: readonly Criterion[],
): CriterionResult[] {
  const names = namesOf(ctx, criteria);
  const results = new Array<CriterionResult>(criteria.length);
  // One argument object for all of them: kinds read it and keep nothing of it.
  const args = { ctx, deliverable, criterion: criteria[0] as Criterion };
  for (let i = 0; i < criteria.length; i++) {
    const criterion = criteria[i] as Criterion;
    const kind = kindOf(criterion);
    const name = names[i] as string;
    args.criterion = criterion;
    const outcome = kind.evaluate(args);
    // Written out (not spread, no field added later): one object per criterion, thousands
    // of criteria, each of one of two fixed shapes.
    results[i] =
      outcome.refs === undefined
        ? { kind: kind.key, name, met: outcome.met, detail: outcome.detail }
        : { kind: kind.key, name, met: outcome.met, detail: outcome.detail, refs: outcome.refs };
  }
  return results;
}

/**
 * The names of a deliverable's criteria, kept with the plan's criteria list: a name is the
 * criterion's `name:` or one generated from the criterion and the titles of the objectives it
 * names, and the App evaluates one parsed plan again on every event (it keeps plans per blob
 * SHA). Kept names are used while those titles are unchanged.
 */
const keptNames = new WeakMap<
  readonly Criterion[],
  { names: string[]; titles: [string, string | undefined][] }
>();

function namesOf(ctx: CriterionContext, criteria: readonly Criterion[]): string[] {
  const kept = keptNames.get(criteria);
  if (kept && kept.names.length === criteria.length && sameTitles(ctx, kept.titles)) {
    return kept.names;
  }
  const titles: [string, string | undefined][] = [];
  const objectiveTitle = (id: string) => {
    const title = ctx.objective(id)?.title;
    titles.push([id, title]);
    return title;
  };
  const names = criteria.map((criterion) => criterionName(criterion, objectiveTitle));
  keptNames.set(criteria, { names, titles });
  return names;
}

function sameTitles(ctx: CriterionContext, titles: [string, string | undefined][]): boolean {
  for (let i = 0; i < titles.length; i++) {
    const [id, title] = titles[i] as [string, string | undefined];
    if (ctx.objective(id)?.title !== title) return false;
  }
  return true;
}
