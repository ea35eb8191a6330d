/**
 * The cross-reference rules of the plan format that a schema cannot express, one file per area
 * under rules/: unique ids, titles and labels, references that resolve, one milestone per
 * deliverable, no cycles in `requires`, real calendar days, and the warnings about
 * untraced or undated work.
 *
 * The rules read the raw data defensively (any field may have the wrong type when the
 * schema failed), so a single run reports schema errors and reference errors together.
 * To add a rule: a new file under rules/ exporting `(rules, plan) => void`, and one line in
 * RULES below.
 */

import type { Finding } from "../model/findings.ts";
import type { PlanContext } from "./plan-context.ts";
import { checkCriteria } from "./rules/criteria.ts";
import { checkCycles } from "./rules/cycles.ts";
import { checkDates } from "./rules/dates.ts";
import { checkDeliverables } from "./rules/deliverables.ts";
import { checkIds } from "./rules/ids.ts";
import { checkMilestones } from "./rules/milestones.ts";
import { checkObjectives } from "./rules/objectives.ts";
import { ownerFindings } from "./rules/owners.ts";
import { checkPaths } from "./rules/paths.ts";
import { type PlanEntries, planEntries } from "./rules/plan-entries.ts";
import { riskFindings } from "./rules/risks.ts";
import { Rules } from "./rules/rule-context.ts";
import { timeZoneFindings } from "./rules/timezone.ts";
import { checkTitles } from "./rules/titles.ts";
import { undatedMilestoneFindings } from "./rules/undated-milestones.ts";

type Rule = (rules: Rules, plan: PlanEntries) => void;

/** Every rule, in the order their findings are reported for the same position. */
const RULES: readonly Rule[] = [
  checkIds,
  checkTitles,
  checkDates,
  checkObjectives,
  checkMilestones,
  checkCycles,
  checkCriteria,
  checkDeliverables,
  (rules) => rules.findings.push(...ownerFindings({ ctx: rules.ctx })),
  (rules) => rules.findings.push(...riskFindings({ ctx: rules.ctx })),
  checkPaths,
  (rules) => rules.findings.push(...undatedMilestoneFindings({ ctx: rules.ctx })),
  (rules) => rules.findings.push(...timeZoneFindings({ ctx: rules.ctx })),
];

/** All cross-reference errors and warnings of a plan, positioned. */
export function validatePlan(params: { ctx: PlanContext }): Finding[] {
  const rules = new Rules(params.ctx);
  const plan = planEntries(params.ctx.data);
  for (const rule of RULES) rule(rules, plan);
  return rules.findings;
}
