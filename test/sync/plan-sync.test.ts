import { describe, expect, it } from "vitest";
import type { SyncAction } from "../../src/model/actions.ts";
import {
  appendAchievedFooter,
  expectedDescription,
} from "../../src/model/names/milestone-description.ts";
import { planSync } from "../../src/sync/plan-sync.ts";
import { apply, applyToEvaluation, evaluation, plan, snapshot } from "./support.ts";

const MARKER_REQ = "<!-- plan-align:id=req -->";
const REQ_DESCRIPTION = `Everyone agrees what we build.\n\n${MARKER_REQ}`;

function basePlan(settings: Record<string, unknown> = {}) {
  return plan({
    milestones: [
      {
        id: "req",
        title: "Requirements approved",
        due: "2026-02-15",
        description: "Everyone agrees what we build.",
        deliverables: ["req-doc"],
      },
      {
        id: "proto",
        title: "Prototype completed",
        due: "2026-04-01",
        requires: ["req"],
        deliverables: ["display"],
      },
    ],
    deliverables: [
      {
        id: "req-doc",
        title: "Requirements document",
        label: "deliverable: requirements",
        criteria: [{ issues: "closed" }],
      },
      { id: "display", title: "Queue display", criteria: [{ issues: "closed" }] },
    ],
    settings,
  });
}

const LABELS = ["deliverable: requirements", "deliverable:display"];
const REQ_GH = {
  number: 1,
  title: "Requirements approved",
  state: "open",
  dueOn: "2026-02-15T08:00:00Z",
  description: REQ_DESCRIPTION,
};
const PROTO_GH = {
  number: 2,
  title: "Prototype completed",
  state: "open",
  dueOn: "2026-04-01T07:00:00Z",
  description: "<!-- plan-align:id=proto -->",
};
const NOT_DONE = { req: { notDone: ["req-doc"] }, proto: { notDone: ["display"] } };

type Case = {
  name: string;
  settings?: Record<string, unknown>;
  snap: Record<string, unknown>;
  status?: Parameters<typeof evaluation>[1];
  expected: SyncAction[];
  notInPlan?: { number: number; title: string; state?: string }[];
};

