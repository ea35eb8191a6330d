/**
 * `issues: closed` — the deliverable's issues are the issues carrying its label. Those closed
 * as not planned (or as duplicates) leave its scope. Met when at least `min` remain in scope
 * and every one of them is closed as completed.
 *
 * Zero issues in scope is not met with the default `min: 1` (an empty repository proves
 * nothing). With an explicit `min: 0` it is met, as DESIGN's rule reads ("at least 0
 * remain and every one of them is closed"): that is the one thing `min: 0` can mean —
 * issues are optional, but any that exist must be closed.
 * A closed issue with no recorded reason (issues closed before GitHub recorded reasons)
 * counts as completed, as GitHub shows it.
 */

import { deliverableLabel, labelKey } from "../../model/names/labels.ts";
import type { CriterionResult } from "../../model/report.ts";
import type { SnapshotIssue } from "../../model/snapshot.ts";
import { plural, refList } from "../../model/words.ts";
import type { Deliverable } from "../../plan/schema.ts";
import type { EvaluationContext } from "../context.ts";

/** Closed as not planned or as a duplicate: the issue no longer belongs to the deliverable. */
export function leavesScope(issue: SnapshotIssue): boolean {
  return (
    issue.state === "closed" &&
    (issue.stateReason === "not_planned" || issue.stateReason === "duplicate")
  );
}

/** Issues carrying the deliverable's label, in number order (shared by the index: read only). */
export function deliverableIssues(
  ctx: EvaluationContext,
  deliverable: Deliverable,
): readonly SnapshotIssue[] {
  return ctx.index.issuesByLabel.get(labelKey(deliverableLabel(deliverable))) ?? [];
}

export function evaluateIssuesCriterion(params: {
  ctx: EvaluationContext;
  deliverable: Deliverable;
  min: number;
}): Omit<CriterionResult, "name" | "kind"> {
  const { ctx, deliverable, min } = params;
  const label = deliverableLabel(deliverable);
  const all = deliverableIssues(ctx, deliverable);
  // One pass: big deliverables have thousands of issues.
  const refs: number[] = [];
  const open: number[] = [];
  let left = 0;
  for (const issue of all) {
    if (leavesScope(issue)) {
      left++;
      continue;
    }
    refs.push(issue.number);
    if (issue.state === "open") open.push(issue.number);
  }
  const inScope = refs;
  const closed = inScope.length - open.length;
  const leftNote = left > 0 ? `; ${left} closed as not planned or duplicate, out of scope` : "";

  if (inScope.length === 0) {
    if (min === 0) {
      return {
        met: true,
        detail: `no issues labelled "${label}" in scope, and min is 0${leftNote}`,
        refs,
      };
    }
    return {
      met: false,
      detail: `no issues labelled "${label}" in scope${leftNote}; label at least ${plural(min, "issue")}`,
      refs,
    };
  }
  const parts = [`${closed} of ${plural(inScope.length, "issue")} closed`];
  if (open.length > 0) parts.push(`open: ${refList(open)}`);
  if (inScope.length < min) parts.push(`needs at least ${min} in scope, has ${inScope.length}`);
  return {
    met: open.length === 0 && inScope.length >= min,
    detail: parts.join("; ") + leftNote,
    refs,
  };
}
