import { describe, expect, it } from "vitest";
import { diffPlans } from "../../src/evaluate/plan-diff.ts";
import { nth, plan } from "./helpers.ts";

const BASE = {
  goals: [
    {
      id: "g",
      title: "Shorter queues",
      objectives: [
        {
          id: "wait",
          title: "Cut the wait",
          due: "2026-06-30",
          measure: { file: "m.json", path: "avg", target: "<= 4" },
        },
      ],
    },
  ],
  milestones: [
    {
      id: "req",
      title: "Requirements approved",
      due: "2026-02-15",
      deliverables: ["doc"],
      review: { approvers: ["alice"] },
    },
    {
      id: "proto",
      title: "Prototype completed",
      due: "2026-04-01",
      requires: ["req"],
      deliverables: ["display", "report"],
    },
  ],
  deliverables: [
    {
      id: "doc",
      title: "Requirements document",
      criteria: [
        { issues: "closed" },
        {
          file: "docs/README.md",
          headings: ["Introduction", "Methods"],
          contains: ["## Findings"],
        },
      ],
    },
    {
      id: "display",
      title: "Queue display",
      criteria: [
        { issues: "closed", min: 2 },
        { pull_requests: "merged", approvals: 1 },
        { checks: ["test", "lint"] },
      ],
    },
    { id: "report", title: "Analysis report", criteria: [{ objective: "wait" }] },
  ],
};

type Input = typeof BASE;
const clone = (): Input => structuredClone(BASE);

function diff(edit: (head: Input) => void) {
  const head = clone();
  edit(head);
  return diffPlans(plan(BASE), plan(head as unknown as Record<string, unknown>));
}
const summary = (edit: (head: Input) => void) => diff(edit).map((c) => `${c.code}:${c.weakens}`);

