/**
 * Loads a plan file: YAML with positions → schema → cross-reference validation.
 * Never throws on bad input: everything wrong becomes a positioned Finding.
 */
import type { Finding } from "../report/types.ts";
import type { Plan } from "./schema.ts";

export interface PlanLoadResult {
  /** Repository-relative (or CLI-given) path, used in messages. */
  path: string;
  /** The parsed plan with defaults applied; null when the plan has errors. */
  plan: Plan | null;
  /** Errors and warnings, sorted by position. */
  findings: Finding[];
  valid: boolean;
}

export function loadPlan(params: { text: string; path: string }): PlanLoadResult {
  void params;
  throw new Error("not implemented: loadPlan");
}
