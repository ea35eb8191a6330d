/**
 * A pull request's alignment with the plan (docs/evaluation.md): what it serves, what merging it
 * achieves or regresses, and the warnings a reviewer should see. Always judged against the
 * BASE plan, so a pull request cannot lower the bar it is measured by.
 */

import { projectMerge } from "../criteria/projection.ts";
import type {
  Conclusion,
  MilestoneResult,
  PlanChange,
  PullRequestReport,
} from "../model/report.ts";
import type { Snapshot, SnapshotPullRequest } from "../model/snapshot.ts";
import { plural } from "../model/words.ts";
import { formatFinding } from "../plan/format-finding.ts";
import type { PlanLoadResult } from "../plan/load.ts";
import type { Plan } from "../plan/schema.ts";
import { alreadyDoneWarning } from "./already-done.ts";
import { matchGitHubMilestones } from "./github-milestones.ts";
import { mergeChanges } from "./merge-changes.ts";
import { diffPlans } from "./plan-diff.ts";
import { type Evaluation, evaluateRepository } from "./repository.ts";
import { servedDeliverables, servedMilestones } from "./serves.ts";

type Warning = PullRequestReport["warnings"][number];
type Level = "warn" | "fail" | "ignore";

const MAX_LISTED_CHANGES = 5;

function missingReport(number: number): PullRequestReport {
  return {
    number,
    aligned: false,
    deliverables: [],
    milestones: [],
    achieves: [],
    regresses: [],
    warnings: [
      {
        code: "unlinked",
        level: "warn",
        message: `Pull request #${number} is not in the repository snapshot, so its alignment could not be judged. Take the snapshot with --pr ${number} so that it includes this pull request.`,
      },
    ],
    planChanges: [],
    conclusion: "neutral",
  };
}

function conclusionOf(warnings: Warning[]): Conclusion {
  if (warnings.some((w) => w.level === "fail")) return "failure";
  return warnings.length > 0 ? "neutral" : "success";
}

function describeGitHubMilestone(snapshot: Snapshot, number: number): string {
  const gh = snapshot.milestones.find((m) => m.number === number);
  return gh ? `"${gh.title}" (#${number})` : `#${number}`;
}

function mismatchMessage(params: {
  snapshot: Snapshot;
  pr: SnapshotPullRequest;
  served: MilestoneResult[];
}): string {
  const own = describeGitHubMilestone(params.snapshot, params.pr.milestone ?? 0);
  if (params.served.length === 0) {
    return `This pull request is in GitHub milestone ${own}, but it serves no deliverable of the plan, so no plan milestone waits for it.`;
  }
  const targets = params.served.map((m) =>
    m.githubMilestone === null
      ? `"${m.title}" (not yet on GitHub)`
      : `"${m.title}" (#${m.githubMilestone})`,
  );
  return `This pull request is in GitHub milestone ${own}, but the deliverables it serves belong to ${targets.join(" and ")}. Move it to ${params.served.length === 1 ? "that milestone" : "one of those milestones"}.`;
}

function timingWarnings(after: MilestoneResult[]): Warning[] {
  const warnings: Warning[] = [];
  for (const m of after) {
    if (m.overdue) {
      const late = -m.daysLeft;
      warnings.push({
        code: "overdue",
        level: "warn",
        message: `Milestone "${m.title}" was due ${m.due} and is overdue by ${plural(late, "day")}; merging this pull request does not achieve it.`,
      });
    } else if (m.atRisk) {
      const when = m.daysLeft === 0 ? "today" : `in ${plural(m.daysLeft, "day")}`;
      warnings.push({
        code: "at-risk",
        level: "warn",
        message: `Milestone "${m.title}" is due ${when} (${m.due}) and is at risk: merging this pull request does not achieve it.`,
      });
    }
  }
  return warnings;
}