const cases: Case[] = [
  {
    name: "in step: nothing to do",
    snap: { milestones: [REQ_GH, PROTO_GH], labels: LABELS },
    status: NOT_DONE,
    expected: [],
  },
  {
    name: "creates missing milestones with the canonical description (marker alone when none)",
    snap: { labels: LABELS },
    status: NOT_DONE,
    expected: [
      {
        type: "create-milestone",
        milestone: "req",
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: REQ_DESCRIPTION,
      },
      {
        type: "create-milestone",
        milestone: "proto",
        title: "Prototype completed",
        dueOn: "2026-04-01",
        description: "<!-- plan-align:id=proto -->",
      },
    ],
  },
  {
    name: "an already achieved milestone is created closed, with its evidence",
    snap: { labels: LABELS, milestones: [PROTO_GH] },
    status: { proto: { notDone: ["display"] } },
    expected: [
      {
        type: "create-milestone",
        milestone: "req",
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: REQ_DESCRIPTION,
        state: "closed",
        evidence: ["Deliverable req-doc: All issues closed — 2 of 2 issues closed"],
      },
    ],
  },
  {
    name: "adopts a milestone by exact title and adds the marker",
    snap: {
      labels: LABELS,
      milestones: [{ ...REQ_GH, description: "Everyone agrees what we build." }, PROTO_GH],
    },
    status: NOT_DONE,
    expected: [
      {
        type: "update-milestone",
        milestone: "req",
        number: 1,
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: REQ_DESCRIPTION,
        changes: ["description"],
      },
    ],
  },
  {
    name: "the marker wins over the title: a renamed plan milestone renames its GitHub one",
    snap: { labels: LABELS, milestones: [{ ...REQ_GH, title: "Reqs OK" }, PROTO_GH] },
    status: NOT_DONE,
    expected: [
      {
        type: "update-milestone",
        milestone: "req",
        number: 1,
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: REQ_DESCRIPTION,
        changes: ["title"],
      },
    ],
  },
  {
    name: "a due date on another day is updated",
    snap: { labels: LABELS, milestones: [{ ...REQ_GH, dueOn: "2026-02-16T08:00:00Z" }, PROTO_GH] },
    status: NOT_DONE,
    expected: [
      {
        type: "update-milestone",
        milestone: "req",
        number: 1,
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: REQ_DESCRIPTION,
        changes: ["dueOn"],
      },
    ],
  },
  {
    name: "a due date of none is set",
    snap: { labels: LABELS, milestones: [{ ...REQ_GH, dueOn: null }, PROTO_GH] },
    status: NOT_DONE,
    expected: [
      {
        type: "update-milestone",
        milestone: "req",
        number: 1,
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: REQ_DESCRIPTION,
        changes: ["dueOn"],
      },
    ],
  },
  {
    name: "due dates compare by day: Pacific midnight (PST and PDT), noon UTC, a plain date",
    snap: {
      labels: LABELS,
      milestones: [
        { ...REQ_GH, dueOn: "2026-02-15T12:00:00Z" },
        { ...PROTO_GH, dueOn: "2026-04-01" },
      ],
    },
    status: NOT_DONE,
    expected: [],
  },
  {
    name: "the Achieved-on footer and CRLF line endings are not differences",
    snap: {
      labels: LABELS,
      milestones: [
        {
          ...REQ_GH,
          state: "closed",
          description: appendAchievedFooter({
            description: REQ_DESCRIPTION.replace(/\n/g, "\r\n"),
            date: "2026-02-10",
            evidence: ["Requirements document: All issues closed — 2 of 2 issues closed"],
          }),
        },
        PROTO_GH,
      ],
    },
    status: { proto: { notDone: ["display"] } },
    expected: [],
  },
  {
    name: "a changed description keeps plan-align's footer",
    snap: {
      labels: LABELS,
      milestones: [
        {
          ...REQ_GH,
          state: "closed",
          description: `Old text\n\n${MARKER_REQ}\n\n<!-- plan-align:achieved -->\n**Achieved on 2026-02-10** (recorded by plan-align)`,
        },
        PROTO_GH,
      ],
    },
    status: { proto: { notDone: ["display"] } },
    expected: [
      {
        type: "update-milestone",
        milestone: "req",
        number: 1,
        title: "Requirements approved",
        dueOn: "2026-02-15",
        description: `${REQ_DESCRIPTION}\n\n<!-- plan-align:achieved -->\n**Achieved on 2026-02-10** (recorded by plan-align)`,
        changes: ["description"],
      },
    ],
  },
  {
    name: "creates missing labels; label names compare case-insensitively",
    snap: { labels: ["Deliverable: Requirements"], milestones: [REQ_GH, PROTO_GH] },
    status: NOT_DONE,
    expected: [{ type: "create-label", label: "deliverable:display", deliverable: "display" }],
  },
  {
    name: "issues: one without a milestone is moved in; a human-set one stays; closed as not planned is out of scope",
    snap: {
      labels: LABELS,
      milestones: [REQ_GH, PROTO_GH, { number: 7, title: "Backlog", state: "open", dueOn: null }],
      issues: [
        { number: 10, title: "a", state: "open", labels: ["deliverable: requirements"] },
        { number: 11, title: "b", state: "open", labels: ["deliverable:display"], milestone: 7 },
        { number: 12, title: "c", state: "open", labels: ["deliverable:display"], milestone: 2 },
        {
          number: 13,
          title: "d",
          state: "closed",
          stateReason: "not_planned",
          labels: ["deliverable:display"],
        },
        { number: 14, title: "e", state: "open", labels: ["bug"] },
        {
          number: 15,
          title: "f",
          state: "closed",
          stateReason: "completed",
          labels: ["DELIVERABLE:DISPLAY"],
        },
      ],
    },
    status: NOT_DONE,
    expected: [
      { type: "set-issue-milestone", issue: 10, milestone: "req", number: 1, from: null },
      { type: "set-issue-milestone", issue: 15, milestone: "proto", number: 2, from: null },
    ],
    notInPlan: [{ number: 7, title: "Backlog", state: "open" }],
  },
  {
    name: "issues: with enforce_milestones a human-set milestone is overridden",
    settings: { enforce_milestones: true },
    snap: {
      labels: LABELS,
      milestones: [REQ_GH, PROTO_GH, { number: 7, title: "Backlog", state: "open", dueOn: null }],
      issues: [
        { number: 11, title: "b", state: "open", labels: ["deliverable:display"], milestone: 7 },
        { number: 12, title: "c", state: "open", labels: ["deliverable:display"], milestone: 1 },
      ],
    },
    status: NOT_DONE,
    expected: [
      { type: "set-issue-milestone", issue: 11, milestone: "proto", number: 2, from: 7 },
      { type: "set-issue-milestone", issue: 12, milestone: "proto", number: 2, from: 1 },
    ],
    notInPlan: [{ number: 7, title: "Backlog", state: "open" }],
  },
  {
    name: "issues: a milestone still to be created is referenced by plan id (number null)",
    snap: {
      labels: LABELS,
      milestones: [REQ_GH],
      issues: [{ number: 20, title: "x", state: "open", labels: ["deliverable:display"] }],
    },
    status: NOT_DONE,
    expected: [
      {
        type: "create-milestone",
        milestone: "proto",
        title: "Prototype completed",
        dueOn: "2026-04-01",
        description: "<!-- plan-align:id=proto -->",
      },
      { type: "set-issue-milestone", issue: 20, milestone: "proto", number: null, from: null },
    ],
  },
  {
    name: "issues: carrying two deliverables' labels, the first milestone in plan order wins",
    snap: {
      labels: LABELS,
      milestones: [REQ_GH, PROTO_GH],
      issues: [
        {
          number: 21,
          title: "x",
          state: "open",
          labels: ["deliverable:display", "deliverable: requirements"],
        },
        {
          number: 22,
          title: "y",
          state: "open",
          labels: ["deliverable:display", "deliverable: requirements"],
          milestone: 2,
        },
      ],
    },
    status: NOT_DONE,
    expected: [{ type: "set-issue-milestone", issue: 21, milestone: "req", number: 1, from: null }],
  },
  {
    name: "closes an achieved open milestone, with evidence",
    snap: { labels: LABELS, milestones: [REQ_GH, PROTO_GH] },
    status: { proto: { notDone: ["display"] } },
    expected: [
      {
        type: "close-milestone",
        milestone: "req",
        number: 1,
        evidence: ["Deliverable req-doc: All issues closed — 2 of 2 issues closed"],
      },
    ],
  },
  {
    name: "reopens a closed milestone that is no longer achieved, saying why",
    snap: { labels: LABELS, milestones: [{ ...REQ_GH, state: "closed" }, PROTO_GH] },
    status: NOT_DONE,
    expected: [
      {
        type: "reopen-milestone",
        milestone: "req",
        number: 1,
        reason:
          "No longer achieved: Deliverable req-doc: All issues closed — 1 of 2 issues closed; open: #14",
      },
    ],
  },
  {
    name: "on_regression: report leaves a regressed milestone closed",
    settings: { on_regression: "report" },
    snap: { labels: LABELS, milestones: [{ ...REQ_GH, state: "closed" }, PROTO_GH] },
    status: NOT_DONE,
    expected: [],
  },
  {
    name: "a GitHub milestone the plan does not name is listed, never touched",
    snap: {
      labels: LABELS,
      milestones: [
        REQ_GH,
        PROTO_GH,
        { number: 9, title: "Someday", state: "closed", dueOn: "2020-01-01", description: "old" },
        {
          number: 7,
          title: "Backlog",
          state: "open",
          dueOn: null,
          description: "<!-- plan-align:id=gone -->",
        },
      ],
      issues: [{ number: 30, title: "z", state: "open", labels: ["misc"], milestone: 7 }],
    },
    status: NOT_DONE,
    expected: [],
    notInPlan: [
      { number: 7, title: "Backlog", state: "open" },
      { number: 9, title: "Someday", state: "closed" },
    ],
  },
];

