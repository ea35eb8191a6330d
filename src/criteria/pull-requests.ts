/**
 * `pull_requests: merged` — the deliverable's pull requests are those carrying its label or
 * closing one of its issues. Met when at least `min` are merged and every merged one had at
 * least `approvals` approving reviews. Open or closed-unmerged ones neither help nor hurt.
 */
import { z } from "zod";
import { line, REF_LIST_LIMIT, scratchRefs } from "../model/detail-line.ts";
import type { SnapshotPullRequest } from "../model/snapshot.ts";
import { plural } from "../model/words.ts";
import type { CriterionContext } from "./context.ts";
import { compareThreshold, nameField } from "./fields.ts";
import { defineKind } from "./kind.ts";
import { type DeliverableRef, pullRequestsOfDeliverable, type Run } from "./snapshot-index.ts";

/**
 * Pull requests carrying the deliverable's label or closing one of its issues, in number order
 * (a run of the index's). `position`: its plan position, when known.
 */
export function deliverablePullRequests(
  ctx: CriterionContext,
  deliverable: DeliverableRef,
  position = -1,
): Run<SnapshotPullRequest> {
  return pullRequestsOfDeliverable(ctx.index, deliverable, position);
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

const PULL_REQUESTS_MERGED = (n: number) =>
  n === 1 ? " pull request merged" : " pull requests merged";

/** At most this many pull requests short of approvals are named in a detail. */
const MAX_NAMED = 10;
/** The merged pull requests a detail names (the first few). */
const namedMerged = scratchRefs();
/** Those short of approvals it names: number, then how many approvals it had. */
const namedShort = new Array<number>(2 * MAX_NAMED).fill(0);

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
    const { items, start, end } = deliverablePullRequests(ctx, deliverable, position);
    const count = end - start;
    // One pass; only the first few merged and short ones are named in the detail.
    const refs = new Array<number>(count);
    let merged = 0;
    let short = 0;
    for (let i = 0; i < count; i++) {
      const pr = items[start + i] as SnapshotPullRequest;
      refs[i] = pr.number;
      if (!pr.merged) continue;
      if (merged < REF_LIST_LIMIT) namedMerged[merged] = pr.number;
      merged++;
      const n = approvals > 0 ? approvers(pr) : 0;
      if (n >= approvals) continue;
      if (short < MAX_NAMED) {
        namedShort[2 * short] = pr.number;
        namedShort[2 * short + 1] = n;
      }
      short++;
    }

    // One line written at once (see `model/detail-line.ts`): thousands of deliverables.
    line.begin();
    if (count === 0) line.text("no pull requests found");
    else if (merged === 0) line.text("none of ").count(count).text(PULL_REQUESTS_MERGED(count));
    else {
      line.number(merged).text(" of ").count(count).text(PULL_REQUESTS_MERGED(count));
      line.text(" (").refs(namedMerged, merged, merged).text(")");
    }
    if (merged < min) line.text("; needs at least ").number(min).text(" merged");
    for (let i = 0; i < 2 * Math.min(short, MAX_NAMED); i += 2) {
      line
        .text("; #")
        .number(namedShort[i] as number)
        .text(" had ")
        .number(namedShort[i + 1] as number)
        .text(" of ")
        .count(approvals)
        .text(approvals === 1 ? " required approval" : " required approvals");
    }
    if (short > MAX_NAMED) {
      line
        .text("; and ")
        .number(short - MAX_NAMED)
        .text(" more without enough approvals");
    }
    return { met: merged >= min && short === 0, detail: line.end(), refs };
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
