import { describe, expect, it } from "vitest";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { issue, plan, snapshot } from "./helpers.ts";

/** Deliverable `done` is done when issue 1 is closed; `todo` never is (its issue is open). */
const deliverables = [
  { id: "done", title: "Done thing", criteria: [{ issues: "closed" }] },
  { id: "todo", title: "Open thing", criteria: [{ issues: "closed" }, { checks: ["test"] }] },
];
const issues = [
  issue(1, "closed", { labels: ["deliverable:done"] }),
  issue(2, "open", { labels: ["deliverable:todo"] }),
];

function milestones(
  ms: Record<string, unknown>[],
  extra: { snapshot?: Record<string, unknown>; settings?: Record<string, unknown> } = {},
) {
  return evaluateRepository({
    plan: plan({
      milestones: ms,
      deliverables,
      ...(extra.settings ? { settings: extra.settings } : {}),
    }),
    snapshot: snapshot({ issues, ...extra.snapshot }),
  }).milestones;
}

const m = (id: string, ds: string[], extra: Record<string, unknown> = {}) => ({
  id,
  title: `Title ${id}`,
  due: "2026-06-01",
  deliverables: ds,
  ...extra,
});

describe("milestone achieved", () => {
  it("is achieved when all its deliverables are done, with counts", () => {
    const [a, b] = milestones([m("a", ["done"]), m("b", ["done", "todo"])]);
    expect(a).toMatchObject({
      achieved: true,
      overdue: false,
      atRisk: false,
      criteria: { met: 1, total: 1 },
    });
    expect(b).toMatchObject({ achieved: false, criteria: { met: 1, total: 3 } });
    expect(b?.deliverables.map((d) => [d.id, d.done])).toEqual([
      ["done", true],
      ["todo", false],
    ]);
    expect(b?.deliverables[1]).toMatchObject({ title: "Open thing", label: "deliverable:todo" });
  });

  it("requires: achieved only when the required milestones are, recursively", () => {
    const result = milestones([
      m("base", ["todo"]),
      m("mid", ["done"], { requires: ["base"] }),
      m("top", ["done"], { requires: ["mid"] }),
      m("free", ["done"], { requires: [] }),
    ]);
    const byId = Object.fromEntries(result.map((r) => [r.id, r]));
    expect(byId.mid).toMatchObject({
      achieved: false,
      requires: [{ id: "base", achieved: false }],
      criteria: { met: 1, total: 2 },
    });
    expect(byId.top).toMatchObject({ achieved: false, requires: [{ id: "mid", achieved: false }] });
    expect(byId.free?.achieved).toBe(true);
  });

  it("requires: achieved when the required one is, and it counts as met", () => {
    const [, after] = milestones([
      m("first", ["done"]),
      m("second", ["done"], { requires: ["first"] }),
    ]);
    expect(after).toMatchObject({
      achieved: true,
      requires: [{ id: "first", achieved: true }],
      criteria: { met: 2, total: 2 },
    });
  });

  it("a cycle in requires (an invalid plan) is not achieved and does not hang", () => {
    const result = milestones([
      m("x", ["done"], { requires: ["y"] }),
      m("y", ["done"], { requires: ["x"] }),
    ]);
    expect(result.map((r) => r.achieved)).toEqual([false, false]);
  });

  it("an unknown required milestone or deliverable (an invalid plan) is not achieved", () => {
    const [a, b] = milestones([
      m("a", ["done"], { requires: ["ghost"] }),
      m("b", ["done", "ghost"]),
    ]);
    expect(a?.achieved).toBe(false);
    expect(b?.achieved).toBe(false);
    expect(b?.deliverables[1]).toMatchObject({ id: "ghost", done: false });
  });

  it("a milestone with no deliverables (an invalid plan) is not achieved", () => {
    const [a] = milestones([m("a", [])]);
    expect(a?.achieved).toBe(false);
  });

  it("deliverables under no milestone are unscheduled", () => {
    const evaluation = evaluateRepository({
      plan: plan({ milestones: [m("a", ["done"])], deliverables }),
      snapshot: snapshot({ issues }),
    });
    expect(evaluation.unscheduled.map((d) => d.id)).toEqual(["todo"]);
    expect(evaluation.unscheduled[0]?.done).toBe(false);
  });

  it("a deliverable with no criteria (an invalid plan) is not done", () => {
    const evaluation = evaluateRepository({
      plan: plan({
        milestones: [m("a", ["empty"])],
        deliverables: [{ id: "empty", title: "E", criteria: [] }],
      }),
      snapshot: snapshot(),
    });
    expect(evaluation.milestones[0]?.achieved).toBe(false);
  });

  it("reports close mode, due and title", () => {
    const [a] = milestones([m("a", ["done"], { close: "manual" })]);
    expect(a).toMatchObject({ id: "a", title: "Title a", due: "2026-06-01", close: "manual" });
  });
});

