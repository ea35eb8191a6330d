import { indexSnapshot, type SnapshotIndex } from "../criteria/snapshot-index.ts";
import { matchGitHubMilestones } from "../evaluate/github-milestones.ts";
import { type Evaluation, evaluateRepository } from "../evaluate/repository.ts";
import type { SyncAction } from "../model/actions.ts";
import { githubDay } from "../model/names/due-on.ts";
import {
  achievedFooterOf,
  descriptionMatches,
  expectedDescription,
} from "../model/names/milestone-description.ts";
import { reviewIssueTitle } from "../model/names/review-issue.ts";
import type { MilestoneResult, Report } from "../model/report.ts";
import type { Snapshot, SnapshotMilestone } from "../model/snapshot.ts";
import type { Plan } from "../plan/schema.ts";
import { milestoneEvidence, milestoneGaps, readyForReview } from "./evidence.ts";
import { issueActions } from "./issue-actions.ts";
import { labelActions } from "./label-actions.ts";
import { firedRiskLines, riskActions } from "./risk-actions.ts";

export interface SyncPlan {
  actions: SyncAction[];
  notInPlan: Report["notInPlan"];
}

/** Reasons are one readable line; the full list of gaps is in the report itself. */
const MAX_REASON_GAPS = 5;

/**
 * Pure: the sync actions (docs/app.md, "What it does") from (plan, snapshot, evaluation). Never a delete, never a
 * label removal, never an action on a GitHub milestone the plan does not name. This list is
 * the dry run.
 *
 * Order (deterministic, and the order the executor applies them in):
 *  1. create-label, in plan deliverable order;
 *  2. create-milestone / update-milestone, in plan milestone order;
 *  3. set-issue-milestone, by issue number (after the creates it may depend on);
 *  4. reopen-milestone, 5. open-review, 6. close-milestone, in plan milestone order
 *     (closing last, so a milestone's issues are in it when it closes);
 *  7. open-risk, in plan risk order.
 *
 * Every action is idempotent: planned again against the state after applying them, the
 * list is empty.
 */
export function planSync(params: {
  plan: Plan;
  snapshot: Snapshot;
  evaluation: Evaluation;
  /** The index the evaluation used (`evaluateAndPlan`), else built here. */
  index?: SnapshotIndex;
}): SyncPlan {
  const { plan, snapshot, evaluation } = params;
  const index = params.index ?? indexSnapshot(snapshot, plan);
  // 1. Which GitHub milestone belongs to which plan milestone (marker, else exact title).
  const matched = matchGitHubMilestones({ plan, milestones: snapshot.milestones });
  const results = new Map(evaluation.milestones.map((m) => [m.id, m]));

  // 2. Labels, milestones, issues.
  const actions: SyncAction[] = [...labelActions({ plan, snapshot, index })];
  for (const milestone of plan.milestones) {
    const action = milestoneAction({
      milestone,
      github: matched.get(milestone.id),
      result: results.get(milestone.id),
    });
    if (action) actions.push(action);
  }
  actions.push(...issueActions({ plan, snapshot, matched, index }));

  // 3. Open / closed state and reviews, from the evaluation.
  const reopen: SyncAction[] = [];
  const review: SyncAction[] = [];
  const close: SyncAction[] = [];
  for (const milestone of plan.milestones) {
    const result = results.get(milestone.id);
    if (!result) continue;
    const github = matched.get(milestone.id);
    const reopenAction = reopenIfRegressed({ plan, milestone, result, github });
    if (reopenAction) reopen.push(reopenAction);
    const reviewAction = reviewIfReady({ milestone, result, github, risks: evaluation.risks });
    if (reviewAction) review.push(reviewAction);
    if (github && github.state === "open" && result.achieved && milestone.close === "auto") {
      close.push({
        type: "close-milestone",
        milestone: milestone.id,
        number: github.number,
        evidence: milestoneEvidence(result),
      });
    }
  }
  actions.push(...reopen, ...review, ...close);
  actions.push(...riskActions({ snapshot, evaluation, matched }));

  // 4. GitHub milestones the plan does not claim: listed, never touched.
  const claimed = new Set([...matched.values()].map((m) => m.number));
  const notInPlan = snapshot.milestones
    .filter((m) => !claimed.has(m.number))
    .sort((a, b) => a.number - b.number)
    .map((m) => ({ number: m.number, title: m.title, state: m.state }));
  return { actions, notInPlan };
}

