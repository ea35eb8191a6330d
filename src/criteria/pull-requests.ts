/**
 * `pull_requests: merged` — the deliverable's pull requests are those carrying its label or
 * closing one of its issues. Met when at least `min` are merged and every merged one had at
 * least `approvals` approving reviews. Open or closed-unmerged ones neither help nor hurt.
 */
import { z } from "zod";
import type { SnapshotIssue, SnapshotPullRequest } from "../model/snapshot.ts";
import { plural, REF_LIST_LIMIT, refList } from "../model/words.ts";
import type { CriterionContext } from "./context.ts";
import { compareThreshold, nameField } from "./fields.ts";
import { deliverableIssues } from "./issues.ts";
import { defineKind } from "./kind.ts";
import { type DeliverableRef, pullRequestsLabelled, runItems } from "./snapshot-index.ts";

/**
 * Pull requests carrying the deliverable's label or closing one of its issues, by number.
 * `position`: its plan position, when known.
 */
export function deliverablePullRequests(
  ctx: CriterionContext,
  deliverable: DeliverableRef,
  position = -1,
): readonly SnapshotPullRequest[] {
  const labelled = runItems(pullRequestsLabelled(ctx.index, deliverable, position));
  let found: Map<number, SnapshotPullRequest> | null = null;
  const { items, start, end } = deliverableIssues(ctx, deliverable, position);
  for (let i = start; i < end; i++) {
    const closing = ctx.index.pullRequestsByClosingIssue.get((items[i] as SnapshotIssue).number);
    if (!closing) continue;
    found ??= new Map(labelled.map((pr) => [pr.number, pr]));
    if (!Array.isArray(closing)) found.set(closing.number, closing);
    else for (const pr of closing) found.set(pr.number, pr);
  }
  // Only labelled ones (the common case): the index already holds them in number order.
  if (!found) return labelled;
  return [...found.values()].sort((a, b) => a.number - b.number);
}

/** How many different logins approved it (a login listed twice counts once). */
function approvers(pr: SnapshotPullRequest): number {
  const { approvals } = pr;
  if (approvals.length > 8) return new Set(approvals).size;
  let n = 0;
  for (let i = 0; i < approvals.length; i++) {
    if (approvals.indexOf(approvals[i] as string) === i) n++;
  }
  return n;
}

/** At most this many pull requests short of approvals are named in a detail. */
const MAX_NAMED = 10;

export const pullRequestsKind = defineKind({
  key: "pull_requests",
  schema: z
    .strictObject({
      pull_requests: z.literal("merged").describe("The deliverable's pull requests are merged."),
      approvals: z
        .number()
        .int()
        .min(0)
        .default(0)
        .describe("Approving reviews each merged pull request must have had."),
      min: z.number().int().min(0).default(1).describe("At least this many must be merged."),
      name: nameField,
    })
    .describe("Pull requests carrying the label, or closing one of its issues, are merged."),

  name: ({ criterion }) => {
    let name = "Pull requests merged";
    if (criterion.min > 1) name += ` (min ${criterion.min})`;
    if (criterion.approvals > 0) name += `, ${plural(criterion.approvals, "approval")} each`;
    return name;
  },

  needs: ({ needs }) => {
    needs.pullRequests = true;
  },

  evaluate: ({ ctx, deliverable, position, criterion }) => {
    const { min, approvals } = criterion;
    const prs = deliverablePullRequests(ctx, deliverable, position);
    // One pass; only the first few merged and short ones are named in the detail.
    const refs = new Array<number>(prs.length);
    const named: number[] = [];
    let merged = 0;
    let short = 0;
    const shortNamed: string[] = [];
    for (let i = 0; i < prs.length; i++) {
      const pr = prs[i] as SnapshotPullRequest;
      refs[i] = pr.number;
      if (!pr.merged) continue;
      merged++;
      if (named.length < REF_LIST_LIMIT) named.push(pr.number);
      const n = approvals > 0 ? approvers(pr) : 0;
      if (n >= approvals) continue;
      short++;
      if (short <= MAX_NAMED) {
        shortNamed.push(`#${pr.number} had ${n} of ${plural(approvals, "required approval")}`);
      }
    }

    // Parts joined (one flat string, see `refList`).
    const parts: string[] = [];
    if (prs.length === 0) parts.push("no pull requests found");
    else if (merged === 0) parts.push(`none of ${plural(prs.length, "pull request")} merged`);
    else {
      parts.push(
        `${merged} of ${plural(prs.length, "pull request")} merged (${refList(named, merged)})`,
      );
    }
    if (merged < min) parts.push(`needs at least ${min} merged`);
    parts.push(...shortNamed);
    if (short > MAX_NAMED) parts.push(`and ${short - MAX_NAMED} more without enough approvals`);
    return { met: merged >= min && short === 0, detail: parts.join("; "), refs };
  },

  // It counts as merged, with the approvals it has now.
  project: ({ snapshot, pr }) => ({
    pullRequests: snapshot.pullRequests.map((p) =>
      p.number === pr.number ? { ...p, state: "closed" as const, merged: true } : p,
    ),
  }),

  identity: () => "pull_requests",
  diff: ({ base, head, who, name, add }) => {
    compareThreshold({ what: "min", from: base.min, to: head.min, who, name, add });
    compareThreshold({
      what: "approvals",
      from: base.approvals,
      to: head.approvals,
      who,
      name,
      add,
    });
  },
});
