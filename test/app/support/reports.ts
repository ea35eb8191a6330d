import type { DeliverableResult, MilestoneResult, Report } from "../../../src/model/report.ts";
import type { Plan } from "../../../src/plan/schema.ts";

/** Hand-written reports for the dashboard tests (the canteen example of DESIGN §2). */
export function deliverable(over: Partial<DeliverableResult> & { id: string }): DeliverableResult {
  return {
    title: over.id,
    label: `deliverable:${over.id}`,
    owner: null,
    done: false,
    criteria: [],
    ...over,
  };
}

export function milestone(over: Partial<MilestoneResult> & { id: string }): MilestoneResult {
  return {
    title: over.id,
    due: "2026-04-01",
    achieved: false,
    overdue: false,
    atRisk: false,
    daysLeft: 30,
    githubMilestone: null,
    githubState: null,
    close: "auto",
    criteria: { met: 0, total: 1 },
    deliverables: [],
    requires: [],
    ...over,
  };
}

export function canteenReport(): Report {
  return {
    version: 1,
    repository: "acme/canteen",
    evaluatedAt: "2026-03-01T12:00:00Z",
    forecast: null,
    plan: {
      path: ".github/plan.yml",
      valid: true,
      findings: [
        {
          severity: "warning",
          line: 40,
          column: 5,
          message: 'deliverable "queue-display" is not traced to an objective',
        },
      ],
    },
    goals: [
      {
        id: "shorter-queues",
        title: "Shorter queues at the theatre canteen",
        objectives: ["wait-minus-2"],
      },
    ],
    objectives: [
      {
        id: "wait-minus-2",
        title: "Cut the average wait by 2 minutes per person",
        goal: "shorter-queues",
        met: false,
        value: 5.1,
        target: "<= 4",
        baseline: 6,
        due: "2026-06-30",
        detail: "5.1 does not meet <= 4",
      },
    ],
    milestones: [
      milestone({
        id: "requirements-approved",
        title: "Requirements approved",
        due: "2026-02-15",
        achieved: true,
        daysLeft: -14,
        githubMilestone: 1,
        githubState: "closed",
        criteria: { met: 3, total: 3 },
        review: {
          approvers: ["alice", "bob"],
          issue: 20,
          signedOff: true,
          detail: "signed off by alice",
        },
        deliverables: [
          deliverable({
            id: "requirements-doc",
            title: "Requirements document",
            label: "deliverable: requirements",
            done: true,
            criteria: [
              {
                kind: "issues",
                name: "All issues closed",
                met: true,
                detail: "2 of 2 issues closed",
              },
              {
                kind: "file",
                name: "docs/requirements/README.md has its headings",
                met: true,
                detail: "3 of 3 headings",
              },
            ],
          }),
        ],
      }),
      milestone({
        id: "prototype-done",
        title: "Prototype completed",
        due: "2026-03-05",
        atRisk: true,
        daysLeft: 4,
        githubMilestone: 2,
        githubState: "open",
        criteria: { met: 2, total: 5 },
        requires: [{ id: "requirements-approved", achieved: true }],
        deliverables: [
          deliverable({
            id: "queue-display",
            title: "Queue display module",
            criteria: [
              {
                kind: "issues",
                name: "All issues closed (min 2)",
                met: false,
                detail: "1 of 2 issues closed; open: #14",
              },
              {
                kind: "checks",
                name: "Checks test, lint pass",
                met: false,
                detail: "lint: failure",
              },
            ],
          }),
          deliverable({
            id: "analysis-report",
            title: "First draft of analysis report",
            done: true,
            criteria: [{ kind: "file", name: "reports/analysis.md", met: true, detail: "found" }],
          }),
        ],
      }),
    ],
    unscheduled: [],
    risks: [],
    actions: [],
    notInPlan: [{ number: 7, title: "Backlog @everyone", state: "open" }],
  };
}

/** Just what the dashboard reads from a plan: which objective each deliverable serves. */
export function canteenPlan(): Plan {
  return {
    version: 1,
    goals: [],
    milestones: [],
    deliverables: [
      {
        id: "requirements-doc",
        title: "Requirements document",
        objective: "wait-minus-2",
        criteria: [],
      },
      {
        id: "analysis-report",
        title: "First draft of analysis report",
        objective: "wait-minus-2",
        criteria: [],
      },
      { id: "queue-display", title: "Queue display module", criteria: [] },
    ],
    risks: [],
    settings: {
      timezone: "UTC",
      at_risk_days: 7,
      on_regression: "reopen",
      enforce_milestones: false,
      pull_requests: {
        check: true,
        unlinked: "warn",
        milestone_mismatch: "warn",
        plan_weakened: "warn",
        already_done: "warn",
      },
    },
  };
}