describe("review sign-off", () => {
  const reviewed = m("r", ["done"], {
    title: "Requirements approved",
    review: { approvers: ["alice", "Bob"] },
  });
  const review = (extra: Record<string, unknown>) =>
    issue(50, "closed", {
      title: "Milestone review: Requirements approved",
      labels: ["plan-align:review"],
      ...extra,
    });
  const cases: {
    name: string;
    issues: Record<string, unknown>[];
    signedOff: boolean;
    issue: number | null;
    detail: RegExp;
  }[] = [
    {
      name: "no review issue",
      issues: [],
      signedOff: false,
      issue: null,
      detail: /no review issue "Milestone review: Requirements approved" yet/,
    },
    {
      name: "closed as completed by an approver",
      issues: [review({ closedBy: "alice" })],
      signedOff: true,
      issue: 50,
      detail: /signed off by alice in #50/,
    },
    {
      name: "approver logins compare case-insensitively",
      issues: [review({ closedBy: "bob" })],
      signedOff: true,
      issue: 50,
      detail: /signed off by bob/,
    },
    {
      name: "closed by someone who is not an approver",
      issues: [review({ closedBy: "carol" })],
      signedOff: false,
      issue: 50,
      detail: /^review issue #50 was closed by carol, who is not an approver \(alice, Bob\)$/,
    },
    {
      name: "closed as not planned by an approver",
      issues: [review({ closedBy: "alice", stateReason: "not_planned" })],
      signedOff: false,
      issue: 50,
      detail: /closed as not planned/,
    },
    {
      name: "still open",
      issues: [review({ state: "open", stateReason: null })],
      signedOff: false,
      issue: 50,
      detail: /#50 is open; one of alice, Bob must close it/,
    },
    {
      name: "closer unknown",
      issues: [review({ closedBy: null })],
      signedOff: false,
      issue: 50,
      detail: /who closed it is unknown/,
    },
    {
      name: "without the review label it is not the review issue",
      issues: [review({ closedBy: "alice", labels: [] })],
      signedOff: false,
      issue: null,
      detail: /no review issue/,
    },
    {
      name: "the title must match exactly",
      issues: [review({ closedBy: "alice", title: "Milestone review: requirements approved" })],
      signedOff: false,
      issue: null,
      detail: /no review issue/,
    },
    {
      name: "an older signed-off issue counts even when a newer one is open",
      issues: [
        review({ closedBy: "alice" }),
        review({ number: 60, state: "open", stateReason: null }),
      ],
      signedOff: true,
      issue: 50,
      detail: /signed off by alice/,
    },
  ];

  it.each(cases)("$name", ({ issues: extra, signedOff, issue: number, detail }) => {
    const [r] = milestones([reviewed], { snapshot: { issues: [...issues, ...extra] } });
    expect(r?.review).toMatchObject({ approvers: ["alice", "Bob"], signedOff, issue: number });
    expect(r?.review?.detail).toMatch(detail);
    expect(r?.achieved).toBe(signedOff);
    expect(r?.criteria).toEqual({ met: signedOff ? 2 : 1, total: 2 });
  });

  it("a signed-off review does not achieve a milestone whose deliverables are not done", () => {
    const [r] = milestones([{ ...reviewed, deliverables: ["todo"] }], {
      snapshot: { issues: [...issues, review({ closedBy: "alice" })] },
    });
    expect(r?.review?.signedOff).toBe(true);
    expect(r?.achieved).toBe(false);
  });

  it("has no review field without review", () => {
    const [a] = milestones([m("a", ["done"])]);
    expect(a?.review).toBeUndefined();
  });
});

