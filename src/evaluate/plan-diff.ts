/**
 * A readable diff of two valid plans (base → head of a pull request): milestones,
 * deliverables, criteria, dates, objectives and settings added, removed or changed. Each
 * change says whether it weakens the plan — lowers the bar a milestone is measured by —
 * so a pull request cannot quietly make its own work count as done.
 *
 * Order is deterministic: milestones, then deliverables (each followed by its criteria),
 * then goals and objectives, then settings; within each, base order, then additions in
 * head order.
 */

import { diffCriteria } from "../criteria/plan-diff.ts";
import { deliverableLabel } from "../model/names/labels.ts";
import type { PlanChange, PlanChangeCode } from "../model/report.ts";
import { quotedList } from "../model/words.ts";
import type { Deliverable, Milestone, Plan } from "../plan/schema.ts";
import { diffGoalsAndObjectives, diffSettings } from "./plan-diff-objectives.ts";

const milestoneName = (m: Milestone) => `Milestone "${m.title}" (${m.id})`;
const deliverableName = (d: Deliverable) => `Deliverable "${d.title}" (${d.id})`;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function diffMilestones(base: Plan, head: Plan, add: Add): void {
  const headById = new Map(head.milestones.map((m) => [m.id, m]));
  const baseIds = new Set(base.milestones.map((m) => m.id));
  for (const b of base.milestones) {
    const who = milestoneName(b);
    const h = headById.get(b.id);
    if (!h) {
      add("milestone-removed", true, `${who}${b.due ? `, due ${b.due},` : ""} is removed.`);
      continue;
    }
    if (b.title !== h.title) add("milestone-renamed", false, `${who} is renamed to "${h.title}".`);
    if (b.due !== undefined && h.due !== undefined) {
      if (h.due > b.due) add("date-later", true, `${who} moves from ${b.due} to ${h.due} (later).`);
      if (h.due < b.due)
        add("date-earlier", false, `${who} moves from ${b.due} to ${h.due} (earlier).`);
    } else if (b.due !== undefined) {
      add("date-removed", true, `${who} no longer has a due date (was ${b.due}).`);
    } else if (h.due !== undefined) {
      add("date-added", false, `${who} is now due ${h.due}.`);
    }
    if ((b.description ?? "") !== (h.description ?? "")) {
      add("milestone-description-changed", false, `${who} has a new description.`);
    }
    const bReq = b.requires ?? [];
    const hReq = h.requires ?? [];
    const reqRemoved = bReq.filter((r) => !hReq.includes(r));
    const reqAdded = hReq.filter((r) => !bReq.includes(r));
    if (reqRemoved.length > 0) {
      add(
        "requires-removed",
        true,
        `${who} no longer requires ${quotedList(reqRemoved)} to be achieved first.`,
      );
    }
    if (reqAdded.length > 0) {
      add(
        "requires-added",
        false,
        `${who} now requires ${quotedList(reqAdded)} to be achieved first.`,
      );
    }
    if (b.review && !h.review)
      add("review-removed", true, `${who} no longer needs a review sign-off.`);
    if (!b.review && h.review) {
      add(
        "review-added",
        false,
        `${who} now needs a review sign-off by one of ${h.review.approvers.join(", ")}.`,
      );
    }
    if (b.review && h.review) {
      const key = (s: string) => s.toLowerCase();
      const bApp = new Set(b.review.approvers.map(key));
      const hApp = new Set(h.review.approvers.map(key));
      const added = h.review.approvers.filter((a) => !bApp.has(key(a)));
      const removed = b.review.approvers.filter((a) => !hApp.has(key(a)));
      // More people who may sign off is a lower bar; fewer is a higher one.
      if (added.length > 0)
        add("approvers-added", true, `${who} can now also be signed off by ${added.join(", ")}.`);
      if (removed.length > 0)
        add(
          "approvers-removed",
          false,
          `${who} can no longer be signed off by ${removed.join(", ")}.`,
        );
    }
    if (b.close !== h.close)
      add("close-changed", false, `${who} changes from close: ${b.close} to close: ${h.close}.`);
  }
  for (const h of head.milestones) {
    if (!baseIds.has(h.id))
      add("milestone-added", false, `${milestoneName(h)}, due ${h.due}, is added.`);
  }
}

