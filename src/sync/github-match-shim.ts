/**
 * TEMPORARY stand-in for H2's `matchGitHubMilestones` (src/evaluate/github-milestones.ts) and
 * `githubDay` (src/evaluate/dates.ts) until they land; deleted then.
 */
import type { Plan } from "../plan/schema.ts";
import type { SnapshotMilestone } from "../snapshot/schema.ts";
import { markerId } from "./milestone-description.ts";

export function matchGitHubMilestones(params: {
  plan: Plan;
  milestones: SnapshotMilestone[];
}): Map<string, SnapshotMilestone> {
  const result = new Map<string, SnapshotMilestone>();
  const ids = new Set(params.plan.milestones.map((m) => m.id));
  for (const gh of params.milestones) {
    const id = markerId(gh.description);
    if (id && ids.has(id) && !result.has(id)) result.set(id, gh);
  }
  const claimed = new Set([...result.values()].map((m) => m.number));
  for (const m of params.plan.milestones) {
    if (result.has(m.id)) continue;
    const gh = params.milestones.find((g) => !claimed.has(g.number) && g.title === m.title);
    if (gh) {
      result.set(m.id, gh);
      claimed.add(gh.number);
    }
  }
  return result;
}

export function githubDay(dueOn: string | null): string | null {
  if (dueOn === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) return dueOn;
  const d = new Date(dueOn);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Los_Angeles",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(d);
  return parts;
}
