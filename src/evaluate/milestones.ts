/**
 * Milestone status: achieved when all its deliverables are done, every milestone it
 * `requires` is achieved, and its review (if any) is signed off. Never "in progress".
 */

import { positionsOf } from "../criteria/snapshot-index.ts";
import type { DeliverableResult, MilestoneResult } from "../model/report.ts";
import { dayNumberIn } from "../model/time-zone.ts";
import type { Milestone } from "../plan/schema.ts";
import type { EvaluationContext } from "./context.ts";
import { milestoneTiming } from "./dates.ts";
import { matchGitHubMilestones } from "./github-milestones.ts";
import { evaluateReview } from "./review.ts";

/** A deliverable the milestone lists but the plan does not define (only in invalid plans). */
function missingDeliverable(id: string): DeliverableResult {
  return { id, title: id, label: "", owner: null, done: false, criteria: [] };
}

/** The deliverables' results by plan position (`positionsOf`). */
export interface DeliverableResults {
  /** Undefined at the later positions of an id an (invalid) plan repeats. */
  results: readonly (DeliverableResult | undefined)[];
  /**
   * How many of each one's criteria are met, counted while its results were just made:
   * milestones add these up instead of reading every criterion result back.
   */
  met: readonly number[];
  /** How many criteria each one has. */
  total: readonly number[];
}

export function evaluateMilestones(params: {
  ctx: EvaluationContext;
  deliverables: DeliverableResults;
}): MilestoneResult[] {
  const { ctx } = params;
  const { results, met: metAt, total: totalAt } = params.deliverables;
  const { plan, snapshot } = ctx;
  const github = matchGitHubMilestones({ plan, milestones: snapshot.milestones });
  const byId = new Map(plan.milestones.map((m) => [m.id, m]));

  // Everything of a milestone except its `requires`, computed once per milestone.
  const own = new Map<
    string,
    {
      deliverables: DeliverableResult[];
      review: MilestoneResult["review"];
      met: boolean;
      criteriaMet: number;
      criteriaTotal: number;
    }
  >();
  for (const m of plan.milestones) {
    let criteriaMet = 0;
    let criteriaTotal = 0;
    let allDone = true;
    const positions = positionsOf(ctx.index, m.deliverables);
    const ds = m.deliverables.map((id, i) => {
      const position = positions[i] as number;
      const result = position < 0 ? undefined : results[position];
      if (!result) {
        allDone = false;
        return missingDeliverable(id);
      }
      const n = metAt[position] as number;
      const of = totalAt[position] as number;
      criteriaMet += n;
      criteriaTotal += of;
      // Done: every criterion met, and at least one (as the result says).
      if (of === 0 || n < of) allDone = false;
      return result;
    });
    const review = evaluateReview({
      ctx,
      milestone: m,
      githubNumber: github.get(m.id)?.number ?? null,
    });
    // A milestone listing no deliverable has nothing to prove it (an error in the plan).
    const met = ds.length > 0 && allDone && (review?.signedOff ?? true);
    own.set(m.id, { deliverables: ds, review, met, criteriaMet, criteriaTotal });
  }

  // Achieved, following `requires` recursively. Valid plans have no cycles; a cycle or an
  // unknown id counts as not achieved rather than looping or throwing.
  const achieved = new Map<string, boolean>();
  const visiting = new Set<string>();
  const isAchieved = (id: string): boolean => {
    const known = achieved.get(id);
    if (known !== undefined) return known;
    const m = byId.get(id);
    if (!m || visiting.has(id)) return false;
    visiting.add(id);
    const result = (own.get(id)?.met ?? false) && (m.requires ?? []).every(isAchieved);
    visiting.delete(id);
    achieved.set(id, result);
    return result;
  };

  // One "now" for every milestone.
  const today = dayNumberIn(snapshot.fetchedAt, plan.settings.timezone);
  return plan.milestones.map((m: Milestone): MilestoneResult => {
    const status = own.get(m.id);
    const ds = status?.deliverables ?? [];
    const ownMet = status?.criteriaMet ?? 0;
    const ownTotal = status?.criteriaTotal ?? 0;
    const review = status?.review;
    const requires = (m.requires ?? []).map((id) => ({ id, achieved: isAchieved(id) }));
    const isDone = isAchieved(m.id);
    // Without a date a milestone is never at risk or overdue.
    const timing = milestoneTiming({
      due: m.due ?? "",
      now: snapshot.fetchedAt,
      achieved: isDone,
      atRiskDays: plan.settings.at_risk_days,
      timeZone: plan.settings.timezone,
      today,
    });
    let met = ownMet;
    let total = ownTotal + requires.length;
    for (const r of requires) if (r.achieved) met++;
    if (review) {
      total += 1;
      if (review.signedOff) met += 1;
    }
    const gh = github.get(m.id);
    const result: MilestoneResult = {
      id: m.id,
      title: m.title,
      due: m.due ?? null,
      achieved: isDone,
      overdue: timing.overdue,
      atRisk: timing.atRisk,
      daysLeft: timing.daysLeft,
      githubMilestone: gh?.number ?? null,
      githubState: gh?.state ?? null,
      close: m.close,
      criteria: { met, total },
      deliverables: ds,
      requires,
    };
    if (review) result.review = review;
    return result;
  });
}
