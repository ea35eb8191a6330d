/** Evaluates the criteria of a deliverable through their kinds. */
import type { CriterionResult } from "../model/report.ts";
import type { CriterionContext } from "./context.ts";
import { criterionName } from "./describe.ts";
import { type Criterion, kindOf } from "./registry.ts";
import type { DeliverableRef } from "./snapshot-index.ts";

/**
 * Each criterion of `criteria` (a deliverable's), evaluated, in order. `position`: the
 * deliverable's position in the plan the context's index was built for (-1 when it is not
 * one of them), so kinds find its issues without looking its id up.
 */
export function evaluateCriteria(
  ctx: CriterionContext,
  deliverable: DeliverableRef,
  criteria: readonly Criterion[],
  position = -1,
): CriterionResult[] {
  const names = namesOf(ctx, criteria, position);
  const results = new Array<CriterionResult>(criteria.length);
  // One argument object for all of them: kinds read it and keep nothing of it.
  const args = { ctx, deliverable, position, criterion: criteria[0] as Criterion };
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

interface KeptNames {
  criteria: readonly Criterion[];
  names: string[];
  /** The objective titles the names were made from. */
  titles: [string, string | undefined][];
}

/**
 * The names of each deliverable's criteria, by plan position, kept with the index's list of
 * the plan's deliverables: a name is the criterion's `name:` or one generated from the
 * criterion and the titles of the objectives it names, and the App evaluates one parsed plan
 * again on every event (it keeps plans per blob SHA). Kept names are used while the criteria
 * list and those titles are unchanged. One table per plan, not one entry per criteria list: a
 * weak table of thousands of entries costs more to look up than the names cost to make.
 */
const keptNames = new WeakMap<readonly DeliverableRef[], (KeptNames | undefined)[]>();

function namesOf(
  ctx: CriterionContext,
  criteria: readonly Criterion[],
  position: number,
): string[] {
  const table = position < 0 ? undefined : keptTable(ctx.index.deliverableAt);
  const kept = table?.[position];
  if (kept && kept.criteria === criteria && sameTitles(ctx, kept.titles)) return kept.names;
  const titles: [string, string | undefined][] = [];
  const objectiveTitle = (id: string) => {
    const title = ctx.objective(id)?.title;
    titles.push([id, title]);
    return title;
  };
  const names = criteria.map((criterion) => criterionName(criterion, objectiveTitle));
  if (table) table[position] = { criteria, names, titles };
  return names;
}

function keptTable(deliverables: readonly DeliverableRef[]): (KeptNames | undefined)[] {
  let table = keptNames.get(deliverables);
  if (!table) {
    table = new Array<KeptNames | undefined>(deliverables.length).fill(undefined);
    keptNames.set(deliverables, table);
  }
  return table;
}

function sameTitles(ctx: CriterionContext, titles: [string, string | undefined][]): boolean {
  for (let i = 0; i < titles.length; i++) {
    const [id, title] = titles[i] as [string, string | undefined];
    if (ctx.objective(id)?.title !== title) return false;
  }
  return true;
}
