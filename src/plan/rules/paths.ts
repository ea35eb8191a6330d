/** Deliverables' `paths` globs: each one usable, within the size a glob may have. */
import { globProblem } from "../../model/glob/glob.ts";
import type { PlanEntries } from "./plan-entries.ts";
import { name, type Rules } from "./rule-context.ts";

export function checkPaths(rules: Rules, plan: PlanEntries): void {
  for (const deliverable of plan.deliverables) {
    const paths = deliverable.raw.paths;
    if (!Array.isArray(paths)) continue;
    paths.forEach((pattern, i) => {
      if (typeof pattern !== "string" || pattern.length === 0) return;
      const problem = globProblem(pattern);
      if (problem === undefined) return;
      rules.error(
        [...deliverable.path, "paths", i],
        "invalid-glob",
        `${name("deliverable", deliverable)}: entry ${i + 1} of "paths" ${problem}`,
      );
    });
  }
}
