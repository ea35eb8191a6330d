/** Evaluates the criteria of a deliverable through their kinds. */
import type { CriterionResult } from "../model/report.ts";
import type { CriterionContext } from "./context.ts";
import { criterionName } from "./describe.ts";
import type { CriterionKind } from "./kind.ts";
import { type Criterion, kindOf } from "./registry.ts";
import { type DeliverableRef, sameEntries } from "./snapshot-index.ts";

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
  const kept = position < 0 ? undefined : keptTable(ctx.index.deliverableAt);
  const names = namesOf(ctx, kept, criteria, position);
  // Kept with the names (`namesOf` has just brought them up to date).
  const kinds = kept ? (kept.kinds[position] as CriterionKind[]) : undefined;
  const results = new Array<CriterionResult>(criteria.length);
  // One argument object for all of them: kinds read it and keep nothing of it.
  const args = { ctx, deliverable, position, criterion: criteria[0] as Criterion };
  for (let i = 0; i < criteria.length; i++) {
    const criterion = criteria[i] as Criterion;
    const kind = kinds?.[i] ?? kindOf(criterion);
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
 * The names and kinds of each deliverable's criteria, by plan position, kept with the index's
 * list of the plan's deliverables: a name is the criterion's `name:` or one generated from the
 * criterion and the titles of the objectives it names, and the App evaluates one parsed plan
 * again on every event (it keeps plans per blob SHA). Kept names are used while the
 * deliverable's criteria are the same objects and those titles are unchanged. Kinds are kept
 * with them: finding a criterion's kind asks each kind key of an object of one of several
 * shapes, for every criterion.
 *
 * One table per plan, not one entry per criteria list (a weak table of thousands of entries
 * costs more to look up than the names cost to make), and arrays by position rather than an
 * object per deliverable: evaluation reads them in plan order, from memory read just before,
 * instead of one more object of its own per deliverable.
 */
interface Kept {
  /** The criteria the names and kinds were made for (a copy: a list changed in place is seen). */
  criteria: (readonly Criterion[] | undefined)[];
  names: string[][];
  kinds: CriterionKind[][];
  /** The objective titles the names were made from (`NO_TITLES` for most). */
  titles: (readonly [string, string | undefined][])[];
}

const NO_TITLES: readonly [string, string | undefined][] = [];

const keptTables = new WeakMap<readonly DeliverableRef[], Kept>();

function namesOf(
  ctx: CriterionContext,
  kept: Kept | undefined,
  criteria: readonly Criterion[],
  position: number,
): string[] {
  // The same criterion objects (a criterion replaced in place, by one of another kind or
  // with another `name:`, gets its kind and name again).
  if (kept && sameEntries(kept.criteria[position], criteria)) {
    const titles = kept.titles[position] as readonly [string, string | undefined][];
    if (titles === NO_TITLES || sameTitles(ctx, titles)) return kept.names[position] as string[];
  }
  const titles: [string, string | undefined][] = [];
  const objectiveTitle = (id: string) => {
    const title = ctx.objective(id)?.title;
    titles.push([id, title]);
    return title;
  };
  const names = criteria.map((criterion) => criterionName(criterion, objectiveTitle));
  if (kept) {
    kept.criteria[position] = [...criteria];
    kept.names[position] = names;
    kept.kinds[position] = criteria.map(kindOf);
    kept.titles[position] = titles.length === 0 ? NO_TITLES : titles;
  }
  return names;
}

function keptTable(deliverables: readonly DeliverableRef[]): Kept {
  let kept = keptTables.get(deliverables);
  if (!kept) {
    const n = deliverables.length;
    kept = {
      criteria: new Array<readonly Criterion[] | undefined>(n).fill(undefined),
      names: new Array<string[]>(n).fill([]),
      kinds: new Array<CriterionKind[]>(n).fill([]),
      titles: new Array<readonly [string, string | undefined][]>(n).fill(NO_TITLES),
    };
    keptTables.set(deliverables, kept);
  }
  return kept;
}

function sameTitles(
  ctx: CriterionContext,
  titles: readonly (readonly [string, string | undefined])[],
): boolean {
  for (let i = 0; i < titles.length; i++) {
    const [id, title] = titles[i] as readonly [string, string | undefined];
    if (ctx.objective(id)?.title !== title) return false;
  }
  return true;
}
