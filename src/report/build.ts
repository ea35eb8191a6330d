import type { Snapshot } from "../snapshot/schema.ts";
import type { Report } from "./types.ts";

/**
 * The one pure pipeline every front end calls: load + validate the plan text, evaluate the
 * repository, plan the sync, and (with `pr`) judge the pull request against this (base)
 * plan, reading the head plan from the pull request's `headFiles` when it changes it.
 */
export function buildReport(params: {
  planText: string;
  planPath: string;
  snapshot: Snapshot;
  pr?: number;
}): Report {
  void params;
  throw new Error("not implemented: buildReport");
}
