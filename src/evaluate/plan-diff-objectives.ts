/** The goals, objectives and settings part of the plan diff. */

import { parseTarget, type Target } from "../criteria/measure.ts";
import type { PlanChange, PlanChangeCode } from "../model/report.ts";
import type { Objective, Plan, Settings } from "../plan/schema.ts";

/**
 * How a target moved: `<= 4` → `<= 5` is looser (more values meet it), `<= 4` → `< 4`
 * tighter. A change of direction (`<=` → `>=`) or of an `==` target cannot be ordered and
 * counts as weakening, so a reviewer looks at it.
 */
export function compareTargets(from: Target, to: Target): "same" | "looser" | "tighter" | "other" {
  const upper = (op: Target["op"]) => op === "<" || op === "<=";
  const lower = (op: Target["op"]) => op === ">" || op === ">=";
  if (from.op === to.op && from.bound === to.bound) return "same";
  if (upper(from.op) && upper(to.op)) {
    if (to.bound !== from.bound) return to.bound > from.bound ? "looser" : "tighter";
    return to.op === "<=" ? "looser" : "tighter";
  }
  if (lower(from.op) && lower(to.op)) {
    if (to.bound !== from.bound) return to.bound < from.bound ? "looser" : "tighter";
    return to.op === ">=" ? "looser" : "tighter";
  }
  return "other";
}

function objectivesOf(plan: Plan): Map<string, Objective> {
  const map = new Map<string, Objective>();
  for (const g of plan.goals) for (const o of g.objectives) if (!map.has(o.id)) map.set(o.id, o);
  return map;
}

export function diffGoalsAndObjectives(base: Plan, head: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  const add = (code: PlanChangeCode, weakens: boolean, message: string) =>
    changes.push({ code, weakens, message });

  const headGoals = new Set(head.goals.map((g) => g.id));
  const baseGoals = new Set(base.goals.map((g) => g.id));
  for (const g of base.goals) {
    if (!headGoals.has(g.id)) add("goal-removed", false, `Goal "${g.title}" (${g.id}) is removed.`);
  }
  for (const g of head.goals) {
    if (!baseGoals.has(g.id)) add("goal-added", false, `Goal "${g.title}" (${g.id}) is added.`);
  }

  const baseObjectives = objectivesOf(base);
  const headObjectives = objectivesOf(head);
  for (const [id, b] of baseObjectives) {
    const who = `Objective "${b.title}" (${id})`;
    const h = headObjectives.get(id);
    if (!h) {
      add("objective-removed", true, `${who} is removed.`);
      continue;
    }
    if (b.title !== h.title) add("objective-renamed", false, `${who} is renamed to "${h.title}".`);
    if (b.due && h.due && h.due > b.due)
      add("date-later", true, `${who} is now due ${h.due} instead of ${b.due} (later).`);
    if (b.due && h.due && h.due < b.due)
      add("date-earlier", false, `${who} is now due ${h.due} instead of ${b.due} (earlier).`);
    if (b.due && !h.due)
      add("date-removed", true, `${who} no longer has a due date (was ${b.due}).`);
    if (!b.due && h.due) add("date-added", false, `${who} is now due ${h.due}.`);
    const bm = b.measure;
    const hm = h.measure;
    if (bm && !hm)
      add("measure-removed", true, `${who} is no longer measured (was ${bm.path} in ${bm.file}).`);
    if (!bm && hm)
      add(
        "measure-added",
        false,
        `${who} is now measured by ${hm.path} in ${hm.file}, target ${hm.target.trim()}.`,
      );
    if (!bm || !hm) continue;
    if (bm.file !== hm.file || bm.path !== hm.path) {
      add(
        "measure-changed",
        true,
        `${who} is now measured by ${hm.path} in ${hm.file} instead of ${bm.path} in ${bm.file}.`,
      );
    }
    if (bm.max_age_days !== hm.max_age_days) {
      // Accepting older data (or any age) lowers the bar; demanding fresher data raises it.
      const looser =
        hm.max_age_days === undefined ||
        (bm.max_age_days !== undefined && hm.max_age_days > bm.max_age_days);
      const age = (n: number | undefined) => (n === undefined ? "no limit" : `${n} days`);
      add(
        "measure-changed",
        looser,
        `${who} now accepts data up to ${age(hm.max_age_days)} old instead of ${age(bm.max_age_days)} (max_age_days).`,
      );
    }
    const from = parseTarget(bm.target);
    const to = parseTarget(hm.target);
    if (!from || !to) continue;
    const how = compareTargets(from, to);
    const move = `target from "${bm.target.trim()}" to "${hm.target.trim()}"`;
    if (how === "looser") add("target-loosened", true, `${who} loosens its ${move}.`);
    if (how === "tighter") add("target-tightened", false, `${who} tightens its ${move}.`);
    if (how === "other") add("target-changed", true, `${who} changes its ${move}.`);
  }
  for (const [id, h] of headObjectives) {
    if (!baseObjectives.has(id))
      add("objective-added", false, `Objective "${h.title}" (${id}) is added.`);
  }
  return changes;
}

const LEVEL_RANK = { ignore: 0, warn: 1, fail: 2 } as const;

export function diffSettings(base: Settings, head: Settings): PlanChange[] {
  const changes: PlanChange[] = [];
  const add = (weakens: boolean, message: string) =>
    changes.push({ code: "setting-changed", weakens, message });
  if (base.at_risk_days !== head.at_risk_days) {
    add(
      head.at_risk_days < base.at_risk_days,
      `Setting at_risk_days changes from ${base.at_risk_days} to ${head.at_risk_days}${head.at_risk_days < base.at_risk_days ? " (milestones are flagged at risk later)" : ""}.`,
    );
  }
  if (base.on_regression !== head.on_regression) {
    add(
      head.on_regression === "report",
      `Setting on_regression changes from ${base.on_regression} to ${head.on_regression}.`,
    );
  }
  if (base.enforce_milestones !== head.enforce_milestones) {
    add(
      false,
      `Setting enforce_milestones changes from ${base.enforce_milestones} to ${head.enforce_milestones}.`,
    );
  }
  const bp = base.pull_requests;
  const hp = head.pull_requests;
  if (bp.check !== hp.check) {
    add(!hp.check, `Setting pull_requests.check changes from ${bp.check} to ${hp.check}.`);
  }
  for (const key of ["unlinked", "milestone_mismatch", "plan_weakened", "already_done"] as const) {
    if (bp[key] === hp[key]) continue;
    add(
      LEVEL_RANK[hp[key]] < LEVEL_RANK[bp[key]],
      `Setting pull_requests.${key} changes from ${bp[key]} to ${hp[key]}.`,
    );
  }
  return changes;
}
