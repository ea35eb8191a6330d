/**
 * The criteria part of the plan diff. Criteria of one deliverable are paired by what they
 * check (their kind's identity: the issues, the pull requests, a file path, an objective, the
 * checks), in order; paired ones are compared by their kind, modifier by modifier, so lowering
 * `min` reads as "min lowered" rather than as a removed and an added criterion. `name:` is
 * cosmetic and ignored.
 */
import type { PlanChange } from "../model/report.ts";
import { criterionName } from "./describe.ts";
import type { AddChange, ObjectiveTitle } from "./kind.ts";
import { type Criterion, kindOf } from "./registry.ts";

function group(criteria: readonly Criterion[]): Map<string, Criterion[]> {
  const groups = new Map<string, Criterion[]>();
  for (const c of criteria) {
    const key = kindOf(c).identity(c);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

export function diffCriteria(params: {
  base: { criteria: readonly Criterion[] };
  head: { criteria: readonly Criterion[] };
  /** "Deliverable \"x\"", for messages. */
  who: string;
  objectiveTitle: ObjectiveTitle;
}): PlanChange[] {
  const { who } = params;
  const name = (c: Criterion) => `"${criterionName(c, params.objectiveTitle)}"`;
  const changes: PlanChange[] = [];
  const add: AddChange = (code, weakens, message) => changes.push({ code, weakens, message });
  const headGroups = group(params.head.criteria);
  const paired = new Set<Criterion>();

  for (const [key, baseList] of group(params.base.criteria)) {
    const headList = headGroups.get(key) ?? [];
    baseList.forEach((base, i) => {
      const head = headList[i];
      if (!head) {
        add("criterion-removed", true, `${who} loses the criterion ${name(base)}.`);
        return;
      }
      paired.add(head);
      kindOf(base).diff({ base, head, who, name: name(base), add });
    });
  }
  for (const head of params.head.criteria) {
    if (!paired.has(head))
      add("criterion-added", false, `${who} gains the criterion ${name(head)}.`);
  }
  return changes;
}
