/** Milestones without `due`: valid with a warning, never at risk or overdue, apart on the gantt. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { renderGantt } from "../../src/render/dashboard-gantt.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { findings, MINIMAL, summary } from "../plan/fixtures.ts";
import { snapshot } from "../support/builders.ts";

const UNDATED = MINIMAL.replace("    due: 2026-02-15\n", "");

describe("a milestone without due", () => {
  it("is a warning at its id", () => {
    expect(summary(findings(UNDATED))).toEqual([
      {
        severity: "warning",
        line: 11,
        column: 9,
        code: "milestone-without-due",
        message:
          'milestone "m1" has no due date, so it can never be at risk or overdue — add "due: YYYY-MM-DD"',
      },
    ]);
  });

  it("validate exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-align-undated-"));
    writeFileSync(join(dir, "plan.yml"), UNDATED);
    let stdout = "";
    const io: CliIo = {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stdout += t;
      },
      env: {},
      cwd: dir,
    };
    expect(await main(["validate", "--plan", "plan.yml"], io)).toBe(0);
    expect(stdout).toContain('plan.yml:11:9: warning: milestone "m1" has no due date');
  });

  const report = buildReport({
    planText: `version: 1
milestones:
  - { id: someday, title: Someday, deliverables: [a] }
  - { id: dated, title: Dated, due: 2026-03-02, deliverables: [b] }
deliverables:
  - { id: a, title: A, criteria: [{ issues: closed }] }
  - { id: b, title: B, criteria: [{ issues: closed }] }
risks: [{ id: r, title: R, threatens: [someday], contingency: C }]
`,
    planPath: "p.yml",
    snapshot: snapshot({
      milestones: [{ number: 1, title: "Someday", state: "open", dueOn: "2026-01-01" }],
      fetchedAt: "2026-03-01T12:00:00Z",
    }),
  });

  it("is never at risk or overdue, and fires no risk", () => {
    const [someday, dated] = report.milestones;
    expect(someday).toMatchObject({ due: null, achieved: false, atRisk: false, overdue: false });
    expect(dated).toMatchObject({ atRisk: true });
    expect(report.risks[0]?.fired).toBe(false);
  });

  it("leaves the GitHub milestone's due date alone", () => {
    const update = report.actions.find((a) => a.type === "update-milestone");
    expect(update).toMatchObject({ milestone: "someday", changes: ["description"] });
    const create = report.actions.find((a) => a.type === "create-milestone");
    expect(create).toMatchObject({ milestone: "dated", dueOn: "2026-03-02" });
  });

  it("reads as having no due date, and the gantt shows it apart", () => {
    expect(renderMarkdown(report)).toContain("| ❌ | Someday | — | Not achieved (no due date) |");
    const gantt = renderGantt({ milestones: report.milestones, today: "2026-02-25" });
    expect(gantt).toMatch(
      /Dated \((overdue|at risk)\) :crit, (active, )?milestone, m1, 2026-03-02, 0d/,
    );
    expect(gantt).not.toContain("Someday :");
    expect(gantt).toContain(
      "_Without a date (not on the chart, never at risk or overdue): Someday._",
    );
  });
});
