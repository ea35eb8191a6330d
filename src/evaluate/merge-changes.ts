/**
 * What merging a pull request changes for each milestone it serves: which of that
 * milestone's unmet criteria the merge would meet, and which would remain unmet. Compares
 * the evaluation of the repository now with that of the projected merge (same base plan,
 * so the same criteria in the same order).
 */
import type { MergeChange, MilestoneResult } from "../model/report.ts";
import type { Evaluation } from "./repository.ts";

type Item = MergeChange["meets"][number];

export function mergeChanges(params: {
  milestones: readonly string[];
  current: Evaluation;
  after: Evaluation;
}): MergeChange[] {
  const now = new Map(params.current.milestones.map((m) => [m.id, m]));
  return params.after.milestones
    .filter((m) => params.milestones.includes(m.id))
    .map((after) => {
      const before = itemsOf(now.get(after.id));
      const wasMet = new Set(before.filter((i) => i.met).map((i) => i.key));
      const items = itemsOf(after);
      return {
        milestone: after.id,
        meets: items.filter((i) => i.met && !wasMet.has(i.key)).map(strip),
        unmet: items.filter((i) => !i.met).map(strip),
      };
    });
}

function strip(i: Item & { key: string; met: boolean }): Item {
  return { deliverable: i.deliverable, name: i.name, detail: i.detail };
}

/** A milestone's criteria: its deliverables', each `requires` entry and its review. */
function itemsOf(m: MilestoneResult | undefined): (Item & { key: string; met: boolean })[] {
  if (!m) return [];
  const items: (Item & { key: string; met: boolean })[] = [];
  for (const d of m.deliverables) {
    d.criteria.forEach((c, i) => {
      items.push({
        key: `${d.id}#${i}`,
        deliverable: d.id,
        name: c.name,
        detail: c.detail,
        met: c.met,
      });
    });
  }
  for (const r of m.requires) {
    const detail = r.achieved ? "achieved" : "not achieved";
    items.push({
      key: `requires:${r.id}`,
      deliverable: null,
      name: `requires ${r.id}`,
      detail,
      met: r.achieved,
    });
  }
  if (m.review) {
    items.push({
      key: "review",
      deliverable: null,
      name: "review",
      detail: m.review.detail,
      met: m.review.signedOff,
    });
  }
  return items;
}
