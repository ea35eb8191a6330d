/**
 * Which GitHub milestone belongs to which plan milestone. The evaluation (githubMilestone
 * in the report) and the sync planner must agree, so this is the one rule for both:
 *
 * 1. A GitHub milestone whose description carries `<!-- plan-align:id=ID -->` belongs to
 *    the plan milestone ID (the marker survives renames). When several carry the same
 *    marker, the one with the plan's title wins, else the lowest number.
 * 2. Otherwise a plan milestone takes the GitHub milestone with exactly its title, unless
 *    that one's marker names another plan milestone (then it is taken by rule 1).
 *
 * Each GitHub milestone belongs to at most one plan milestone; the rest are "not in the plan".
 */
import { readMilestoneMarker } from "../model/names/milestone-description.ts";
import type { SnapshotMilestone } from "../model/snapshot.ts";
import type { Plan } from "../plan/schema.ts";

/** Plan milestone id → its GitHub milestone, for the plan milestones that have one. */
export function matchGitHubMilestones(params: {
  plan: Pick<Plan, "milestones">;
  milestones: SnapshotMilestone[];
}): Map<string, SnapshotMilestone> {
  const { plan } = params;
  const planIds = new Set(plan.milestones.map((m) => m.id));
  const titleOf = new Map(plan.milestones.map((m) => [m.id, m.title]));
  const github = [...params.milestones].sort((a, b) => a.number - b.number);
  const byId = new Map<string, SnapshotMilestone>();
  const claimed = new Set<number>();

  for (const gh of github) {
    const id = readMilestoneMarker(gh.description);
    if (id === null || !planIds.has(id)) continue;
    const held = byId.get(id);
    // Lowest number first (sorted); a later one replaces it only by matching the title.
    if (held && !(held.title !== titleOf.get(id) && gh.title === titleOf.get(id))) continue;
    if (held) claimed.delete(held.number);
    byId.set(id, gh);
    claimed.add(gh.number);
  }

  const byTitle = new Map<string, SnapshotMilestone>();
  for (const gh of github) {
    const id = readMilestoneMarker(gh.description);
    // A marker naming another plan milestone reserves it for that one.
    if (id !== null && planIds.has(id)) continue;
    if (!byTitle.has(gh.title)) byTitle.set(gh.title, gh);
  }
  for (const m of plan.milestones) {
    if (byId.has(m.id)) continue;
    const gh = byTitle.get(m.title);
    if (gh && !claimed.has(gh.number)) {
      byId.set(m.id, gh);
      claimed.add(gh.number);
    }
  }

  return byId;
}

/** GitHub milestones that belong to no plan milestone ("not in the plan"), in number order. */
export function githubMilestonesNotInPlan(params: {
  plan: Pick<Plan, "milestones">;
  milestones: SnapshotMilestone[];
}): SnapshotMilestone[] {
  const claimed = new Set([...matchGitHubMilestones(params).values()].map((m) => m.number));
  return params.milestones
    .filter((gh) => !claimed.has(gh.number))
    .sort((a, b) => a.number - b.number);
}
