import { describe, expect, it } from "vitest";
import { evaluatePullRequest } from "../../src/evaluate/pull-request.ts";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import type { PlanLoadResult } from "../../src/plan/load.ts";
import type { Plan } from "../../src/plan/schema.ts";
import { issue, nth, plan, pr, snapshot } from "./helpers.ts";

const PLAN_PATH = ".github/plan.yml";

/** now = 2026-03-01: "docs" (due 03-05) is at risk, "late" (due 02-01) overdue. */
function basePlan(extra: Record<string, unknown> = {}): Plan {
  return plan({
    milestones: [
      { id: "proto", title: "Prototype completed", due: "2026-06-01", deliverables: ["display"] },
      { id: "docs", title: "Docs done", due: "2026-03-05", deliverables: ["doc"] },
      { id: "late", title: "Late one", due: "2026-02-01", deliverables: ["late-d"] },
      { id: "merged", title: "Code merged", due: "2026-06-01", deliverables: ["code"] },
    ],
    deliverables: [
      {
        id: "display",
        title: "Display",
        paths: ["src/display/**"],
        criteria: [{ issues: "closed" }],
      },
      {
        id: "doc",
        title: "Doc",
        paths: ["docs/**"],
        criteria: [{ file: "docs/README.md", headings: ["Intro"] }],
      },
      { id: "late-d", title: "Late deliverable", criteria: [{ checks: ["test"] }] },
      { id: "code", title: "Code", criteria: [{ pull_requests: "merged", approvals: 1 }] },
    ],
    ...extra,
  });
}

function baseSnapshot(
  pullRequests: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): Snapshot {
  return snapshot({
    milestones: [
      { number: 1, title: "Prototype completed", state: "open", dueOn: "2026-06-01" },
      { number: 2, title: "Docs done", state: "open", dueOn: "2026-03-05" },
      { number: 7, title: "Backlog", state: "open", dueOn: null },
    ],
    issues: [issue(12, "open", { labels: ["deliverable:display"] })],
    pullRequests,
    files: { "docs/README.md": "# Intro\n" },
    checks: { test: "failure" },
    ...extra,
  });
}

function run(params: {
  pr: Record<string, unknown>;
  plan?: Plan;
  snapshot?: Record<string, unknown>;
  headPlan?: PlanLoadResult;
}) {
  const p = params.plan ?? basePlan();
  const s = baseSnapshot([pr(40, params.pr)], params.snapshot);
  const current = evaluateRepository({ plan: p, snapshot: s });
  return evaluatePullRequest({
    plan: p,
    snapshot: s,
    number: 40,
    planPath: PLAN_PATH,
    current,
    ...(params.headPlan ? { headPlan: params.headPlan } : {}),
  });
}

const codes = (r: ReturnType<typeof run>) => r.warnings.map((w) => `${w.code}:${w.level}`);
const valid = (p: Plan): PlanLoadResult => ({
  path: PLAN_PATH,
  plan: p,
  findings: [],
  valid: true,
});

describe("what a pull request serves", () => {
  const cases: {
    name: string;
    pr: Record<string, unknown>;
    deliverables: string[];
    milestones: string[];
  }[] = [
    {
      name: "by label",
      pr: { labels: ["deliverable:display"] },
      deliverables: ["display"],
      milestones: ["proto"],
    },
    {
      name: "by label, any case",
      pr: { labels: ["Deliverable:Display"] },
      deliverables: ["display"],
      milestones: ["proto"],
    },
    {
      name: "by closing one of its issues",
      pr: { closingIssues: [12] },
      deliverables: ["display"],
      milestones: ["proto"],
    },
    {
      name: "by a path glob",
      pr: { changedFiles: ["src/display/view.ts"] },
      deliverables: ["display"],
      milestones: ["proto"],
    },
    {
      name: "globs match dot files",
      pr: { changedFiles: ["docs/.vale.ini"] },
      deliverables: ["doc"],
      milestones: ["docs"],
    },
    {
      name: "several at once, in plan order",
      pr: { labels: ["deliverable:late-d"], changedFiles: ["docs/a.md", "src/display/x.ts"] },
      deliverables: ["display", "doc", "late-d"],
      milestones: ["proto", "docs", "late"],
    },
    {
      name: "nothing",
      pr: { changedFiles: ["src/other.ts"], closingIssues: [99] },
      deliverables: [],
      milestones: [],
    },
  ];
  it.each(cases)("$name", ({ pr: input, deliverables, milestones }) => {
    const report = run({ pr: input });
    expect(report.deliverables).toEqual(deliverables);
    expect(report.milestones).toEqual(milestones);
  });
});