describe("planSync", () => {
  for (const c of cases) {
    it(c.name, () => {
      const p = basePlan(c.settings);
      const s = snapshot(c.snap);
      const e = evaluation(p, c.status);
      const result = planSync({ plan: p, snapshot: s, evaluation: e });
      expect(result.actions).toEqual(c.expected);
      expect(result.notInPlan).toEqual(c.notInPlan ?? []);
      assertNever(result.actions, result.notInPlan);

      // Idempotent: against GitHub after the actions, nothing is left to do.
      const after = apply(s, result.actions);
      const again = planSync({
        plan: p,
        snapshot: after,
        evaluation: applyToEvaluation(e, result.actions, after),
      });
      expect(again.actions).toEqual([]);
      expect(again.notInPlan).toEqual(result.notInPlan);
    });
  }
});

describe("planSync: one label, deliverables in several milestones", () => {
  // Two deliverables share one label, in different milestones (the second listed first in
  // the plan's deliverables): the label's issues belong to the first milestone in plan order.
  const sharedPlan = (settings: Record<string, unknown> = {}) =>
    plan({
      settings,
      milestones: [
        { id: "alpha", title: "Alpha", due: "2026-02-15", deliverables: ["ui"] },
        { id: "beta", title: "Beta", due: "2026-04-01", deliverables: ["api"] },
        { id: "gamma", title: "Gamma", due: "2026-05-01", deliverables: ["ui"] },
      ],
      deliverables: [
        { id: "api", title: "API", label: "deliverable:shared", criteria: [{ issues: "closed" }] },
        { id: "ui", title: "UI", label: "deliverable:shared", criteria: [{ issues: "closed" }] },
      ],
    });
  const milestones = ["Alpha", "Beta", "Gamma"].map((title, i) => ({
    number: i + 1,
    title,
    state: "open" as const,
    dueOn: null,
  }));
  const sync = (issues: Record<string, unknown>[], shared = sharedPlan()) =>
    planSync({
      plan: shared,
      snapshot: snapshot({ labels: ["deliverable:shared"], milestones, issues }),
      evaluation: evaluation(shared),
    }).actions.filter((a) => a.type === "set-issue-milestone");

  it("puts an issue without a milestone in the first of them", () => {
    const issue = { number: 5, title: "x", state: "open", labels: ["deliverable:shared"] };
    expect(sync([issue])).toEqual([
      { type: "set-issue-milestone", issue: 5, milestone: "alpha", number: 1, from: null },
    ]);
  });

  it("leaves an issue already in any of them where it is, even with enforce_milestones", () => {
    const issues = [2, 3].map((milestone) => ({
      number: 5 + milestone,
      title: "x",
      state: "open",
      labels: ["deliverable:shared"],
      milestone,
    }));
    expect(sync(issues, sharedPlan({ enforce_milestones: true }))).toEqual([]);
  });
});

