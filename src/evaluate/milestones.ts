/**
 * Milestone status: achieved when all its deliverables are done, every milestone it
 * `requires` is achieved, and its review (if any) is signed off. Never "in progress".
 */

import type { DeliverableResult, MilestoneResult } from "../model/report.ts";
import type { Milestone } from "../plan/schema.ts";
import type { EvaluationContext } from "./context.ts";
import { milestoneTiming } from "./dates.ts";
import { matchGitHubMilestones } from "./github-milestones.ts";
import { evaluateReview } from "./review.ts";

/** A deliverable the milestone lists but the plan does not define (only in invalid plans). */
function missingDeliverable(id: string): DeliverableResult {
  return { id, title: id, label: "", owner: null, done: false, criteria: [] };
}

export function evaluateMilestones(params: {
  ctx: EvaluationContext;
  /** By plan position (`ctx.index.positionOf`). */
  deliverables: readonly (DeliverableResult | undefined)[];
}): MilestoneResult[] {
  const { ctx, deliverables } = params;
  const { plan, snapshot } = ctx;
  const github = matchGitHubMilestones({ plan, milestones: snapshot.milestones });
  const byId = new Map(plan.milestones.map((m) => [m.id, m]));

  // Everything of a milestone except its `requires`, computed once per milestone.
  const own = new Map<
    string,
    { deliverables: DeliverableResult[]; review: MilestoneResult["review"]; met: boolean }
  >();
  for (const m of plan.milestones) {
    const ds = m.deliverables.map((id) => {
      const position = ctx.index.positionOf.get(id);
      return (
        (position === undefined ? undefined : deliverables[position]) ?? missingDeliverable(id)
      );
    });
    const review = evaluateReview({
      ctx,
      milestone: m,
      githubNumber: github.get(m.id)?.number ?? null,
    });
    // A milestone listing no deliverable has nothing to prove it (an error in the plan).
    const met = ds.length > 0 && ds.every((d) => d.done) && (review?.signedOff ?? true);
    own.set(m.id, { deliverables: ds, review, met });
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

  return plan.milestones.map((m: Milestone): MilestoneResult => {
    const status = own.get(m.id);
    const ds = status?.deliverables ?? [];
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
    });
    // Indexed loops: this runs once per milestone per evaluation, often before V8 has
    // optimised it, and an unoptimised `for…of` allocates a result object per step.
    let met = 0;
    let total = requires.length;
    for (let i = 0; i < ds.length; i++) {
      const { criteria } = ds[i] as DeliverableResult;
      total += criteria.length;
      for (let k = 0; k < criteria.length; k++) if (criteria[k]?.met) met++;
    }
    for (let i = 0; i < requires.length; i++) if (requires[i]?.achieved) met++;
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
