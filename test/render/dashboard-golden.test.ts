/**
 * Golden files of the dashboard of examples/canteen (9 criteria, 4 met on 2026-03-27; the
 * prototype is due 2026-04-01) with the history it keeps: 0, 1, 14 and 400 days recorded
 * before today, at a pace that finishes early, one that finishes late and one that never
 * finishes. They change only on purpose: `UPDATE_GOLDEN=1 npx vitest run test/render`
 * rewrites them; review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dayIndex } from "../../src/evaluate/dates.ts";
import type { HistoryEntry } from "../../src/model/names/history.ts";
import { readHistory } from "../../src/model/names/history.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { historyWithToday } from "../../src/sync/progress.ts";
import { EXAMPLE_PLAN, examplePlanText, exampleSnapshot } from "./support.ts";

const GOLDEN = join(import.meta.dirname, "golden");
const TODAY = dayIndex("2026-03-27");

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== "1") throw new Error(`wrote missing golden ${name}; re-run`);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

/** `days` entries ending yesterday; `metAt(daysAgo)` criteria met that day, 9 in the plan (8 before the last 20 days). */
function history(days: number, metAt: (daysAgo: number) => number): HistoryEntry[] {
  return Array.from({ length: days }, (_, i) => {
    const daysAgo = days - i;
    return {
      date: new Date((TODAY - daysAgo) * 86_400_000).toISOString().slice(0, 10),
      met: metAt(daysAgo),
      total: daysAgo > 20 ? 8 : 9,
    };
  });
}

const EARLY = [...history(41, () => 0).slice(0, 13), ...history(1, () => 2)];

function dashboard(before: HistoryEntry[]) {
  const planText = examplePlanText();
  const loaded = loadPlan({ text: planText, path: EXAMPLE_PLAN });
  const report = buildReport({
    planText,
    planPath: EXAMPLE_PLAN,
    snapshot: exampleSnapshot(),
    loaded,
    history: before,
  });
  const body = renderDashboard({
    report,
    plan: loaded.plan,
    history: historyWithToday(before, report),
  });
  return { report, body };
}

describe("golden dashboards of examples/canteen with history", () => {
  const cases = [
    { name: "history-0", before: [] as HistoryEntry[], forecast: null },
    { name: "history-1", before: history(1, () => 3), forecast: null },
    // 1 a week over the last 14 days, 5 to go: long after the prototype is due (2026-04-01).
    {
      name: "history-14-late",
      before: history(14, (ago) => Math.max(0, 4 - Math.ceil(ago / 7))),
      forecast: { date: "2026-05-01", pacePerWeek: 1 },
    },
    // Not run for four weeks, then 2 met since yesterday: all met in 3 days, before the
    // prototype is due.
    { name: "history-14-early", before: EARLY, forecast: { date: "2026-03-30", pacePerWeek: 14 } },
    // Nothing met for 400 days after the first 4: never at this pace.
    {
      name: "history-400-never",
      before: history(400, (ago) => (ago > 300 ? ago % 5 : 4)),
      forecast: { date: null, pacePerWeek: 0 },
    },
  ];
  for (const c of cases) {
    it(`${c.name}: the burn-up, the forecast and the history kept`, () => {
      const { report, body } = dashboard(c.before);
      golden(`dashboard-${c.name}.golden.md`, body);
      // The block holds what was there, and today.
      expect(readHistory(body)).toHaveLength(Math.min(400, c.before.length + 1));
      expect(readHistory(body).at(-1)).toEqual({ date: "2026-03-27", met: 4, total: 9 });
      if (c.forecast === null) expect(report.forecast).toBeNull();
      else expect(report.forecast).toEqual(c.forecast);
    });
  }

  it("at 400 days the chart keeps at most 12 labelled points", () => {
    const { body } = dashboard(history(400, () => 4));
    const axis = body.split("\n").find((l) => l.startsWith("  x-axis"));
    expect(axis?.match(/"/g)?.length).toBe(24);
  });

  it("marks the prototype forecast late when the pace finishes after its due day, not when before", () => {
    const late = dashboard(history(14, (ago) => Math.max(0, 4 - Math.ceil(ago / 7))));
    expect(late.body).toContain("⏳ forecast late");
    expect(late.report.milestones.find((m) => m.id === "prototype-done")?.forecastLate).toBe(true);
    const early = dashboard(EARLY);
    expect(early.body).not.toContain("⏳ forecast late");
  });
});

describe("the history in a dashboard cut to GitHub's size limit", () => {
  it("is kept whole even when the body must drop detail to fit", async () => {
    const { largePlan } = await import("./support.ts");
    const { planText, snapshot } = largePlan(2000);
    const report = buildReport({ planText, planPath: ".github/plan.yml", snapshot });
    const kept = history(400, () => 1);
    const body = renderDashboard({ report, history: kept, maxChars: 65_536 });
    expect(body).toContain("size limit");
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(readHistory(body)).toEqual(kept);
  });
});
