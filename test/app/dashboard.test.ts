import { describe, expect, it } from "vitest";
import { ISSUE_BODY_CHARS as ISSUE_BODY_LIMIT } from "../../src/model/github-limits.ts";
import { DASHBOARD_MARKER } from "../../src/model/names/dashboard.ts";
import type { Report } from "../../src/model/report.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { mermaidText } from "../../src/render/escape.ts";
import { canteenPlan, canteenReport, deliverable, milestone } from "./support/reports.ts";

describe("renderDashboard", () => {
  const body = renderDashboard({
    report: canteenReport(),
    plan: canteenPlan(),
    achievedOn: { "requirements-approved": "2026-02-14" },
  });

  it("starts with the hidden marker the App finds it by", () => {
    expect(body.startsWith(`${DASHBOARD_MARKER}\n`)).toBe(true);
  });

  it("summarises milestones and objectives", () => {
    expect(body).toContain("**1 of 2 milestones achieved** · 🟠 1 at risk · 0 of 1 objective met");
  });

  it("puts each deliverable under its objective and milestone, with what is missing", () => {
    const tree = body.slice(body.indexOf("## Goals"));
    const lines = tree.split("\n");
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at("🎯 Shorter queues")).toBeLessThan(at("📏 **Cut the average wait"));
    expect(lines[at("📏 **Cut the average wait")]).toContain(
      "❌ not met, value 5.1, target \\<= 4, baseline 6, due 2026-06-30: 5.1 does not meet \\<= 4",
    );
    // Milestone under the objective, its traced deliverables under it.
    expect(lines[at("🏁 **Prototype completed**")]).toMatch(
      /^ {2}- 🏁 .*due 2026-03-05 — 🟠 at risk \(4 days left\)/,
    );
    expect(lines[at("First draft of analysis report")]).toMatch(/^ {4}- ✅ /);
    // queue-display serves no objective: under "Not traced", with its unmet criteria.
    expect(at("### Not traced to an objective")).toBeLessThan(at("Queue display module"));
    expect(tree).toContain(
      "  - missing: All issues closed (min 2) — 1 of 2 issues closed; open: #14",
    );
    expect(tree).toContain("  - missing: Checks test, lint pass — lint: failure");
    expect(tree).toContain("✅ requires `requirements-approved`");
    expect(tree).toContain("✅ review by alice, bob (#20): signed off by alice");
  });

  it("has a milestone table with GitHub links", () => {
    expect(body).toContain(
      "| Requirements approved | 2026-02-15 | ✅ achieved | 3/3 | [#1](https://github.com/acme/canteen/milestone/1) (closed) |",
    );
  });

  it("draws the milestones as a Mermaid gantt chart, each state set apart, today marked", () => {
    const chart = body.slice(
      body.indexOf("```mermaid"),
      body.indexOf("```\n", body.indexOf("```mermaid") + 3),
    );
    expect(chart).toContain("gantt");
    expect(chart).toContain("todayMarker");
    expect(chart).toMatch(/ \(achieved\) :done, milestone, m1, 2026-02-15, 0d/);
    expect(chart).toMatch(
      /Prototype completed \((overdue|at risk)\) :crit, (active, )?milestone, m2, 2026-03-05, 0d/,
    );
    expect(chart).toMatch(/section Today\n {2}today \d{4}-\d{2}-\d{2} :milestone, today/);
  });

  it("lists findings with links to the plan's lines, and milestones not in the plan without mentioning anyone", () => {
    expect(body).toContain(
      "⚠️ warning [.github/plan.yml:40:5](https://github.com/acme/canteen/blob/HEAD/.github/plan.yml#L40)",
    );
    expect(body).toContain(
      "[#7](https://github.com/acme/canteen/milestone/7) Backlog @\u200beveryone",
    );
    expect(body).not.toMatch(/@everyone/);
  });

  it("records recent closings with the Achieved on date and the evidence", () => {
    const section = body.slice(body.indexOf("## Recently achieved"));
    expect(section).toContain(
      "**Requirements approved** ([#1](https://github.com/acme/canteen/milestone/1)) — Achieved on 2026-02-14",
    );
    expect(section).toContain("Requirements document: All issues closed (2 of 2 issues closed)");
  });

  it("is deterministic: the same report renders the same body, even evaluated later", () => {
    const later: Report = { ...canteenReport(), evaluatedAt: "2026-03-01T18:00:00Z" };
    expect(
      renderDashboard({
        report: later,
        plan: canteenPlan(),
        achievedOn: { "requirements-approved": "2026-02-14" },
      }),
    ).toBe(body);
  });

  it("uses the server address for links on GitHub Enterprise Server", () => {
    const ghes = renderDashboard({
      report: canteenReport(),
      serverUrl: "https://ghe.example.com/",
    });
    expect(ghes).toContain("(https://ghe.example.com/acme/canteen/milestone/1)");
    expect(ghes).not.toContain("https://github.com/");
  });

  it("reports a regressed milestone (closed on GitHub, no longer achieved) with the reason", () => {
    const report = canteenReport();
    report.milestones[0] = {
      ...milestone({
        id: "requirements-approved",
        title: "Requirements approved",
        githubMilestone: 1,
        githubState: "closed",
      }),
      deliverables: [
        deliverable({
          id: "requirements-doc",
          criteria: [
            {
              kind: "issues",
              name: "All issues closed",
              met: false,
              detail: "1 of 2 closed; open: #12",
            },
          ],
        }),
      ],
    };
    const out = renderDashboard({ report });
    expect(out).toContain("↩️ 1 regressed");
    expect(out).toContain(
      "| Requirements approved | 2026-04-01 | ↩️ regressed (closed on GitHub, no longer achieved) |",
    );
    expect(out).toContain("missing: All issues closed — 1 of 2 closed; open: #12");
  });

  it("shows an invalid plan's errors and nothing else of the plan", () => {
    const report: Report = {
      ...canteenReport(),
      plan: {
        path: ".github/plan.yml",
        valid: false,
        findings: [
          {
            severity: "error",
            line: 14,
            column: 9,
            message: 'milestone "prototype-done" lists unknown deliverable "queue-dispaly"',
          },
        ],
      },
      milestones: [],
      goals: [],
      objectives: [],
    };
    const out = renderDashboard({ report });
    expect(out).toContain(
      "is invalid (1 error): nothing is synced, closed or reopened until it is fixed",
    );
    expect(out).toContain(
      '❌ error [.github/plan.yml:14:9](https://github.com/acme/canteen/blob/HEAD/.github/plan.yml#L14): milestone "prototype-done" lists unknown deliverable "queue-dispaly"',
    );
    expect(out).not.toContain("## Milestones");
  });

  it("stays under GitHub's issue body limit for a huge plan, saying what it left out", () => {
    const report = canteenReport();
    report.milestones = Array.from({ length: 400 }, (_, i) =>
      milestone({
        id: `m-${i}`,
        title: `Milestone ${i} ${"x".repeat(60)}`,
        due: `2027-01-${String((i % 28) + 1).padStart(2, "0")}`,
        deliverables: Array.from({ length: 10 }, (_, j) =>
          deliverable({
            id: `d-${i}-${j}`,
            criteria: [
              { kind: "issues", name: "All issues closed", met: false, detail: "y".repeat(500) },
            ],
          }),
        ),
      }),
    );
    report.notInPlan = Array.from({ length: 300 }, (_, i) => ({
      number: 1000 + i,
      title: `old ${i}`,
    }));
    const out = renderDashboard({ report });
    expect(out.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(out).toMatch(/size limit/);
    expect(out).toContain("… and 250 milestones more");
    // Still a well-formed document: code fences balanced.
    expect((out.match(/^```/gm) ?? []).length % 2).toBe(0);
    // And the limit holds even when asked for a tiny one.
    const tiny = renderDashboard({ report, maxChars: 3000 });
    expect(tiny.length).toBeLessThanOrEqual(3000);
    expect((tiny.match(/^```/gm) ?? []).length % 2).toBe(0);
  });
});

describe("mermaidText", () => {
  it.each([
    ["Phase 1: build; test #2 %% note", "Phase 1 build test 2 note"],
    ["```mermaid\nclick m1 call alert()", "mermaid click m1 call alert()"],
    ["<b>bold</b>", "b bold /b"],
    ["Café – prêt", "Café prêt"],
    [":::", "m-fallback"],
    ["section Evil", "▸ section Evil"],
    ["click m1 href x", "▸ click m1 href x"],
  ])("makes %j safe as %j", (input, expected) => {
    expect(mermaidText(input, "m-fallback")).toBe(expected);
  });
});
