/**
 * `pull_requests: merged` — the deliverable's pull requests are those carrying its label or
 * closing one of its issues. Met when at least `min` are merged and every merged one had at
 * least `approvals` approving reviews. Open or closed-unmerged ones neither help nor hurt.
 */

import { deliverableLabel, labelKey } from "../../model/names/labels.ts";
import type { CriterionResult } from "../../model/report.ts";
import type { SnapshotPullRequest } from "../../model/snapshot.ts";
import { plural, refList } from "../../model/words.ts";
import type { Deliverable } from "../../plan/schema.ts";
import type { EvaluationContext } from "../context.ts";
import { deliverableIssues } from "./issues.ts";

/** Pull requests carrying the deliverable's label or closing one of its issues, by number. */
export function deliverablePullRequests(
  ctx: EvaluationContext,
  deliverable: Deliverable,
): readonly SnapshotPullRequest[] {
  const labelled = ctx.index.pullRequestsByLabel.get(labelKey(deliverableLabel(deliverable))) ?? [];
  let found: Map<number, SnapshotPullRequest> | null = null;
  for (const issue of deliverableIssues(ctx, deliverable)) {
    const closing = ctx.index.pullRequestsByClosingIssue.get(issue.number);
    if (!closing) continue;
    found ??= new Map(labelled.map((pr) => [pr.number, pr]));
    for (const pr of closing) found.set(pr.number, pr);
  }
  // Only labelled ones (the common case): the index already holds them in number order.
  if (!found) return labelled;
  return [...found.values()].sort((a, b) => a.number - b.number);
}

export function evaluatePullRequestsCriterion(params: {
  ctx: EvaluationContext;
  deliverable: Deliverable;
  min: number;
  approvals: number;
}): Omit<CriterionResult, "name" | "kind"> {
  const { min, approvals } = params;
  const prs = deliverablePullRequests(params.ctx, params.deliverable);
  const merged = prs.filter((pr) => pr.merged);
  const short = merged.filter((pr) => new Set(pr.approvals).size < approvals);
  const refs = prs.map((pr) => pr.number);

  const parts: string[] = [];
  if (prs.length === 0) parts.push("no pull requests found");
  else if (merged.length === 0) parts.push(`none of ${plural(prs.length, "pull request")} merged`);
  else
    parts.push(
      `${merged.length} of ${plural(prs.length, "pull request")} merged (${refList(merged.map((p) => p.number))})`,
    );
  if (merged.length < min) parts.push(`needs at least ${min} merged`);
  for (const pr of short.slice(0, 10)) {
    const n = new Set(pr.approvals).size;
    parts.push(`#${pr.number} had ${n} of ${plural(approvals, "required approval")}`);
  }
  if (short.length > 10) parts.push(`and ${short.length - 10} more without enough approvals`);
  return { met: merged.length >= min && short.length === 0, detail: parts.join("; "), refs };
}
