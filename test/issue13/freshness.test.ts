/**
 * Evidence freshness: a measure with `max_age_days` whose file last changed on the default
 * branch too long ago, or at an unknown time, is stale — never met — and every report says
 * "no longer reporting since DATE".
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { diffPlans } from "../../src/evaluate/plan-diff.ts";
import { evaluatePullRequest } from "../../src/evaluate/pull-request.ts";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { findings, MINIMAL, summary } from "../plan/fixtures.ts";
import { plan, snapshot } from "../support/builders.ts";

const PLAN_TEXT = `version: 1
goals:
  - id: g
    title: Shorter queues
    objectives:
      - id: wait
        title: Cut the wait
        due: 2026-06-30
        measure: { file: metrics/q.json, path: wait, target: "<= 4", max_age_days: 14 }
milestones:
  - { id: m, title: M, due: 2026-06-01, deliverables: [d] }
deliverables:
  - { id: d, title: D, criteria: [{ objective: wait }] }
`;

function planOf(maxAge?: number) {
  return plan({
    goals: [
      {
        id: "g",
        title: "G",
        objectives: [
          {
            id: "wait",
            title: "Cut the wait",
            measure: {
              file: "metrics/q.json",
              path: "wait",
              target: "<= 4",
              ...(maxAge === undefined ? {} : { max_age_days: maxAge }),
            },
          },
        ],
      },
    ],
    milestones: [{ id: "m", title: "M", due: "2026-06-01", deliverables: ["d"] }],
    deliverables: [{ id: "d", title: "D", criteria: [{ objective: "wait" }] }],
  });
}

/** now is 2026-03-01T12:00Z; the measure's value (3) meets its target. */
function evaluateWith(fileCommittedAt: Record<string, string> | undefined, maxAge?: number) {
  const s = snapshot({
    files: { "metrics/q.json": '{"wait": 3}' },
    ...(fileCommittedAt ? { fileCommittedAt } : {}),
  });
  const e = evaluateRepository({ plan: planOf(maxAge), snapshot: s });
  return { objective: e.objectives[0], criterion: e.milestones[0]?.deliverables[0]?.criteria[0] };
}

