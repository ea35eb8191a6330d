/**
 * `owner:` on deliverables: validated as a possible GitHub login, and shown beside what is
 * missing in every report ("— owner @carol"), never beside what is done.
 */
import { describe, expect, it } from "vitest";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { milestoneGaps } from "../../src/sync/evidence.ts";
import { findings, MINIMAL, summary } from "../plan/fixtures.ts";
import { plan, snapshot } from "../support/builders.ts";

const withOwner = (owner: string) =>
  MINIMAL.replace("    objective: o\n", `    objective: o\n    owner: ${owner}\n`);

describe("owner validation", () => {
  it.each([
    ["carol", []],
    ["Carol-2", []],
    ["a".repeat(39), []],
  ])("%s is a possible login", (owner, expected) => {
    expect(summary(findings(withOwner(owner)))).toEqual(expected);
  });

  it.each([
    [
      '"@carol"',
      'deliverable "d1": owner "@carol" is not a possible GitHub login — write it without the "@" or spaces: carol',
    ],
    [
      "-carol",
      'deliverable "d1": owner "-carol" is not a possible GitHub login — use a GitHub login (letters, digits and hyphens, at most 39 characters, not starting with a hyphen), e.g. owner: carol',
    ],
    [
      "a".repeat(40),
      `deliverable "d1": owner "${"a".repeat(40)}" is not a possible GitHub login — use a GitHub login (letters, digits and hyphens, at most 39 characters, not starting with a hyphen), e.g. owner: carol`,
    ],
    [
      '"carol smith"',
      'deliverable "d1": owner "carol smith" is not a possible GitHub login — use a GitHub login (letters, digits and hyphens, at most 39 characters, not starting with a hyphen), e.g. owner: carol',
    ],
  ])("%s is an error at the owner's value", (owner, message) => {
    expect(summary(findings(withOwner(owner)))).toEqual([
      { severity: "error", line: 19, column: 12, code: "invalid-login", message },
    ]);
  });
});

const p = plan({
  milestones: [{ id: "m", title: "M", due: "2026-06-01", deliverables: ["a", "b"] }],
  deliverables: [
    { id: "a", title: "Alpha", owner: "carol", criteria: [{ issues: "closed" }] },
    { id: "b", title: "Beta", owner: "dave", criteria: [{ issues: "closed" }] },
  ],
});
const s = snapshot({
  issues: [
    { number: 1, title: "a", state: "open", labels: ["deliverable:a"] },
    { number: 2, title: "b", state: "closed", stateReason: "completed", labels: ["deliverable:b"] },
  ],
});

describe("owner in the evaluation and reports", () => {
  const evaluation = evaluateRepository({ plan: p, snapshot: s });
  const report = buildReport({
    planText: `version: 1
milestones:
  - { id: m, title: M, due: 2026-06-01, deliverables: [a, b] }
deliverables:
  - { id: a, title: Alpha, owner: carol, criteria: [{ issues: closed }] }
  - { id: b, title: Beta, owner: dave, criteria: [{ issues: closed }] }
`,
    planPath: ".github/plan.yml",
    snapshot: s,
  });

  it("deliverables carry their owner (or null) in the report", () => {
    expect(evaluation.milestones[0]?.deliverables.map((d) => [d.id, d.owner])).toEqual([
      ["a", "carol"],
      ["b", "dave"],
    ]);
    const none = evaluateRepository({
      plan: plan({ deliverables: [{ id: "x", title: "X", criteria: [{ issues: "closed" }] }] }),
      snapshot: s,
    });
    expect(none.unscheduled[0]?.owner).toBeNull();
  });

  it("the check run, terminal and dashboard name the owner beside what is missing only", () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(/❌ All issues closed: .* — owner @carol\n/);
    expect(markdown).not.toContain("@dave");
    const text = renderText(report);
    expect(text).toMatch(/✘ All issues closed: .* — owner @carol\n/);
    expect(text).not.toContain("@dave");
    const dashboard = renderDashboard({ report });
    // The dashboard shows the owner without notifying them on every edit.
    expect(dashboard).toMatch(/missing: All issues closed — .* — owner @\u200bcarol\n/);
    expect(dashboard).not.toContain("dave");
  });

  it("the gaps written into issues (reopen reason, risk issue) name the owner", () => {
    const gaps = milestoneGaps(evaluation.milestones[0] ?? ({} as never));
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatch(/^Alpha: .* — owner @carol$/);
  });
});