describe("merge projection", () => {
  it("closing the last open issue achieves the milestone", () => {
    const report = run({ pr: { closingIssues: [12] } });
    expect(report).toMatchObject({
      achieves: ["proto"],
      regresses: [],
      conclusion: "success",
      aligned: true,
      warnings: [],
    });
    expect(report.title).toBe("PR 40");
  });

  it("an issue it closes that is already closed as not planned stays out of scope", () => {
    // Merging does not touch an issue that is already closed: "fixes #13" does not turn a
    // not-planned issue into a completed one that would count towards min.
    const p = basePlan();
    const display = p.deliverables.find((d) => d.id === "display");
    if (display) display.criteria = [{ issues: "closed", min: 2 }];
    const labels = ["deliverable:display"];
    const report = run({
      plan: p,
      pr: { closingIssues: [13] },
      snapshot: {
        issues: [
          issue(12, "closed", { labels }),
          issue(13, "closed", { labels, stateReason: "not_planned" }),
        ],
      },
    });
    expect(report.deliverables).toEqual(["display"]);
    expect(report.achieves).toEqual([]);
  });

  it("serving without completing achieves nothing", () => {
    expect(run({ pr: { labels: ["deliverable:display"] } }).achieves).toEqual([]);
  });

  it("files it changes are read from its head", () => {
    const report = run({
      pr: { changedFiles: ["docs/README.md"], headFiles: { "docs/README.md": "# Other\n" } },
      snapshot: { files: { "docs/README.md": "# Nothing yet" } },
    });
    expect(report.achieves).toEqual([]);
    const fixed = run({
      pr: { changedFiles: ["docs/README.md"], headFiles: { "docs/README.md": "# Intro\n" } },
      snapshot: { files: { "docs/README.md": "# Nothing yet" } },
    });
    expect(fixed.achieves).toEqual(["docs"]);
    // Achieving the at-risk milestone is the fix, not a reason to warn.
    expect(codes(fixed)).toEqual([]);
  });

  it("a changed file missing from its head is deleted, which regresses", () => {
    const report = run({ pr: { changedFiles: ["docs/README.md"], headFiles: {} } });
    expect(report.regresses).toEqual(["docs"]);
    expect(report.achieves).toEqual([]);
  });

  it("without changedFiles (not loaded) the files its head holds are read from its head", () => {
    const report = run({
      pr: { labels: ["deliverable:doc"], headFiles: { "docs/README.md": "# Intro\n" } },
      snapshot: { files: { "docs/README.md": "# Nothing yet" } },
    });
    expect(report.achieves).toEqual(["docs"]);
  });

  it("without headFiles (not loaded) the base files stay", () => {
    expect(run({ pr: { changedFiles: ["docs/README.md"] } }).regresses).toEqual([]);
  });

  it("checks come from its head", () => {
    const report = run({ pr: { labels: ["deliverable:late-d"], headChecks: { test: "success" } } });
    expect(report.achieves).toEqual(["late"]);
    expect(codes(report)).toEqual([]);
  });

  it("it counts as merged with its current approvals", () => {
    expect(run({ pr: { labels: ["deliverable:code"], approvals: [] } }).achieves).toEqual([]);
    expect(run({ pr: { labels: ["deliverable:code"], approvals: ["bob"] } }).achieves).toEqual([
      "merged",
    ]);
  });

  it("is judged against the base plan, whatever the head plan says", () => {
    const head = basePlan({
      deliverables: [
        { id: "display", title: "Display", criteria: [{ checks: ["lint"] }] },
        { id: "doc", title: "Doc", criteria: [{ issues: "closed", min: 0 }] },
        { id: "late-d", title: "Late deliverable", criteria: [{ checks: ["lint"] }] },
        { id: "code", title: "Code", criteria: [{ pull_requests: "merged" }] },
      ],
    });
    const report = run({
      pr: {
        labels: ["deliverable:code"],
        changedFiles: [PLAN_PATH],
        headChecks: { lint: "success" },
      },
      headPlan: valid(head),
    });
    // Under the head plan "proto" and "merged" would be achieved; under the base plan
    // "merged" needs an approval and "proto" its issue closed.
    expect(report.achieves).toEqual([]);
  });
});

