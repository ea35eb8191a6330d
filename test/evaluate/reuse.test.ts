/**
 * The App evaluates one parsed plan again on every event, so what comes from the plan alone
 * (its label slots, the generated criterion names) and parsed measure files are kept between
 * evaluations. Whatever is kept, each evaluation must read like a first one: a new snapshot,
 * a plan list changed in place, a renamed objective or a measure file with new content.
 */
import { describe, expect, it } from "vitest";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import type { Plan } from "../../src/plan/schema.ts";
import { issue, nth, plan, snapshot } from "./helpers.ts";

function deliverable(p: Plan, s: Snapshot, id: string) {
  const all = evaluateRepository({ plan: p, snapshot: s }).milestones.flatMap(
    (m) => m.deliverables,
  );
  const found = all.find((d) => d.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}

/** One deliverable `d` whose criteria are the objectives given (id → [title, measure file]). */
function measuredPlan(objectives: Record<string, [title: string, file: string]>): Plan {
  const ids = Object.keys(objectives);
  return plan({
    goals: [
      {
        id: "g",
        title: "G",
        objectives: Object.entries(objectives).map(([id, [title, file]]) => ({
          id,
          title,
          measure: { file, path: "wait", target: "<= 4" },
        })),
      },
    ],
    milestones: [{ id: "m", title: "M", due: "2026-06-01", deliverables: ["d"] }],
    deliverables: [{ id: "d", title: "D", criteria: ids.map((id) => ({ objective: id })) }],
  });
}

const twoDeliverables = () =>
  plan({
    goals: [],
    milestones: [{ id: "m", title: "M", due: "2026-06-01", deliverables: ["a", "b"] }],
    deliverables: [
      { id: "a", title: "A", label: "Deliverable: Alpha", criteria: [{ issues: "closed" }] },
      { id: "b", title: "B", criteria: [{ issues: "closed" }] },
    ],
  });

describe("evaluating the same plan again", () => {
  it("reads each snapshot's own issues, in any spelling of the label", () => {
    const p = twoDeliverables();
    const first = snapshot({
      issues: [issue(1, "closed", { labels: ["Deliverable: Alpha"] })],
    });
    const second = snapshot({
      issues: [
        issue(1, "closed", { labels: ["deliverable: alpha"] }),
        issue(2, "open", { labels: ["DELIVERABLE: ALPHA"] }),
      ],
    });
    expect(deliverable(p, first, "a").done).toBe(true);
    expect(deliverable(p, second, "a")).toMatchObject({
      done: false,
      criteria: [{ detail: "1 of 2 issues closed; open: #2", refs: [1, 2] }],
    });
    expect(deliverable(p, first, "a").done).toBe(true);
  });

  it("notices a deliverable list changed in place", () => {
    const p = twoDeliverables();
    const s = snapshot({
      issues: [
        issue(1, "closed", { labels: ["deliverable:b"] }),
        issue(2, "open", { labels: ["deliverable:c"] }),
      ],
    });
    expect(deliverable(p, s, "b").done).toBe(true);
    // The same list, with `b` now labelled like `c` and a new `c` after it.
    const b = nth(p.deliverables, 1);
    p.deliverables[1] = { ...b, label: "deliverable:c" };
    p.deliverables.push({ ...b, id: "c", label: "deliverable:b" });
    nth(p.milestones, 0).deliverables.push("c");
    expect(deliverable(p, s, "b")).toMatchObject({ label: "deliverable:c", done: false });
    expect(deliverable(p, s, "c")).toMatchObject({ label: "deliverable:b", done: true });
  });

  it("notices a milestone's list of deliverables changed in place", () => {
    const p = twoDeliverables();
    const m = nth(p.milestones, 0);
    m.deliverables.splice(0, 2, "a");
    const s = snapshot({ issues: [issue(1, "open", { labels: ["deliverable:b"] })] });
    const shape = () => {
      const evaluation = evaluateRepository({ plan: p, snapshot: s });
      return {
        listed: evaluation.milestones.flatMap((r) => r.deliverables.map((d) => d.id)),
        unscheduled: evaluation.unscheduled.map((d) => d.id),
      };
    };
    expect(shape()).toEqual({ listed: ["a"], unscheduled: ["b"] });
    m.deliverables[0] = "b";
    expect(shape()).toEqual({ listed: ["b"], unscheduled: ["a"] });
    m.deliverables.push("a");
    expect(shape()).toEqual({ listed: ["b", "a"], unscheduled: [] });
  });

  it("evaluates and names a criterion replaced in place, by one of another kind or the same", () => {
    const p = twoDeliverables();
    const s = snapshot({
      issues: [issue(1, "closed", { labels: ["deliverable:b"] })],
      files: { "docs/b.md": "# B\n" },
    });
    expect(nth(deliverable(p, s, "b").criteria, 0)).toMatchObject({
      kind: "issues",
      name: "All issues closed",
    });
    const criteria = nth(p.deliverables, 1).criteria;
    criteria[0] = { file: "docs/b.md", headings: ["B"] } as (typeof criteria)[number];
    expect(nth(deliverable(p, s, "b").criteria, 0)).toMatchObject({
      kind: "file",
      name: "File docs/b.md with 1 required heading",
      met: true,
    });
    // Of the same kind, named.
    criteria[0] = {
      file: "docs/b.md",
      headings: ["B"],
      name: "B is written",
    } as (typeof criteria)[number];
    expect(nth(deliverable(p, s, "b").criteria, 0)).toMatchObject({
      kind: "file",
      name: "B is written",
    });
  });

  it("names an objective criterion by the objective's current title", () => {
    const p = measuredPlan({ o: ["Shorter waits", "metrics.json"] });
    const s = snapshot({ files: { "metrics.json": '{"wait": 3}' } });
    const name = () => nth(deliverable(p, s, "d").criteria, 0).name;
    expect(name()).toContain("Shorter waits");
    nth(nth(p.goals, 0).objectives, 0).title = "Quicker queues";
    expect(name()).toContain("Quicker queues");
  });

  it("reads a Markdown file's new headings, each path its own", () => {
    const p = plan({
      goals: [],
      milestones: [{ id: "m", title: "M", due: "2026-06-01", deliverables: ["a", "b"] }],
      deliverables: [
        { id: "a", title: "A", criteria: [{ file: "docs/a.md", headings: ["Findings"] }] },
        { id: "b", title: "B", criteria: [{ file: "docs/b.md", headings: ["Findings"] }] },
      ],
    });
    const met = (files: Record<string, string>) =>
      nth(
        evaluateRepository({ plan: p, snapshot: snapshot({ files }) }).milestones,
        0,
      ).deliverables.map((d) => d.done);
    expect(met({ "docs/a.md": "# Findings\n", "docs/b.md": "# Draft\n" })).toEqual([true, false]);
    // The same texts, as new strings: the same answer.
    expect(met({ "docs/a.md": ["# Findings", ""].join("\n"), "docs/b.md": "# Draft\n" })).toEqual([
      true,
      false,
    ]);
    expect(met({ "docs/a.md": "# Draft\n", "docs/b.md": "## Findings\n" })).toEqual([false, true]);
    expect(met({ "docs/a.md": "# Findings\n", "docs/b.md": "# Findings\n" })).toEqual([true, true]);
  });

  it("reads a measure file's new content, and names its own path when it cannot", () => {
    const p = measuredPlan({ o: ["O", "a.yml"], q: ["Q", "b.yml"] });
    const objectives = (files: Record<string, string>) =>
      evaluateRepository({ plan: p, snapshot: snapshot({ files }) }).objectives;
    expect(objectives({ "a.yml": "wait: 3\n", "b.yml": "wait: 3\n" })).toMatchObject([
      { id: "o", met: true, value: 3 },
      { id: "q", met: true, value: 3 },
    ]);
    expect(objectives({ "a.yml": "wait: 5\n", "b.yml": "wait: [\n" })).toMatchObject([
      { id: "o", met: false, value: 5 },
      { id: "q", met: false },
    ]);
    const broken = evaluateRepository({
      plan: p,
      snapshot: snapshot({ files: { "a.yml": "wait: [\n", "b.yml": "wait: [\n" } }),
    });
    const details = nth(broken.milestones, 0).deliverables.flatMap((d) =>
      d.criteria.map((c) => c.detail),
    );
    expect(details[0]).toContain("a.yml is not valid YAML");
    expect(details[1]).toContain("b.yml is not valid YAML");
  });
});