describe("stale measures", () => {
  it.each([
    [
      "fresh (changed 3 days ago)",
      { "metrics/q.json": "2026-02-26T09:00:00Z" },
      14,
      true,
      undefined,
    ],
    [
      "fresh on its last allowed day",
      { "metrics/q.json": "2026-02-15T23:59:00Z" },
      14,
      true,
      undefined,
    ],
    ["stale by age", { "metrics/q.json": "2026-02-14T10:00:00Z" }, 14, false, "2026-02-14"],
    [
      "stale when the date is unknown (no key)",
      { "other.json": "2026-03-01T00:00:00Z" },
      14,
      false,
      null,
    ],
    ["stale when the snapshot has no dates", undefined, 14, false, null],
    ["never stale without max_age_days", undefined, undefined, true, undefined],
  ])("%s", (_what, dates, maxAge, met, since) => {
    const { objective, criterion } = evaluateWith(dates, maxAge);
    expect(objective?.met).toBe(met);
    expect(criterion?.met).toBe(met);
    expect(objective?.value).toBe(3);
    if (since === undefined) {
      expect(objective?.stale).toBeUndefined();
    } else {
      expect(objective?.stale).toBe(true);
      expect(objective?.staleSince).toBe(since);
      expect(objective?.detail).toMatch(/^no longer reporting/);
      expect(criterion?.detail).toMatch(/^no longer reporting/);
    }
  });

  it("says since when, and why", () => {
    const { objective } = evaluateWith({ "metrics/q.json": "2026-02-01T10:00:00Z" }, 14);
    expect(objective?.detail).toBe(
      "no longer reporting since 2026-02-01: metrics/q.json last changed 28 days ago, more than max_age_days 14 (wait in metrics/q.json is 3)",
    );
  });

  it("a pull request that updates the measure file makes it fresh after the merge", () => {
    const p = planOf(14);
    const s = snapshot({
      files: { "metrics/q.json": '{"wait": 3}' },
      fileCommittedAt: { "metrics/q.json": "2026-01-01T00:00:00Z" },
      pullRequests: [
        {
          number: 5,
          title: "New numbers",
          state: "open",
          labels: ["deliverable:d"],
          changedFiles: ["metrics/q.json"],
          headFiles: { "metrics/q.json": '{"wait": 2}' },
        },
      ],
    });
    const current = evaluateRepository({ plan: p, snapshot: s });
    expect(current.milestones[0]?.achieved).toBe(false);
    const pr = evaluatePullRequest({ plan: p, snapshot: s, number: 5, planPath: "p", current });
    expect(pr.achieves).toEqual(["m"]);
  });

  it("reports show it beside the objective and in their own section", () => {
    const report = buildReport({
      planText: PLAN_TEXT,
      planPath: ".github/plan.yml",
      snapshot: snapshot({
        files: { "metrics/q.json": '{"wait": 3}' },
        fileCommittedAt: { "metrics/q.json": "2026-02-01T10:00:00Z" },
      }),
    });
    expect(report.objectives[0]).toMatchObject({
      stale: true,
      met: false,
      staleSince: "2026-02-01",
    });
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("### No longer reporting");
    expect(markdown).toContain(
      "| ❌ | Cut the wait | Shorter queues | 3 — ⏸ no longer reporting since 2026-02-01 |",
    );
    expect(renderText(report)).toContain(
      "✘ Cut the wait — due 2026-06-30 — ⏸ no longer reporting since 2026-02-01",
    );
    const dashboard = renderDashboard({ report });
    expect(dashboard).toContain("## No longer reporting");
    expect(dashboard).toContain("- ⏸ **Cut the wait** — no longer reporting since 2026-02-01");
  });

  it("the offline CLI reads fileCommittedAt from the snapshot file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-align-stale-"));
    writeFileSync(join(dir, "plan.yml"), PLAN_TEXT);
    const snap = (at: string) =>
      JSON.stringify({
        version: 1,
        repository: "acme/canteen",
        defaultBranch: "main",
        fetchedAt: "2026-03-01T12:00:00Z",
        files: { "metrics/q.json": '{"wait": 3}' },
        fileCommittedAt: { "metrics/q.json": at },
      });
    const run = async (at: string) => {
      writeFileSync(join(dir, "snap.json"), snap(at));
      let stdout = "";
      const io: CliIo = {
        stdout: (t) => {
          stdout += t;
        },
        stderr: () => {},
        env: {},
        cwd: dir,
      };
      const code = await main(
        ["report", "--plan", "plan.yml", "--snapshot", "snap.json", "--format", "json"],
        io,
      );
      return { code, report: JSON.parse(stdout) };
    };
    const stale = await run("2026-01-20T00:00:00Z");
    expect(stale.code).toBe(0);
    expect(stale.report.objectives[0]).toMatchObject({ met: false, stale: true });
    const fresh = await run("2026-02-27T00:00:00Z");
    expect(fresh.report.objectives[0]).toMatchObject({ met: true });
    expect(fresh.report.objectives[0].stale).toBeUndefined();
  });
});

describe("max_age_days validation", () => {
  it.each([
    ["0", 'objective "o": "measure.max_age_days" must be at least 1, got 0'],
    ["1.5", 'objective "o": "measure.max_age_days" must be a whole number, got 1.5'],
    ['"x"', 'objective "o": "measure.max_age_days" must be a whole number, got "x"'],
  ])("max_age_days: %s is an error at its value", (value, message) => {
    const text = MINIMAL.replace('target: "<= 4" }', `target: "<= 4", max_age_days: ${value} }`);
    expect(summary(findings(text))).toEqual([
      expect.objectContaining({ severity: "error", line: 9, column: 73, message }),
    ]);
  });

  it("a whole number ≥ 1 is valid", () => {
    const text = MINIMAL.replace('target: "<= 4" }', 'target: "<= 4", max_age_days: 7 }');
    expect(findings(text)).toEqual([]);
  });
});

describe("max_age_days in the plan diff", () => {
  it.each([
    [14, 30, true],
    [14, undefined, true],
    [30, 14, false],
    [undefined, 14, false],
  ])("%s → %s weakens: %s", (from, to, weakens) => {
    const changes = diffPlans(planOf(from), planOf(to));
    expect(changes.map((c) => [c.code, c.weakens])).toEqual([["measure-changed", weakens]]);
  });
});
