/** The name a criterion is shown under: its `name:`, or one generated from what it checks. */

import { plural } from "../../model/words.ts";
import type { Criterion } from "../../plan/schema.ts";

/** `objectiveTitle` finds an objective's title by id, for "Objective met: <title>". */
export function criterionName(
  criterion: Criterion,
  objectiveTitle: (id: string) => string | undefined = () => undefined,
): string {
  if (criterion.name) return criterion.name;
  if ("issues" in criterion) {
    return criterion.min > 1 ? `All issues closed (min ${criterion.min})` : "All issues closed";
  }
  if ("file" in criterion) {
    const parts: string[] = [];
    const headings = criterion.headings ?? [];
    const contains = criterion.contains ?? [];
    if (headings.length > 0) parts.push(`with ${plural(headings.length, "required heading")}`);
    if (contains.length > 0) parts.push(`containing ${plural(contains.length, "required text")}`);
    return [`File ${criterion.file}`, parts.join(" and ")].filter(Boolean).join(" ");
  }
  if ("checks" in criterion) return `Checks pass: ${criterion.checks.join(", ")}`;
  if ("pull_requests" in criterion) {
    let name = "Pull requests merged";
    if (criterion.min > 1) name += ` (min ${criterion.min})`;
    if (criterion.approvals > 0) name += `, ${plural(criterion.approvals, "approval")} each`;
    return name;
  }
  return `Objective met: ${objectiveTitle(criterion.objective) ?? criterion.objective}`;
}