describe("overdue and at risk (now = fetchedAt; calendar days in UTC)", () => {
  const cases: {
    name: string;
    due: string;
    now: string;
    achieved?: boolean;
    atRiskDays?: number;
    overdue: boolean;
    atRisk: boolean;
    daysLeft: number;
  }[] = [
    {
      name: "last second of the due day: not overdue, at risk",
      due: "2026-03-01",
      now: "2026-03-01T23:59:59Z",
      overdue: false,
      atRisk: true,
      daysLeft: 0,
    },
    {
      name: "first second after the due day: overdue",
      due: "2026-03-01",
      now: "2026-03-02T00:00:00Z",
      overdue: true,
      atRisk: false,
      daysLeft: -1,
    },
    {
      name: "an offset timestamp is read in UTC",
      due: "2026-03-01",
      now: "2026-03-01T20:00:00-05:00",
      overdue: true,
      atRisk: false,
      daysLeft: -1,
    },
    {
      name: "long past",
      due: "2026-02-15",
      now: "2026-03-01T12:00:00Z",
      overdue: true,
      atRisk: false,
      daysLeft: -14,
    },
    {
      name: "due in exactly 7 days: at risk",
      due: "2026-03-08",
      now: "2026-03-01T12:00:00Z",
      overdue: false,
      atRisk: true,
      daysLeft: 7,
    },
    {
      name: "due in 8 days: not at risk",
      due: "2026-03-09",
      now: "2026-03-01T23:59:59Z",
      overdue: false,
      atRisk: false,
      daysLeft: 8,
    },
    {
      name: "at_risk_days 0: only on the due day",
      due: "2026-03-02",
      now: "2026-03-01T12:00:00Z",
      atRiskDays: 0,
      overdue: false,
      atRisk: false,
      daysLeft: 1,
    },
    {
      name: "at_risk_days 0 on the due day",
      due: "2026-03-01",
      now: "2026-03-01T00:00:00Z",
      atRiskDays: 0,
      overdue: false,
      atRisk: true,
      daysLeft: 0,
    },
    {
      name: "at_risk_days 30",
      due: "2026-03-31",
      now: "2026-03-01T12:00:00Z",
      atRiskDays: 30,
      overdue: false,
      atRisk: true,
      daysLeft: 30,
    },
    {
      name: "achieved is never overdue",
      due: "2026-02-15",
      now: "2026-03-01T12:00:00Z",
      achieved: true,
      overdue: false,
      atRisk: false,
      daysLeft: -14,
    },
    {
      name: "achieved is never at risk",
      due: "2026-03-02",
      now: "2026-03-01T12:00:00Z",
      achieved: true,
      overdue: false,
      atRisk: false,
      daysLeft: 1,
    },
  ];
  it.each(cases)("$name", ({ due, now, achieved, atRiskDays, overdue, atRisk, daysLeft }) => {
    const [r] = milestones([m("a", [achieved ? "done" : "todo"], { due })], {
      snapshot: { fetchedAt: now },
      ...(atRiskDays !== undefined ? { settings: { at_risk_days: atRiskDays } } : {}),
    });
    expect(r).toMatchObject({ achieved: achieved ?? false, overdue, atRisk, daysLeft });
  });
});

describe("GitHub milestone of a plan milestone", () => {
  it("by marker first, else by exact title; state reported", () => {
    const result = milestones(
      [
        m("a", ["done"], { title: "Alpha" }),
        m("b", ["done"], { title: "Beta" }),
        m("c", ["done"], { title: "Gamma" }),
      ],
      {
        snapshot: {
          milestones: [
            { number: 1, title: "Alpha", state: "open", dueOn: null, description: "" },
            {
              number: 2,
              title: "Renamed",
              state: "closed",
              dueOn: null,
              description: "x\n<!-- plan-align:id=a -->",
            },
            { number: 3, title: "Beta", state: "closed", dueOn: null, description: null },
            { number: 4, title: "gamma", state: "open", dueOn: null, description: "" },
          ],
        },
      },
    );
    expect(result.map((r) => [r.id, r.githubMilestone, r.githubState])).toEqual([
      ["a", 2, "closed"],
      ["b", 3, "closed"],
      ["c", null, null],
    ]);
  });
});
