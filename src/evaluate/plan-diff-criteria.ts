/**
 * The criteria part of the plan diff. Criteria of one deliverable are paired by what they
 * check (the issues, the pull requests, a file path, an objective, the checks), in order;
 * paired ones are compared modifier by modifier, so lowering `min` reads as "min lowered"
 * rather than as a removed and an added criterion. `name:` is cosmetic and ignored.
 */
import type { PlanChange, PlanChangeCode } from "../model/report.ts";
import { quotedList } from "../model/words.ts";
import type { Criterion, Deliverable } from "../plan/schema.ts";
import { criterionKind } from "../plan/schema.ts";
import { criterionName } from "./criteria/names.ts";
import { normalizeHeading } from "./headings.ts";

/** What a criterion checks, regardless of its thresholds. */
function identity(c: Criterion): string {
  if ("file" in c) return `file:${c.file}`;
  if ("objective" in c) return `objective:${c.objective}`;
  return criterionKind(c);
}

function group(criteria: Criterion[]): Map<string, Criterion[]> {
  const groups = new Map<string, Criterion[]>();
  for (const c of criteria) {
    const key = identity(c);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** Items of `a` not in `b` (compared by `key`), in `a`'s order. */
function minus(a: string[], b: string[], key: (s: string) => string = (s) => s): string[] {
  const other = new Set(b.map(key));
  return a.filter((s) => !other.has(key(s)));
}

export function diffCriteria(params: {
  base: Deliverable;
  head: Deliverable;
  who: string;
  objectiveTitle: (id: string) => string | undefined;
}): PlanChange[] {
  const { who } = params;
  const name = (c: Criterion) => `"${criterionName(c, params.objectiveTitle)}"`;
  const changes: PlanChange[] = [];
  const add = (code: PlanChangeCode, weakens: boolean, message: string) =>
    changes.push({ code, weakens, message });
  const headGroups = group(params.head.criteria);
  const paired = new Set<Criterion>();

  for (const [key, baseList] of group(params.base.criteria)) {
    const headList = headGroups.get(key) ?? [];
    baseList.forEach((b, i) => {
      const h = headList[i];
      if (!h) {
        add("criterion-removed", true, `${who} loses the criterion ${name(b)}.`);
        return;
      }
      paired.add(h);
      compare(b, h);
    });
  }
  for (const h of params.head.criteria) {
    if (!paired.has(h)) add("criterion-added", false, `${who} gains the criterion ${name(h)}.`);
  }
  return changes;

  function threshold(what: "min" | "approvals", c: string, from: number, to: number): void {
    if (from === to) return;
    const label = what === "min" ? "min" : "approvals";
    if (to < from)
      add(`${what}-lowered`, true, `${who}: ${c} lowers ${label} from ${from} to ${to}.`);
    else add(`${what}-raised`, false, `${who}: ${c} raises ${label} from ${from} to ${to}.`);
  }

  function lists(params: {
    from: string[];
    to: string[];
    what: string;
    code: "headings" | "contains" | "checks";
    c: string;
    key?: (s: string) => string;
  }): void {
    const removed = minus(params.from, params.to, params.key);
    const added = minus(params.to, params.from, params.key);
    if (removed.length > 0) {
      add(
        `${params.code}-removed`,
        true,
        `${who}: ${params.c} no longer requires ${params.what} ${quotedList(removed)}.`,
      );
    }
    if (added.length > 0) {
      add(
        `${params.code}-added`,
        false,
        `${who}: ${params.c} now also requires ${params.what} ${quotedList(added)}.`,
      );
    }
  }

  function compare(b: Criterion, h: Criterion): void {
    const c = name(b);
    if ("issues" in b && "issues" in h) threshold("min", c, b.min, h.min);
    else if ("pull_requests" in b && "pull_requests" in h) {
      threshold("min", c, b.min, h.min);
      threshold("approvals", c, b.approvals, h.approvals);
    } else if ("file" in b && "file" in h) {
      lists({
        from: b.headings ?? [],
        to: h.headings ?? [],
        what: "the headings",
        code: "headings",
        c,
        key: normalizeHeading,
      });
      lists({
        from: b.contains ?? [],
        to: h.contains ?? [],
        what: "the texts",
        code: "contains",
        c,
      });
    } else if ("checks" in b && "checks" in h) {
      lists({ from: b.checks, to: h.checks, what: "the checks", code: "checks", c });
    }
  }
}