/**
 * The repository evaluated and its sync planned, reading the snapshot's labels once for both:
 * what every report and every sync does.
 */
export function evaluateAndPlan(params: { plan: Plan; snapshot: Snapshot }): {
  evaluation: Evaluation;
  sync: SyncPlan;
} {
  const index = indexSnapshot(params.snapshot, params.plan);
  const evaluation = evaluateRepository({ ...params, index });
  return { evaluation, sync: planSync({ ...params, evaluation, index }) };
}

function milestoneAction(params: {
  milestone: Plan["milestones"][number];
  github: SnapshotMilestone | undefined;
  result: MilestoneResult | undefined;
}): SyncAction | null {
  const { milestone, github, result } = params;
  const description = expectedDescription(milestone);
  if (!github) {
    const action: SyncAction = {
      type: "create-milestone",
      milestone: milestone.id,
      title: milestone.title,
      dueOn: milestone.due ?? "",
      description,
    };
    // Already achieved (a plan adopted mid-project): create it closed rather than create
    // then close, so one run reaches the fixed point.
    if (result?.achieved && milestone.close === "auto") {
      action.state = "closed";
      action.evidence = milestoneEvidence(result);
    }
    return action;
  }
  const changes: string[] = [];
  if (github.title !== milestone.title) changes.push("title");
  // A plan milestone without a date leaves GitHub's due date as it is.
  if (milestone.due !== undefined && githubDay(github.dueOn) !== milestone.due) {
    changes.push("dueOn");
  }
  if (!descriptionMatches({ actual: github.description, expected: description })) {
    changes.push("description");
  }
  if (changes.length === 0) return null;
  // Keep plan-align's own footer: the executor writes the description as given.
  const footer = achievedFooterOf(github.description);
  return {
    type: "update-milestone",
    milestone: milestone.id,
    number: github.number,
    title: milestone.title,
    dueOn: milestone.due ?? "",
    description: footer === "" ? description : `${description}\n\n${footer}`,
    changes,
  };
}

function reopenIfRegressed(params: {
  plan: Plan;
  milestone: Plan["milestones"][number];
  result: MilestoneResult;
  github: SnapshotMilestone | undefined;
}): SyncAction | null {
  const { plan, milestone, result, github } = params;
  if (github?.state !== "closed" || result.achieved) return null;
  // `report` leaves it closed (the report shows the regression); `close: manual` means a
  // human owns the milestone's open/closed state, so plan-align does not undo their choice.
  if (plan.settings.on_regression !== "reopen" || milestone.close !== "auto") return null;
  const gaps = milestoneGaps(result);
  const shown = gaps.slice(0, MAX_REASON_GAPS).join("; ");
  const more = gaps.length > MAX_REASON_GAPS ? `; and ${gaps.length - MAX_REASON_GAPS} more` : "";
  return {
    type: "reopen-milestone",
    milestone: milestone.id,
    number: github.number,
    reason: `No longer achieved: ${shown}${more}`,
  };
}

function reviewIfReady(params: {
  milestone: Plan["milestones"][number];
  result: MilestoneResult;
  github: SnapshotMilestone | undefined;
  risks: Evaluation["risks"];
}): SyncAction | null {
  const { milestone, result, github } = params;
  const review = milestone.review;
  // Never a second review issue: any existing one (open, closed or declined) stands.
  if (!review || !result.review || result.review.issue !== null) return null;
  if (result.achieved || !readyForReview(result)) return null;
  return {
    type: "open-review",
    milestone: milestone.id,
    number: github?.number ?? null,
    title: reviewIssueTitle(milestone.title),
    approvers: [...review.approvers],
    evidence: milestoneEvidence(result),
    ...firedRiskLines(params.risks, milestone.id),
  };
}