/** The "never" rules: no delete or removal kind, no action on a milestone outside the plan. */
function assertNever(actions: SyncAction[], notInPlan: { number: number }[]) {
  const allowed = [
    "create-milestone",
    "update-milestone",
    "create-label",
    "set-issue-milestone",
    "close-milestone",
    "reopen-milestone",
    "open-review",
  ];
  const foreign = new Set(notInPlan.map((m) => m.number));
  for (const a of actions) {
    expect(allowed).toContain(a.type);
    if ("number" in a && a.number !== null) expect(foreign.has(a.number)).toBe(false);
  }
}

describe("planSync: close and review rules", () => {
  const reviewPlan = (close: "auto" | "manual" = "auto") =>
    plan({
      milestones: [
        {
          id: "req",
          title: "Requirements approved",
          due: "2026-02-15",
          deliverables: ["req-doc"],
          review: { approvers: ["alice", "bob"] },
          close,
        },
      ],
      deliverables: [
        { id: "req-doc", title: "Requirements document", criteria: [{ issues: "closed" }] },
      ],
    });
  const gh = { ...REQ_GH, description: MARKER_REQ };

  it("opens one review issue when everything else is met, in the milestone, for the approvers", () => {
    const p = reviewPlan();
    const s = snapshot({ labels: ["deliverable:req-doc"], milestones: [gh] });
    const e = evaluation(p);
    const { actions } = planSync({ plan: p, snapshot: s, evaluation: e });
    expect(actions).toEqual([
      {
        type: "open-review",
        milestone: "req",
        number: 1,
        title: "Milestone review: Requirements approved",
        approvers: ["alice", "bob"],
        evidence: ["Deliverable req-doc: All issues closed — 2 of 2 issues closed"],
      },
    ]);
    const after = apply(s, actions);
    const again = planSync({
      plan: p,
      snapshot: after,
      evaluation: applyToEvaluation(e, actions, after),
    });
    expect(again.actions).toEqual([]);
  });

  it("never opens a second review issue, even when the first was declined", () => {
    const p = reviewPlan();
    const s = snapshot({ labels: ["deliverable:req-doc"], milestones: [gh] });
    const e = evaluation(p, { req: { review: { issue: 50, signedOff: false } } });
    expect(planSync({ plan: p, snapshot: s, evaluation: e }).actions).toEqual([]);
  });

  it("opens no review while a deliverable is not done", () => {
    const p = reviewPlan();
    const s = snapshot({ labels: ["deliverable:req-doc"], milestones: [gh] });
    const e = evaluation(p, { req: { notDone: ["req-doc"] } });
    expect(planSync({ plan: p, snapshot: s, evaluation: e }).actions).toEqual([]);
  });

  it("close: manual is reported only: never closed, never reopened", () => {
    const p = reviewPlan("manual");
    const signed = { req: { review: { issue: 50, signedOff: true } } };
    const open = snapshot({ labels: ["deliverable:req-doc"], milestones: [gh] });
    expect(
      planSync({ plan: p, snapshot: open, evaluation: evaluation(p, signed) }).actions,
    ).toEqual([]);
    const closed = snapshot({
      labels: ["deliverable:req-doc"],
      milestones: [{ ...gh, state: "closed" }],
    });
    const regressed = evaluation(p, {
      req: { notDone: ["req-doc"], review: { issue: 50, signedOff: true } },
    });
    expect(planSync({ plan: p, snapshot: closed, evaluation: regressed }).actions).toEqual([]);
  });

  it("closes with the review's sign-off in the evidence", () => {
    const p = reviewPlan();
    const s = snapshot({ labels: ["deliverable:req-doc"], milestones: [gh] });
    const e = evaluation(p, { req: { review: { issue: 50, signedOff: true } } });
    const { actions } = planSync({ plan: p, snapshot: s, evaluation: e });
    expect(actions).toEqual([
      {
        type: "close-milestone",
        milestone: "req",
        number: 1,
        evidence: [
          "Deliverable req-doc: All issues closed — 2 of 2 issues closed",
          "Review: signed off by alice in #50",
        ],
      },
    ]);
  });
});

describe("planSync: order", () => {
  it("labels, then milestones, then issues, then reopen / review / close", () => {
    const p = basePlan();
    const s = snapshot({
      milestones: [{ ...REQ_GH, state: "closed" }],
      issues: [{ number: 5, title: "x", state: "open", labels: ["deliverable:display"] }],
    });
    const types = planSync({
      plan: p,
      snapshot: s,
      evaluation: evaluation(p, NOT_DONE),
    }).actions.map((a) => a.type);
    expect(types).toEqual([
      "create-label",
      "create-label",
      "create-milestone",
      "set-issue-milestone",
      "reopen-milestone",
    ]);
  });

  it("expectedDescription trims the plan text and ends with the marker", () => {
    expect(expectedDescription({ id: "a", description: "  Hello\r\nworld \n" })).toBe(
      "Hello\nworld\n\n<!-- plan-align:id=a -->",
    );
    expect(expectedDescription({ id: "a" })).toBe("<!-- plan-align:id=a -->");
  });
});
