/**
 * The JSON report, version 1 (DESIGN §5). Results are data: evaluation and sync planning
 * produce these shapes, and every renderer (Markdown check run, dashboard, CLI) reads them.
 * Fields beyond DESIGN's are additions it allows (titles, dates, reasons).
 */

export type Severity = "error" | "warning";

/** One validation finding, positioned in the plan file (1-based line and column). */
export interface Finding {
  severity: Severity;
  line: number;
  column: number;
  message: string;
  /** Stable machine code, e.g. `unknown-deliverable`, `yaml-syntax`. */
  code?: string;
  /** Range end, when known (for annotations). */
  endLine?: number;
  endColumn?: number;
}

export interface CriterionResult {
  kind: "issues" | "file" | "checks" | "pull_requests" | "objective";
  /** The criterion's `name:` or a generated one, e.g. "All issues closed (min 2)". */
  name: string;
  met: boolean;
  /** What was found, and what is missing when not met: "1 of 2 issues closed; open: #14". */
  detail: string;
  /** Issue or pull request numbers behind the result, for links. */
  refs?: number[];
}

export interface DeliverableResult {
  id: string;
  title: string;
  label: string;
  done: boolean;
  criteria: CriterionResult[];
}

export interface MilestoneResult {
  id: string;
  title: string;
  due: string;
  achieved: boolean;
  overdue: boolean;
  atRisk: boolean;
  /** Whole days from `evaluatedAt` to the end of the due day (negative when overdue). */
  daysLeft: number;
  githubMilestone: number | null;
  githubState: "open" | "closed" | null;
  close: "auto" | "manual";
  criteria: { met: number; total: number };
  deliverables: DeliverableResult[];
  /** `requires` entries and whether each is achieved. */
  requires: { id: string; achieved: boolean }[];
  /** Present when the milestone has `review`. */
  review?: { approvers: string[]; issue: number | null; signedOff: boolean; detail: string };
}

export interface ObjectiveResult {
  id: string;
  title: string;
  goal: string;
  /** true / false, or null when unknown (no measure). */
  met: boolean | null;
  value: number | null;
  target: string | null;
  baseline?: number;
  due?: string;
  detail: string;
}

export interface GoalResult {
  id: string;
  title: string;
  objectives: string[];
}

export type SyncAction =
  | {
      type: "create-milestone";
      milestone: string;
      title: string;
      dueOn: string;
      description: string;
      /**
       * "closed": the plan milestone is already achieved (close: auto) — create it closed,
       * with the "Achieved on" footer built from `evidence`, instead of create then close.
       */
      state?: "open" | "closed";
      /** With state "closed": what proves it achieved (as in close-milestone). */
      evidence?: string[];
    }
  | {
      type: "update-milestone";
      milestone: string;
      number: number;
      title: string;
      dueOn: string;
      description: string;
      /** Which of title, dueOn, description differ. */
      changes: string[];
    }
  | { type: "create-label"; label: string; deliverable: string }
  | {
      type: "set-issue-milestone";
      issue: number;
      milestone: string;
      number: number | null;
      from: number | null;
    }
  | { type: "close-milestone"; milestone: string; number: number; evidence: string[] }
  | { type: "reopen-milestone"; milestone: string; number: number; reason: string }
  | {
      type: "open-review";
      milestone: string;
      number: number | null;
      title: string;
      approvers: string[];
      evidence: string[];
    };

export type WarningCode =
  | "unlinked"
  | "milestone-mismatch"
  | "overdue"
  | "at-risk"
  | "plan-changed"
  | "plan-weakened"
  | "plan-invalid";

export interface PlanChange {
  /** e.g. `milestone-added`, `deliverable-removed`, `criterion-removed`, `date-later`, `min-lowered`. */
  code: string;
  weakens: boolean;
  message: string;
}

export type Conclusion = "success" | "neutral" | "failure";

export interface PullRequestReport {
  number: number;
  title?: string;
  aligned: boolean;
  deliverables: string[];
  milestones: string[];
  /** Milestone ids not achieved now but achieved after the merge. */
  achieves: string[];
  /** Milestone ids achieved now but not after the merge. */
  regresses: string[];
  warnings: { code: WarningCode; message: string; level?: "warn" | "fail" }[];
  planChanges: PlanChange[];
  /** Findings of the plan at the head, when the pull request changes it. */
  headPlanFindings?: Finding[];
  conclusion: Conclusion;
}

export interface Report {
  version: 1;
  repository: string;
  evaluatedAt: string;
  plan: { path: string; valid: boolean; findings: Finding[] };
  goals: GoalResult[];
  objectives: ObjectiveResult[];
  milestones: MilestoneResult[];
  /** Deliverables listed under no milestone (evaluated, but with no date). */
  unscheduled: DeliverableResult[];
  actions: SyncAction[];
  notInPlan: { number: number; title: string; state?: "open" | "closed" }[];
  pullRequest?: PullRequestReport;
}