function milestoneOf(plan: Plan): Map<string, Milestone> {
  const map = new Map<string, Milestone>();
  for (const m of plan.milestones) for (const d of m.deliverables) if (!map.has(d)) map.set(d, m);
  return map;
}

function diffDeliverables(base: Plan, head: Plan, add: Add, changes: PlanChange[]): void {
  const headById = new Map(head.deliverables.map((d) => [d.id, d]));
  const baseIds = new Set(base.deliverables.map((d) => d.id));
  const baseMilestone = milestoneOf(base);
  const headMilestone = milestoneOf(head);
  const titles = new Map<string, string>();
  for (const plan of [base, head]) {
    for (const g of plan.goals) for (const o of g.objectives) titles.set(o.id, o.title);
  }

  for (const b of base.deliverables) {
    const who = deliverableName(b);
    const h = headById.get(b.id);
    if (!h) {
      add(
        "deliverable-removed",
        true,
        `${who} is removed, with its ${b.criteria.length === 1 ? "criterion" : `${b.criteria.length} criteria`}.`,
      );
      continue;
    }
    const bm = baseMilestone.get(b.id);
    const hm = headMilestone.get(b.id);
    if (bm && !hm)
      add(
        "deliverable-unscheduled",
        true,
        `${who} is no longer under milestone "${bm.title}" (${bm.id}), so no milestone waits for it.`,
      );
    if (bm && hm && bm.id !== hm.id) {
      add(
        "deliverable-moved",
        true,
        `${who} moves from milestone "${bm.title}" (${bm.id}) to "${hm.title}" (${hm.id}).`,
      );
    }
    if (!bm && hm)
      add(
        "deliverable-scheduled",
        false,
        `${who} is now under milestone "${hm.title}" (${hm.id}).`,
      );
    if (b.title !== h.title)
      add("deliverable-renamed", false, `${who} is renamed to "${h.title}".`);
    const bl = deliverableLabel(b);
    const hl = deliverableLabel(h);
    if (bl.toLowerCase() !== hl.toLowerCase()) {
      // Another label means other issues and pull requests count as its proof.
      add(
        "label-changed",
        true,
        `${who} changes its label from "${bl}" to "${hl}", so other issues count as its proof.`,
      );
    }
    if (!sameList(b.paths ?? [], h.paths ?? []))
      add("paths-changed", false, `${who} changes its paths.`);
    if ((b.objective ?? null) !== (h.objective ?? null)) {
      add(
        "deliverable-objective-changed",
        false,
        `${who} now serves objective ${h.objective ?? "(none)"} instead of ${b.objective ?? "(none)"}.`,
      );
    }
    changes.push(
      ...diffCriteria({ base: b, head: h, who, objectiveTitle: (id) => titles.get(id) }),
    );
  }
  for (const h of head.deliverables) {
    if (baseIds.has(h.id)) continue;
    const hm = headMilestone.get(h.id);
    const where = hm ? ` under milestone "${hm.title}" (${hm.id})` : "";
    add("deliverable-added", false, `${deliverableName(h)} is added${where}.`);
  }
}

type Add = (code: PlanChangeCode, weakens: boolean, message: string) => void;

/** Readable diff of two valid plans: milestones, deliverables, criteria, dates added/removed/changed. */
export function diffPlans(base: Plan, head: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  const add: Add = (code, weakens, message) => changes.push({ code, weakens, message });
  diffMilestones(base, head, add);
  diffDeliverables(base, head, add, changes);
  changes.push(...diffGoalsAndObjectives(base, head));
  changes.push(...diffSettings(base.settings, head.settings));
  return changes;
}
