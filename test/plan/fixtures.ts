/** Shared inputs for the plan tests. */

import type { Finding } from "../../src/model/findings.ts";
import { loadPlan } from "../../src/plan/load.ts";

/** A small plan with no findings at all; rows of the rule tables change one thing in it. */
export const MINIMAL = `version: 1
goals:
  - id: g
    title: Goal
    objectives:
      - id: o
        title: Objective
        due: 2026-06-30
        measure: { file: m.json, path: a, target: "<= 4" }
milestones:
  - id: m1
    title: First
    due: 2026-02-15
    deliverables: [d1]
deliverables:
  - id: d1
    title: D1
    objective: o
    criteria:
      - issues: closed
`;

/** The canteen plan of DESIGN §2, verbatim. */
export const CANTEEN = `version: 1

goals:
  - id: shorter-queues
    title: Shorter queues at the theatre canteen
    objectives:
      - id: wait-minus-2
        title: Cut the average wait by 2 minutes per person
        due: 2026-06-30
        measure:
          file: metrics/canteen.json      # JSON or YAML, read from the default branch
          path: queue.avg_wait_minutes    # dotted path
          baseline: 6
          target: "<= 4"                  # one of < <= > >= == then a number

milestones:
  - id: requirements-approved
    title: Requirements approved          # the GitHub milestone's title (unique)
    due: 2026-02-15
    description: Everyone agrees what we build.
    deliverables: [requirements-doc]
    review:
      approvers: [alice, bob]             # GitHub logins
  - id: prototype-done
    title: Prototype completed
    due: 2026-04-01
    requires: [requirements-approved]     # achieved only after these are
    deliverables: [queue-display, analysis-report]
    close: manual                         # auto (default) | manual: report only

deliverables:
  - id: requirements-doc
    title: Requirements document
    objective: wait-minus-2               # traceability up to the goal
    label: "deliverable: requirements"    # default "deliverable:<id>"
    paths: ["docs/requirements/**"]       # pull requests touching these serve it
    criteria:
      - issues: closed
      - file: docs/requirements/README.md
        headings: [Introduction, Methodology, Preliminary findings]
  - id: queue-display
    title: Queue display module
    criteria:
      - issues: closed
        min: 2
      - pull_requests: merged
        approvals: 1
      - checks: [test, lint]
  - id: analysis-report
    title: First draft of analysis report
    objective: wait-minus-2
    criteria:
      - file: reports/analysis.md
        contains: ["## Preliminary findings"]
      - objective: wait-minus-2

settings:
  at_risk_days: 7               # not achieved and due within N days → at risk
  on_regression: reopen         # reopen | report — an achieved (closed) milestone fails again
  enforce_milestones: false     # true: move a deliverable's issues into its milestone even if a human set another
  pull_requests:                # what each finding does to the check's conclusion
    unlinked: warn              # warn → neutral, fail → failure, ignore
    milestone_mismatch: warn
    plan_weakened: warn
`;

/** What a row expects: one finding, checked field by field. */
export interface Expected {
  severity: "error" | "warning";
  line: number;
  column: number;
  code: string;
  message: string;
}

export function findings(text: string, path = ".github/plan.yml"): Finding[] {
  return loadPlan({ text, path }).findings;
}

/** The findings reduced to what rows compare. */
export function summary(list: Finding[]): Expected[] {
  return list.map((f) => ({
    severity: f.severity,
    line: f.line,
    column: f.column,
    code: f.code ?? "",
    message: f.message,
  }));
}
