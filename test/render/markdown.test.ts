import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { byteLength } from "../../src/render/format.ts";
import { CHECK_RUN_SUMMARY_LIMIT, renderMarkdown } from "../../src/render/markdown.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { exampleReport, largePlan } from "./support.ts";

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

describe("renderMarkdown: the verdict comes first", () => {
  it("names the milestone a pull request achieves", () => {
    expect(firstLine(renderMarkdown(exampleReport(40)))).toBe(
      "🎯 Merging this achieves **Prototype completed**",
    );
  });

  it("says an unlinked pull request is linked to nothing", () => {
    expect(firstLine(renderMarkdown(exampleReport(41)))).toBe("⚠️ Not linked to any deliverable");
  });

  it("gives the repository's status without a pull request", () => {
    expect(firstLine(renderMarkdown(exampleReport()))).toBe(
      "⏰ **1 of 3 milestones achieved** · 1 overdue · 1 at risk · 8 planned changes",
    );
  });

  it("says what merging undoes", () => {
    const report = exampleReport(40);
    const pr = report.pullRequest;
    if (!pr) throw new Error("no pull request");
    pr.achieves = [];
    pr.regresses = ["requirements-approved"];
    expect(firstLine(renderMarkdown(report))).toBe(
      "⚠️ **Requirements approved** is no longer achieved after merging",
    );
  });

  it("leads with an invalid plan, and evaluates nothing from it", () => {
    const report = buildReport({
      planText:
        "version: 1\nmilestones:\n  - id: a\n    title: A\n    due: 2026-01-01\n    deliverables: [nope]\n",
      planPath: ".github/plan.yml",
      snapshot: baseSnapshot(),
    });
    const md = renderMarkdown(report);
    expect(firstLine(md)).toMatch(/^❌ The plan `.github\/plan.yml` is invalid \(\d+ errors?\)/);
    expect(md).toContain("### Plan findings");
    expect(md).toContain("`.github/plan.yml:6:");
    expect(md).not.toContain("### Milestones");
    expect(md).not.toContain("### Planned changes");
  });
});

function baseSnapshot() {
  return {
    version: 1 as const,
    repository: "acme/canteen",
    defaultBranch: "main",
    fetchedAt: "2026-03-01T12:00:00Z",
    milestones: [],
    labels: [],
    issues: [],
    pullRequests: [],
    files: {},
    checks: {},
  };
}

describe("renderMarkdown: content", () => {
  const md = renderMarkdown(exampleReport(40));

  it("shows achieved / not achieved with due dates, overdue and at-risk marks and GitHub numbers, never 'in progress'", () => {
    expect(md).toContain(
      "| ✅ | Requirements approved | 2026-02-15 | Achieved | 3 of 3 | #1 open |",
    );
    expect(md).toContain("⏰ **overdue** by 7 days");
    expect(md).toContain("⚠️ **at risk**: 5 days left");
    expect(md).toContain("not created yet");
    expect(md.toLowerCase()).not.toContain("in progress");
  });

  it("shows each criterion with ✅/❌ and what is missing", () => {
    expect(md).toMatch(/❌ All issues closed \(min 2\): 1 of 2 issues closed; open: #15/);
    expect(md).toMatch(/❌ Checks pass: test, lint: .*lint concluded failure/);
  });

  it("lists objectives, plan findings, planned actions and milestones not in the plan", () => {
    expect(md).toContain("### Objectives");
    expect(md).toContain("3.8 (baseline 6)");
    expect(md).toContain("### Plan findings (0 errors, 1 warning)");
    expect(md).toContain("- Close milestone #1 **Requirements approved**: achieved");
    expect(md).toContain("- Put issue #20 in milestone **Visitor survey completed**");
    expect(md).toContain("- #7 Backlog (open)");
  });

  it("shows the plan diff of a pull request that changes the plan, marking weakening changes", () => {
    const report = exampleReport(40);
    report.pullRequest?.planChanges.push(
      {
        code: "criterion-removed",
        weakens: true,
        message: 'criterion "checks: test, lint" removed from "queue-display"',
      },
      { code: "milestone-added", weakens: false, message: 'milestone "beta" added' },
    );
    const out = renderMarkdown(report);
    expect(out).toContain("### Plan changes in this pull request");
    expect(out).toContain("1 change weakens the plan (🔻)");
    expect(out).toContain('- 🔻 criterion "checks: test, lint" removed from "queue-display"');
    expect(out).toContain('- ✏️ milestone "beta" added');
  });

  it("escapes Markdown and HTML in titles so they cannot break the table or inject markup", () => {
    const report: Report = exampleReport();
    const first = report.milestones[0];
    if (!first) throw new Error("no milestone");
    first.title = "Evil | <script>alert(1)</script> **bold**\n# heading";
    const out = renderMarkdown(report);
    expect(out).toContain("Evil \\| \\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* # heading");
    expect(out).not.toContain("<script>");
  });
});

describe("renderMarkdown: size budget", () => {
  it("keeps a 2,000-deliverable plan under GitHub's 65,535 bytes and says what it cut", () => {
    const { planText, snapshot } = largePlan(2000);
    const report = buildReport({ planText, planPath: ".github/plan.yml", snapshot });
    expect(report.plan.valid).toBe(true);
    const md = renderMarkdown(report);
    expect(byteLength(md)).toBeLessThanOrEqual(CHECK_RUN_SUMMARY_LIMIT);
    expect(md).toMatch(
      /to fit GitHub's 65,535-byte limit; run `plan-align report` for the full report/,
    );
    expect(md).toMatch(/2,000 deliverables/);
    // Still useful: the verdict and the milestones that need attention.
    expect(firstLine(md)).toContain("of 200 milestones achieved");
    expect(md).toContain("### Milestones");
  });

  it("uses the full rendering when it fits, with nothing cut", () => {
    const md = renderMarkdown(exampleReport(40));
    expect(md).not.toContain("✂️");
    expect(md).toContain("<details><summary>✅ Requirements approved: achieved</summary>");
  });

  it("collapses achieved milestones first, then drops criteria, then shows counts", () => {
    const report = exampleReport(40);
    const full = renderMarkdown(report);
    const collapsed = renderMarkdown(report, { maxBytes: byteLength(full) - 1 });
    expect(byteLength(collapsed)).toBeLessThan(byteLength(full));
    expect(collapsed).toContain(
      "✂️ Details of 1 achieved milestone and 2 done deliverables collapsed",
    );
    expect(collapsed).not.toContain("<details>");
    expect(collapsed).toContain("❌ All issues closed (min 2)");

    const summary = renderMarkdown(report, { maxBytes: byteLength(collapsed) - 1 });
    expect(summary).toContain("Criteria of 4 deliverables omitted");
    expect(summary).not.toContain("All issues closed");
    expect(summary).toContain("| Prototype completed | 2026-04-01 |");

    const counts = renderMarkdown(report, { maxBytes: byteLength(summary) - 1 });
    expect(counts).toContain("| Milestones achieved | 1 of 3 |");
    expect(counts).toContain("Details of 4 deliverables omitted");
    expect(byteLength(counts)).toBeLessThan(byteLength(summary));
  });

  it("never exceeds the budget, even when it must cut mid-text", () => {
    const report = exampleReport(40);
    for (const maxBytes of [300, 1000, 2500]) {
      const md = renderMarkdown(report, { maxBytes });
      expect(byteLength(md)).toBeLessThanOrEqual(maxBytes);
      expect(md).toContain("plan-align report");
    }
  });
});
