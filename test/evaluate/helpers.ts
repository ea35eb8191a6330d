/** Plain-object builders for evaluation tests: schema defaults applied, no files, no HTTP. */

import { evaluateRepository } from "../../src/evaluate/repository.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import type { Plan } from "../../src/plan/schema.ts";
import { plan } from "../support/builders.ts";

export { plan, snapshot } from "../support/builders.ts";

/** One deliverable `d` with the given criteria, in one milestone `m`. */
export function onePlan(
  criteria: Record<string, unknown>[],
  extra: {
    deliverable?: Record<string, unknown>;
    milestone?: Record<string, unknown>;
    goals?: unknown[];
  } = {},
): Plan {
  return plan({
    goals: extra.goals ?? [],
    milestones: [
      { id: "m", title: "M", due: "2026-06-01", deliverables: ["d"], ...extra.milestone },
    ],
    deliverables: [{ id: "d", title: "D", criteria, ...extra.deliverable }],
  });
}

export function issue(
  number: number,
  state: "open" | "closed",
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    number,
    title: `Issue ${number}`,
    state,
    stateReason: state === "closed" ? "completed" : null,
    labels: ["deliverable:d"],
    ...extra,
  };
}

export function pr(number: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { number, title: `PR ${number}`, state: "open", merged: false, ...extra };
}

/** Evaluates a one-deliverable plan and returns the result of its first criterion. */
export function firstCriterion(p: Plan, s: Snapshot) {
  const result = evaluateRepository({ plan: p, snapshot: s }).milestones[0]?.deliverables[0]
    ?.criteria[0];
  if (!result) throw new Error("no criterion result");
  return result;
}

/** `list[i]`, failing the test when it is missing (instead of a non-null assertion). */
export function nth<T>(list: T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}
