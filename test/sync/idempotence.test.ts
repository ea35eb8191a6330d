/**
 * End to end through the real loader and evaluator: plan the sync of the bundled example,
 * apply it to the snapshot as GitHub would, and plan again: nothing is left to do.
 */
import { describe, expect, it } from "vitest";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { planSync } from "../../src/sync/plan-sync.ts";
import { examplePlanText, exampleSnapshot } from "../render/support.ts";
import { apply } from "./support.ts";

describe("planSync on the canteen example", () => {
  const loaded = loadPlan({ text: examplePlanText(), path: "plan.yml" });
  const plan = loaded.plan;
  if (!plan) throw new Error("example plan invalid");

  it("plans labels, milestones, issues and the close, and nothing after applying them", () => {
    const before = exampleSnapshot();
    const first = planSync({
      plan,
      snapshot: before,
      evaluation: evaluateRepository({ plan, snapshot: before }),
    });
    expect(first.actions.map((a) => a.type)).toEqual([
      "create-label",
      "create-label",
      "create-milestone",
      "update-milestone",
      "set-issue-milestone",
      "set-issue-milestone",
      "close-milestone",
      "open-risk",
    ]);
    const after = apply(before, first.actions);
    const second = planSync({
      plan,
      snapshot: after,
      evaluation: evaluateRepository({ plan, snapshot: after }),
    });
    expect(second.actions).toEqual([]);
    expect(second.notInPlan).toEqual([{ number: 7, title: "Backlog", state: "open" }]);
    // The evaluation sees what the sync did.
    const evaluation = evaluateRepository({ plan, snapshot: after });
    expect(evaluation.milestones.map((m) => [m.id, m.githubMilestone, m.githubState])).toEqual([
      ["requirements-approved", 1, "closed"],
      ["survey-done", 31, "open"],
      ["prototype-done", 2, "open"],
    ]);
  });

  it("opens the review once everything else is met, and only once", () => {
    const before = exampleSnapshot();
    // No sign-off yet: remove the closed review issue.
    before.issues = before.issues.filter((i) => i.number !== 30);
    const first = planSync({
      plan,
      snapshot: before,
      evaluation: evaluateRepository({ plan, snapshot: before }),
    });
    const reviews = first.actions.filter((a) => a.type === "open-review");
    expect(reviews).toEqual([
      expect.objectContaining({
        milestone: "requirements-approved",
        number: 1,
        title: "Milestone review: Requirements approved",
        approvers: ["alice", "bob"],
      }),
    ]);
    expect(first.actions.some((a) => a.type === "close-milestone")).toBe(false);
    const after = apply(before, first.actions);
    const second = planSync({
      plan,
      snapshot: after,
      evaluation: evaluateRepository({ plan, snapshot: after }),
    });
    expect(second.actions).toEqual([]);
  });

  it("reopens a closed milestone that regressed, and is then in step", () => {
    const before = exampleSnapshot();
    const gh = before.milestones.find((m) => m.number === 1);
    if (!gh) throw new Error("no #1");
    gh.state = "closed";
    // The requirements file lost a heading on the default branch.
    before.files["docs/requirements/README.md"] = "# Introduction\n";
    const first = planSync({
      plan,
      snapshot: before,
      evaluation: evaluateRepository({ plan, snapshot: before }),
    });
    const reopen = first.actions.find((a) => a.type === "reopen-milestone");
    expect(reopen).toMatchObject({ milestone: "requirements-approved", number: 1 });
    expect(reopen && "reason" in reopen ? reopen.reason : "").toMatch(/Requirements document/);
    const after = apply(before, first.actions);
    expect(
      planSync({ plan, snapshot: after, evaluation: evaluateRepository({ plan, snapshot: after }) })
        .actions,
    ).toEqual([]);
  });
});
