/** The dashboard's gantt: grouped by goal, each state its own tags, today marked, undated apart. */
import { describe, expect, it } from "vitest";
import type { MilestoneResult } from "../../src/model/report.ts";
import { renderGantt } from "../../src/render/dashboard-gantt.ts";
import { exampleReport } from "./support.ts";

describe("renderGantt", () => {
  const report = exampleReport();
  const [first, second, third] = report.milestones as [
    MilestoneResult,
    MilestoneResult,
    MilestoneResult,
  ];

  it("puts each milestone under its goal, undated ones listed apart, and today on the axis", () => {
    const chart = renderGantt({
      milestones: [
        first,
        { ...second, forecastLate: true, overdue: false, atRisk: false },
        { ...third, due: null },
      ],
      today: "2026-03-27",
      goalOf: (m) => (m.id === first.id ? "Shorter queues" : null),
    });
    expect(chart).toContain(
      "  section Goal Shorter queues\n  Requirements approved (achieved) :done, milestone",
    );
    expect(chart).toContain(
      "  section Not traced to a goal\n  Visitor survey completed (forecast late) :active, milestone",
    );
    expect(chart).toContain(
      "  section Today\n  today 2026-03-27 :milestone, today, 2026-03-27, 0d",
    );
    expect(chart).toContain(
      "_Without a date (not on the chart, never at risk or overdue): Prototype completed._",
    );
    expect(chart.split("```")[1]).not.toContain("Prototype");
  });

  it("without any dated milestone draws no chart but still lists the undated", () => {
    const chart = renderGantt({ milestones: [{ ...third, due: null }], today: "2026-03-27" });
    expect(chart).not.toContain("```");
    expect(chart).toContain("Prototype completed");
  });
});