describe("diffPlans", () => {
  it("no change, no diff; criterion names and order of keys do not matter", () => {
    expect(summary(() => {})).toEqual([]);
    expect(
      summary((h) => {
        (nth(h.deliverables, 0).criteria[0] as Record<string, unknown>).name = "Renamed";
      }),
    ).toEqual([]);
  });

  const cases: { name: string; edit: (h: Input) => void; expected: string[]; message?: RegExp }[] =
    [
      {
        name: "milestone date later weakens",
        edit: (h) => {
          nth(h.milestones, 1).due = "2026-05-01";
        },
        expected: ["date-later:true"],
        message:
          /^Milestone "Prototype completed" \(proto\) moves from 2026-04-01 to 2026-05-01 \(later\)\.$/,
      },
      {
        name: "milestone date earlier does not",
        edit: (h) => {
          nth(h.milestones, 1).due = "2026-03-01";
        },
        expected: ["date-earlier:false"],
      },
      {
        name: "milestone added",
        edit: (h) => {
          h.milestones.push({
            id: "beta",
            title: "Beta",
            due: "2026-09-01",
            deliverables: ["report"],
          } as never);
          nth(h.milestones, 1).deliverables = ["display"];
        },
        expected: ["milestone-added:false", "deliverable-moved:true"],
      },
      {
        name: "milestone removed weakens, and its deliverables become unscheduled",
        edit: (h) => {
          h.milestones.splice(1, 1);
        },
        expected: [
          "milestone-removed:true",
          "deliverable-unscheduled:true",
          "deliverable-unscheduled:true",
        ],
        message: /^Milestone "Prototype completed" \(proto\), due 2026-04-01, is removed\.$/,
      },
      {
        name: "deliverable removed weakens",
        edit: (h) => {
          h.deliverables.splice(2, 1);
          nth(h.milestones, 1).deliverables = ["display"];
        },
        expected: ["deliverable-removed:true"],
        message: /^Deliverable "Analysis report" \(report\) is removed, with its criterion\.$/,
      },
      {
        name: "deliverable added under a milestone",
        edit: (h) => {
          h.deliverables.push({
            id: "extra",
            title: "Extra",
            criteria: [{ issues: "closed" }],
          } as never);
          nth(h.milestones, 1).deliverables.push("extra");
        },
        expected: ["deliverable-added:false"],
        message:
          /^Deliverable "Extra" \(extra\) is added under milestone "Prototype completed" \(proto\)\.$/,
      },
      {
        name: "deliverable moved out of its milestone weakens",
        edit: (h) => {
          nth(h.milestones, 1).deliverables = ["display"];
        },
        expected: ["deliverable-unscheduled:true"],
      },
      {
        name: "criterion removed weakens",
        edit: (h) => {
          nth(h.deliverables, 1).criteria.splice(2, 1);
        },
        expected: ["criterion-removed:true"],
        message:
          /^Deliverable "Queue display" \(display\) loses the criterion "Checks pass: test, lint"\.$/,
      },
      {
        name: "criterion added",
        edit: (h) => {
          nth(h.deliverables, 2).criteria.push({ checks: ["e2e"] } as never);
        },
        expected: ["criterion-added:false"],
      },
      {
        name: "a file criterion pointed at another path is removed and added",
        edit: (h) => {
          (nth(h.deliverables, 0).criteria[1] as { file: string }).file = "docs/OTHER.md";
        },
        expected: ["criterion-removed:true", "criterion-added:false"],
      },
      {
        name: "min lowered weakens",
        edit: (h) => {
          (nth(h.deliverables, 1).criteria[0] as { min: number }).min = 1;
        },
        expected: ["min-lowered:true"],
        message: /lowers min from 2 to 1/,
      },
      {
        name: "min raised does not",
        edit: (h) => {
          (nth(h.deliverables, 1).criteria[0] as { min: number }).min = 3;
        },
        expected: ["min-raised:false"],
      },
      {
        name: "a dropped min falls back to the default 1: lowered",
        edit: (h) => {
          delete (nth(h.deliverables, 1).criteria[0] as { min?: number }).min;
        },
        expected: ["min-lowered:true"],
      },
      {
        name: "approvals lowered weakens, raised does not",
        edit: (h) => {
          (nth(h.deliverables, 1).criteria[1] as { approvals: number }).approvals = 0;
        },
        expected: ["approvals-lowered:true"],
      },
      {
        name: "approvals raised",
        edit: (h) => {
          (nth(h.deliverables, 1).criteria[1] as { approvals: number }).approvals = 2;
        },
        expected: ["approvals-raised:false"],
      },
      {
        name: "a heading dropped weakens; case changes are not changes",
        edit: (h) => {
          (nth(h.deliverables, 0).criteria[1] as { headings: string[] }).headings = [
            "INTRODUCTION",
          ];
        },
        expected: ["headings-removed:true"],
        message: /no longer requires the headings "Methods"/,
      },
      {
        name: "a required text dropped weakens",
        edit: (h) => {
          (nth(h.deliverables, 0).criteria[1] as { contains: string[] }).contains = [];
        },
        expected: ["contains-removed:true"],
      },
      {
        name: "a check dropped weakens, one added does not",
        edit: (h) => {
          (nth(h.deliverables, 1).criteria[2] as { checks: string[] }).checks = ["test", "e2e"];
        },
        expected: ["checks-removed:true", "checks-added:false"],
      },
      {
        name: "requires removed weakens",
        edit: (h) => {
          delete (h.milestones[1] as { requires?: string[] }).requires;
        },
        expected: ["requires-removed:true"],
      },
      {
        name: "review removed weakens",
        edit: (h) => {
          delete (h.milestones[0] as { review?: unknown }).review;
        },
        expected: ["review-removed:true"],
      },
      {
        name: "an approver added weakens (more people may sign off)",
        edit: (h) => {
          nth(h.milestones, 0).review = { approvers: ["alice", "mallory"] };
        },
        expected: ["approvers-added:true"],
      },
      {
        name: "a label change weakens",
        edit: (h) => {
          (h.deliverables[2] as { label?: string }).label = "done-already";
        },
        expected: ["label-changed:true"],
      },
      {
        name: "a milestone renamed",
        edit: (h) => {
          nth(h.milestones, 0).title = "Requirements signed";
        },
        expected: ["milestone-renamed:false"],
      },
      {
        name: "objective target loosened weakens",
        edit: (h) => {
          nth(nth(h.goals, 0).objectives, 0).measure.target = "<= 5";
        },
        expected: ["target-loosened:true"],
        message: /loosens its target from "<= 4" to "<= 5"/,
      },
      {
        name: "objective target tightened",
        edit: (h) => {
          nth(nth(h.goals, 0).objectives, 0).measure.target = "< 4";
        },
        expected: ["target-tightened:false"],
      },
      {
        name: "objective target turned around weakens",
        edit: (h) => {
          nth(nth(h.goals, 0).objectives, 0).measure.target = ">= 4";
        },
        expected: ["target-changed:true"],
      },
      {
        name: "objective due later weakens",
        edit: (h) => {
          nth(nth(h.goals, 0).objectives, 0).due = "2026-12-31";
        },
        expected: ["date-later:true"],
      },
      {
        name: "a pull-request finding switched off weakens",
        edit: (h) => {
          (h as Record<string, unknown>).settings = { pull_requests: { plan_weakened: "ignore" } };
        },
        expected: ["setting-changed:true"],
      },
      {
        name: "a pull-request finding made stricter does not",
        edit: (h) => {
          (h as Record<string, unknown>).settings = { pull_requests: { unlinked: "fail" } };
        },
        expected: ["setting-changed:false"],
      },
      {
        name: "at_risk_days lowered weakens (risk shows later)",
        edit: (h) => {
          (h as Record<string, unknown>).settings = { at_risk_days: 3 };
        },
        expected: ["setting-changed:true"],
        message: /at_risk_days changes from 7 to 3/,
      },
      {
        name: "a review and a deliverable added: neither weakens",
        edit: (h) => {
          (nth(h.milestones, 1) as Record<string, unknown>).review = { approvers: ["carol"] };
          h.deliverables.push({
            id: "late",
            title: "Late",
            criteria: [{ issues: "closed" }],
          } as never);
        },
        expected: ["review-added:false", "deliverable-added:false"],
      },
      {
        name: "an objective removed, with its measure, weakens",
        edit: (h) => {
          nth(h.goals, 0).objectives = [];
          nth(h.deliverables, 2).criteria = [{ issues: "closed" } as never];
        },
        expected: ["criterion-removed:true", "criterion-added:false", "objective-removed:true"],
      },
      {
        name: "a measure pointed at another file weakens",
        edit: (h) => {
          nth(nth(h.goals, 0).objectives, 0).measure.file = "other.json";
        },
        expected: ["measure-changed:true"],
      },
    ];

  it.each(cases)("$name", ({ edit, expected, message }) => {
    const changes = diff(edit);
    expect(changes.map((c) => `${c.code}:${c.weakens}`)).toEqual(expected);
    if (message) expect(changes[0]?.message).toMatch(message);
  });

  it("is deterministic: milestones, then deliverables with their criteria, then objectives", () => {
    const edit = (h: Input) => {
      nth(nth(h.goals, 0).objectives, 0).measure.target = "<= 6";
      (nth(h.deliverables, 1).criteria[0] as { min: number }).min = 1;
      h.deliverables.splice(0, 1);
      nth(h.milestones, 0).deliverables = ["report"];
      nth(h.milestones, 1).deliverables = ["display"];
      nth(h.milestones, 0).due = "2026-03-01";
    };
    const first = summary(edit);
    expect(first).toEqual([
      "date-later:true",
      "deliverable-removed:true",
      "min-lowered:true",
      "deliverable-moved:true",
      "target-loosened:true",
    ]);
    expect(summary(edit)).toEqual(first);
  });
});
