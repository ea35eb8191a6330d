/**
 * "Today" and "evaluated at" on the dashboard and the HTML page are read in the plan's time
 * zone, as every other day of the report is: at 09:00 UTC on 27 March it is still 26 March
 * in Honolulu, and a team there must not see tomorrow marked as today.
 */
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { renderHtml } from "../../src/render/html.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { EXAMPLE_PLAN, examplePlanText, exampleSnapshot } from "./support.ts";

function reportIn(timezone?: string) {
  const planText = timezone
    ? examplePlanText().replace("settings:\n", `settings:\n  timezone: ${timezone}\n`)
    : examplePlanText();
  const loaded = loadPlan({ text: planText, path: EXAMPLE_PLAN });
  expect(loaded.valid).toBe(true);
  // The example is read at 2026-03-27T09:00:00Z.
  const report = buildReport({
    planText,
    planPath: EXAMPLE_PLAN,
    snapshot: exampleSnapshot(),
    loaded,
  });
  return { report, plan: loaded.plan };
}

describe("today in the plan's zone", () => {
  it("the dashboard's gantt marks the local day as today", () => {
    const honolulu = reportIn("Pacific/Honolulu");
    expect(renderDashboard(honolulu)).toContain(
      "today 2026-03-26 :milestone, today, 2026-03-26, 0d",
    );
    const utc = reportIn();
    expect(renderDashboard(utc)).toContain("today 2026-03-27 :milestone, today, 2026-03-27, 0d");
  });

  it("the HTML page says when it was evaluated in the plan's zone, naming it", () => {
    expect(renderHtml(reportIn("Pacific/Honolulu").report)).toContain(
      "evaluated 2026-03-26 23:00 Pacific/Honolulu",
    );
    expect(renderHtml(reportIn().report)).toContain("evaluated 2026-03-27 09:00 UTC");
  });
});
