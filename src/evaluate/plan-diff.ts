import type { Plan } from "../plan/schema.ts";
import type { PlanChange } from "../report/types.ts";

/** Readable diff of two valid plans: milestones, deliverables, criteria, dates added/removed/changed. */
export function diffPlans(base: Plan, head: Plan): PlanChange[] {
  void base;
  void head;
  throw new Error("not implemented: diffPlans");
}
