/**
 * `issues: closed` — the deliverable's issues are the issues carrying its label. Those closed
 * as not planned (or as duplicates) leave its scope. Met when at least `min` remain in scope
 * and every one of them is closed as completed.
 *
 * Zero issues in scope is not met with the default `min: 1` (an empty repository proves
 * nothing). With an explicit `min: 0` it is met, as the rule reads ("at least 0 remain and
 * every one of them is closed"): that is the one thing `min: 0` can mean — issues are
 * optional, but any that exist must be closed.
 * A closed issue with no recorded reason (issues closed before GitHub recorded reasons)
 * counts as completed, as GitHub shows it.
 */
import { z } from "zod";
import { line, REF_LIST_LIMIT, scratchRefs } from "../model/detail-line.ts";
import { deliverableLabel } from "../model/names/labels.ts";
import type { SnapshotIssue } from "../model/snapshot.ts";
import { plural } from "../model/words.ts";
import type { CriterionContext } from "./context.ts";
import { compareThreshold, nameField } from "./fields.ts";
import { defineKind } from "./kind.ts";
import { type DeliverableRef, issuesOfDeliverable, type Run } from "./snapshot-index.ts";

/** Closed as not planned or as a duplicate: the issue no longer belongs to the deliverable. */
export function leavesScope(issue: SnapshotIssue): boolean {
  return (
    issue.state === "closed" &&
    (issue.stateReason === "not_planned" || issue.stateReason === "duplicate")
  );
}

/**
 * Issues carrying the deliverable's label, in number order (a run of the index's). `position`:
 * its plan position, when known.
 */
export function deliverableIssues(
  ctx: CriterionContext,
  deliverable: DeliverableRef,
  position = -1,
): Run<SnapshotIssue> {
  return issuesOfDeliverable(ctx.index, deliverable, position);
}

const OUT_OF_SCOPE = " closed as not planned or duplicate, out of scope";
/** The open issues a detail names (the first few). */
const namedOpen = scratchRefs();

export const issuesKind = defineKind({
  key: "issues",
  schema: z
    .strictObject({
      issues: z.literal("closed").describe("The deliverable's labelled issues are all closed."),
      min: z
        .number()
        .int()
        .min(0)
        .default(1)
        .describe("At least this many issues must be in scope."),
      name: nameField,
    })
    .describe("Every issue carrying the deliverable's label is closed as completed."),

  name: ({ criterion }) =>
    criterion.min > 1 ? `All issues closed (min ${criterion.min})` : "All issues closed",

  // The issues carrying the plan's labels are always read: nothing more to ask for.
  needs: () => {},

  evaluate: ({ ctx, deliverable, position, criterion }) => {
    const { min } = criterion;
    const { items, start, end } = deliverableIssues(ctx, deliverable, position);
    // Counted first, then the numbers written into arrays of their final size: big
    // deliverables have thousands of issues, and thousands of deliverables grow no arrays.
    let left = 0;
    let openCount = 0;
    for (let i = start; i < end; i++) {
      const issue = items[i] as SnapshotIssue;
      if (leavesScope(issue)) left++;
      else if (issue.state === "open") openCount++;
    }
    const inScope = new Array<number>(end - start - left);
    let at = 0;
    // The detail names the first few open ones.
    let named = 0;
    for (let i = start; i < end; i++) {
      const issue = items[i] as SnapshotIssue;
      if (leavesScope(issue)) continue;
      inScope[at++] = issue.number;
      if (issue.state === "open" && named < REF_LIST_LIMIT) namedOpen[named++] = issue.number;
    }
    const closed = inScope.length - openCount;
    if (inScope.length === 0) {
      const leftNote = left > 0 ? `; ${left}${OUT_OF_SCOPE}` : "";
      const label = deliverableLabel(deliverable);
      if (min === 0) {
        return {
          met: true,
          detail: `no issues labelled "${label}" in scope, and min is 0${leftNote}`,
          refs: inScope,
        };
      }
      return {
        met: false,
        detail: `no issues labelled "${label}" in scope${leftNote}; label at least ${plural(min, "issue")}`,
        refs: inScope,
      };
    }
    // One line written at once (see `model/detail-line.ts`): thousands of deliverables.
    line.begin().number(closed).text(" of ").count(inScope.length);
    line.text(inScope.length === 1 ? " issue closed" : " issues closed");
    if (openCount > 0) line.text("; open: ").refs(namedOpen, openCount, named);
    if (inScope.length < min) {
      line.text("; needs at least ").number(min).text(" in scope, has ").number(inScope.length);
    }
    if (left > 0) line.text("; ").number(left).text(OUT_OF_SCOPE);
    return {
      met: openCount === 0 && inScope.length >= min,
      detail: line.end(),
      refs: inScope,
    };
  },

  // Its open closing issues become closed as completed. Only open ones: merging leaves an
  // already-closed issue as it is (one closed as not planned stays out of scope).
  project: ({ snapshot, pr }) => {
    const closing = new Set(pr.closingIssues);
    if (closing.size === 0) return {};
    return {
      issues: snapshot.issues.map((issue) =>
        closing.has(issue.number) && issue.state === "open"
          ? { ...issue, state: "closed" as const, stateReason: "completed" as const }
          : issue,
      ),
    };
  },

  identity: () => "issues",
  diff: ({ base, head, who, name, add }) =>
    compareThreshold({ what: "min", from: base.min, to: head.min, who, name, add }),
});
