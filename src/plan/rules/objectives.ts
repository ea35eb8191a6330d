/** Objectives: a measure file that can exist, and SMART (a measure and a due date). */
import { repoPathProblem } from "../../model/repo-path.ts";
import { valueAt } from "../describe.ts";
import type { PathSegment } from "../positions.ts";
import type { PlanEntries } from "./plan-entries.ts";
import { idPath, name, type Rules } from "./rule-context.ts";

/** A `file` that can never be found in the repository as written. */
function checkRepoPath(params: { rules: Rules; path: PathSegment[]; subject: string }): void {
  const value = valueAt(params.rules.ctx.data, params.path);
  if (typeof value !== "string" || value.length === 0) return;
  const problem = repoPathProblem(value);
  if (problem) {
    params.rules.error(
      params.path,
      "invalid-repo-path",
      `${params.subject}: "file" "${value}" ${problem}`,
    );
  }
}

export function checkObjectives(rules: Rules, plan: PlanEntries): void {
  for (const objective of plan.objectives) {
    checkRepoPath({
      rules,
      path: [...objective.path, "measure", "file"],
      subject: `${name("objective", objective)} measure`,
    });
    const missing = ["measure", "due"].filter((key) => objective.raw[key] === undefined);
    if (missing.length > 0) {
      const fix = missing.map((k) =>
        k === "measure" ? "a measure (file, path, target)" : "a due date",
      );
      rules.warn(
        idPath(objective),
        "objective-not-smart",
        `${name("objective", objective)} has no ${missing.map((k) => (k === "due" ? "due date" : k)).join(" and no ")}, so it is not SMART — add ${fix.join(" and ")}`,
      );
    }
  }
}