function planWarnings(params: {
  plan: Plan;
  planPath: string;
  pr: SnapshotPullRequest;
  headPlan?: PlanLoadResult;
  weakenedLevel: Level;
}): { warnings: Warning[]; planChanges: PlanChange[] } {
  const { planPath, headPlan } = params;
  const warnings: Warning[] = [];
  let planChanges: PlanChange[] = [];
  const touched = params.pr.changedFiles?.includes(planPath) ?? false;
  const headValid = headPlan?.valid === true && headPlan.plan !== null;
  if (headValid && headPlan.plan) planChanges = diffPlans(params.plan, headPlan.plan);
  const invalid = headPlan !== undefined && !headValid;

  if (touched || planChanges.length > 0 || invalid) {
    let message: string;
    if (headValid) {
      const weakening = planChanges.filter((c) => c.weakens).length;
      message =
        planChanges.length === 0
          ? `This pull request edits the plan file ${planPath}, without changing what it plans.`
          : `This pull request changes the plan file ${planPath}: ${plural(planChanges.length, "change")}${weakening > 0 ? `, ${weakening} of which weaken${weakening === 1 ? "s" : ""} it` : ""}. It is still judged against the plan on its base branch.`;
    } else if (invalid) {
      message = `This pull request changes the plan file ${planPath}, but the changed plan is invalid, so its changes cannot be listed.`;
    } else {
      message = `This pull request changes the plan file ${planPath}. It is judged against the plan on its base branch.`;
    }
    warnings.push({ code: "plan-changed", level: "warn", message });
  }

  const weakening = planChanges.filter((c) => c.weakens);
  if (weakening.length > 0 && params.weakenedLevel !== "ignore") {
    const listed = weakening.slice(0, MAX_LISTED_CHANGES).map((c) => c.message.replace(/\.$/, ""));
    const more = weakening.length - listed.length;
    warnings.push({
      code: "plan-weakened",
      level: params.weakenedLevel,
      message: `This pull request weakens the plan: ${listed.join("; ")}${more > 0 ? `; and ${more} more` : ""}. A maintainer should confirm the plan may be lowered.`,
    });
  }

  if (invalid && headPlan) {
    const errors = headPlan.findings.filter((f) => f.severity === "error");
    const first = errors[0];
    const where = first ? ` First: ${formatFinding(headPlan.path || planPath, first)}` : "";
    warnings.push({
      code: "plan-invalid",
      level: "fail",
      message: `The plan file ${headPlan.path || planPath} at the head of this pull request is invalid (${plural(errors.length, "error")}); fix it before merging.${where}`,
    });
  }
  return { warnings, planChanges };
}

/**
 * Pure: a pull request's alignment, always judged against the BASE plan. `headPlan` is the
 * plan loaded from the pull request's head when it changes the plan file (for the diff and
 * `plan-invalid`). `current` is the evaluation of the repository as it is (to find what
 * the merge achieves or regresses).
 */
export function evaluatePullRequest(params: {
  plan: Plan;
  snapshot: Snapshot;
  number: number;
  planPath: string;
  current: Evaluation;
  headPlan?: PlanLoadResult;
}): PullRequestReport {
  const { plan, snapshot, current } = params;
  const pr = snapshot.pullRequests.find((p) => p.number === params.number);
  if (!pr) return missingReport(params.number);
  const levels = plan.settings.pull_requests;

  const deliverables = servedDeliverables({ plan, issues: snapshot.issues, pr });
  const milestones = servedMilestones(plan, deliverables);

  const after = evaluateRepository({ plan, snapshot: projectMerge(snapshot, pr) });
  const achievedNow = new Map(current.milestones.map((m) => [m.id, m.achieved]));
  const achieves = after.milestones
    .filter((m) => m.achieved && achievedNow.get(m.id) === false)
    .map((m) => m.id);
  const regresses = after.milestones
    .filter((m) => !m.achieved && achievedNow.get(m.id) === true)
    .map((m) => m.id);

  const warnings: Warning[] = [];
  if (deliverables.length === 0 && levels.unlinked !== "ignore") {
    warnings.push({
      code: "unlinked",
      level: levels.unlinked,
      message:
        "This pull request serves no deliverable of the plan: it carries no deliverable's label, closes none of a deliverable's issues and changes no file under a deliverable's paths. Link it to the work it serves, or add that work to the plan.",
    });
  }

  const polishing = alreadyDoneWarning({
    served: deliverables,
    current,
    level: levels.already_done,
  });
  if (polishing) warnings.push(polishing);

  const servedIds = new Set(milestones);
  const served = after.milestones.filter((m) => servedIds.has(m.id));
  if (pr.milestone !== null && levels.milestone_mismatch !== "ignore") {
    const github = matchGitHubMilestones({ plan, milestones: snapshot.milestones });
    const expected = new Set(milestones.map((id) => github.get(id)?.number));
    if (!expected.has(pr.milestone)) {
      warnings.push({
        code: "milestone-mismatch",
        level: levels.milestone_mismatch,
        message: mismatchMessage({ snapshot, pr, served }),
      });
    }
  }

  // Overdue / at risk as they would stand after the merge: a pull request that achieves a
  // late milestone is the fix, not a reason to warn.
  warnings.push(...timingWarnings(served));

  const planPart = planWarnings({
    plan,
    planPath: params.planPath,
    pr,
    ...(params.headPlan ? { headPlan: params.headPlan } : {}),
    weakenedLevel: levels.plan_weakened,
  });
  warnings.push(...planPart.warnings);

  const conclusion = conclusionOf(warnings);
  return {
    number: pr.number,
    title: pr.title,
    aligned: deliverables.length > 0 && conclusion !== "failure",
    deliverables,
    milestones,
    achieves,
    regresses,
    mergeChanges: mergeChanges({ milestones, current, after }),
    warnings,
    planChanges: planPart.planChanges,
    ...(params.headPlan ? { headPlanFindings: params.headPlan.findings } : {}),
    conclusion,
  };
}