describe("warnings and conclusion", () => {
  it("unlinked: warn → neutral, not aligned", () => {
    const report = run({ pr: { changedFiles: ["src/other.ts"] } });
    expect(codes(report)).toEqual(["unlinked:warn"]);
    expect(report.warnings[0]?.message).toMatch(/serves no deliverable of the plan/);
    expect(report).toMatchObject({ conclusion: "neutral", aligned: false });
  });

  it("unlinked: fail → failure", () => {
    const p = basePlan({ settings: { pull_requests: { unlinked: "fail" } } });
    const report = run({ pr: {}, plan: p });
    expect(codes(report)).toEqual(["unlinked:fail"]);
    expect(report.conclusion).toBe("failure");
  });

  it("unlinked: ignore → omitted; still not aligned because it serves nothing", () => {
    const p = basePlan({ settings: { pull_requests: { unlinked: "ignore" } } });
    const report = run({ pr: {}, plan: p });
    expect(report).toMatchObject({ warnings: [], conclusion: "success", aligned: false });
  });

  it("milestone-mismatch: its GitHub milestone is not one of the served milestones'", () => {
    const report = run({ pr: { closingIssues: [12], milestone: 7 } });
    expect(codes(report)).toEqual(["milestone-mismatch:warn"]);
    expect(report.warnings[0]?.message).toBe(
      'This pull request is in GitHub milestone "Backlog" (#7), but the deliverables it serves belong to "Prototype completed" (#1). Move it to that milestone.',
    );
    expect(report).toMatchObject({ conclusion: "neutral", aligned: true, achieves: ["proto"] });
  });

  it("milestone-mismatch: none when it is in the right milestone, or in none", () => {
    expect(codes(run({ pr: { closingIssues: [12], milestone: 1 } }))).toEqual([]);
    expect(codes(run({ pr: { closingIssues: [12], milestone: null } }))).toEqual([]);
  });

  it("milestone-mismatch: a served milestone with no GitHub milestone yet", () => {
    const report = run({ pr: { labels: ["deliverable:code"], approvals: ["a"], milestone: 1 } });
    expect(codes(report)).toEqual(["milestone-mismatch:warn"]);
    expect(report.warnings[0]?.message).toMatch(/"Code merged" \(not yet on GitHub\)/);
  });

  it("milestone-mismatch: fail and ignore levels", () => {
    const fail = basePlan({ settings: { pull_requests: { milestone_mismatch: "fail" } } });
    const failed = run({ pr: { closingIssues: [12], milestone: 7 }, plan: fail });
    expect(failed).toMatchObject({ conclusion: "failure", aligned: false });
    const ignore = basePlan({ settings: { pull_requests: { milestone_mismatch: "ignore" } } });
    expect(run({ pr: { closingIssues: [12], milestone: 7 }, plan: ignore }).conclusion).toBe(
      "success",
    );
  });

  it("overdue: for a served milestone the merge does not achieve", () => {
    const report = run({ pr: { labels: ["deliverable:late-d"] } });
    expect(codes(report)).toEqual(["overdue:warn"]);
    expect(report.warnings[0]?.message).toBe(
      'Milestone "Late one" was due 2026-02-01 and is overdue by 28 days; merging this pull request does not achieve it.',
    );
    expect(report).toMatchObject({ conclusion: "neutral", aligned: true });
  });

  it("at-risk: for a served milestone due soon", () => {
    const report = run({ pr: { labels: ["deliverable:doc"] }, snapshot: { files: {} } });
    expect(codes(report)).toEqual(["at-risk:warn"]);
    expect(report.warnings[0]?.message).toMatch(
      /^Milestone "Docs done" is due in 4 days \(2026-03-05\) and is at risk/,
    );
  });

  it("plan-changed without a head plan: warn", () => {
    const report = run({ pr: { labels: ["deliverable:display"], changedFiles: [PLAN_PATH] } });
    expect(codes(report)).toEqual(["plan-changed:warn"]);
    expect(report.planChanges).toEqual([]);
    expect(report.conclusion).toBe("neutral");
  });

  it("plan-changed with a stronger plan: changes listed, not weakened", () => {
    const head = basePlan();
    head.milestones[0] = { ...nth(head.milestones, 0), due: "2026-05-01" };
    const report = run({
      pr: { labels: ["deliverable:display"], changedFiles: [PLAN_PATH] },
      headPlan: valid(head),
    });
    expect(codes(report)).toEqual(["plan-changed:warn"]);
    expect(report.planChanges.map((c) => c.code)).toEqual(["date-earlier"]);
    expect(report.warnings[0]?.message).toMatch(
      /changes the plan file \.github\/plan\.yml: 1 change\./,
    );
    expect(report.headPlanFindings).toEqual([]);
  });

  it("plan-weakened: a later date, at the BASE plan's level", () => {
    const head = basePlan();
    head.milestones[0] = { ...nth(head.milestones, 0), due: "2026-07-01" };
    const change = {
      pr: { labels: ["deliverable:display"], changedFiles: [PLAN_PATH] },
      headPlan: valid(head),
    };
    const warned = run(change);
    expect(codes(warned)).toEqual(["plan-changed:warn", "plan-weakened:warn"]);
    expect(warned.warnings[1]?.message).toBe(
      'This pull request weakens the plan: Milestone "Prototype completed" (proto) moves from 2026-06-01 to 2026-07-01 (later). A maintainer should confirm the plan may be lowered.',
    );
    expect(warned.conclusion).toBe("neutral");

    const strict = basePlan({ settings: { pull_requests: { plan_weakened: "fail" } } });
    // The head tries to switch the finding off; the base plan's setting still applies.
    const sneaky = basePlan({ settings: { pull_requests: { plan_weakened: "ignore" } } });
    sneaky.milestones[0] = { ...nth(sneaky.milestones, 0), due: "2026-07-01" };
    const failed = run({ ...change, plan: strict, headPlan: valid(sneaky) });
    expect(codes(failed)).toEqual(["plan-changed:warn", "plan-weakened:fail"]);
    expect(failed).toMatchObject({ conclusion: "failure", aligned: false });

    const lax = basePlan({ settings: { pull_requests: { plan_weakened: "ignore" } } });
    const ignored = run({ ...change, plan: lax, headPlan: valid(head) });
    expect(codes(ignored)).toEqual(["plan-changed:warn"]);
  });

  it("an identical head plan, with the plan file untouched, is no change", () => {
    const report = run({ pr: { labels: ["deliverable:display"] }, headPlan: valid(basePlan()) });
    expect(report).toMatchObject({ warnings: [], planChanges: [], conclusion: "success" });
  });

  it("plan-invalid: always failure, with the head's findings", () => {
    const findings = [
      {
        severity: "error" as const,
        line: 14,
        column: 9,
        message: 'milestone "x" lists unknown deliverable "y"',
      },
    ];
    const report = run({
      pr: { closingIssues: [12], changedFiles: [PLAN_PATH] },
      headPlan: { path: PLAN_PATH, plan: null, findings, valid: false },
    });
    expect(codes(report)).toEqual(["plan-changed:warn", "plan-invalid:fail"]);
    expect(report.warnings[1]?.message).toContain(
      '.github/plan.yml:14:9: error: milestone "x" lists unknown deliverable "y"',
    );
    expect(report).toMatchObject({
      conclusion: "failure",
      aligned: false,
      headPlanFindings: findings,
      achieves: ["proto"],
    });
  });

  it("every kind of warning together, in a fixed order", () => {
    const head = basePlan({ settings: { at_risk_days: 1 } });
    const report = run({
      pr: {
        labels: ["deliverable:late-d", "deliverable:doc"],
        milestone: 7,
        changedFiles: [PLAN_PATH],
      },
      snapshot: { files: {} },
      headPlan: valid(head),
    });
    expect(report.warnings.map((w) => w.code)).toEqual([
      "milestone-mismatch",
      "at-risk",
      "overdue",
      "plan-changed",
      "plan-weakened",
    ]);
  });

  it("a pull request missing from the snapshot gives a clear report, not an exception", () => {
    const p = basePlan();
    const s = baseSnapshot([]);
    const report = evaluatePullRequest({
      plan: p,
      snapshot: s,
      number: 99,
      planPath: PLAN_PATH,
      current: evaluateRepository({ plan: p, snapshot: s }),
    });
    expect(report).toMatchObject({
      number: 99,
      aligned: false,
      conclusion: "neutral",
      deliverables: [],
    });
    expect(report.warnings[0]?.message).toMatch(/#99 is not in the repository snapshot/);
  });
});
