/** `report --format svg-badge`: milestones achieved of total, coloured by the worst state. */
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { badgeState, renderSvgBadge } from "../../src/render/svg-badge.ts";
import { exampleReport } from "./support.ts";

function withMilestones(report: Report, f: (m: Report["milestones"][number]) => object): Report {
  return { ...report, milestones: report.milestones.map((m) => ({ ...m, ...f(m) })) };
}

describe("svg badge", () => {
  const report = exampleReport();

  it("counts the example's achieved milestones and is red while one is overdue", () => {
    const achieved = report.milestones.filter((m) => m.achieved).length;
    expect(report.milestones.some((m) => m.overdue)).toBe(true);
    const svg = renderSvgBadge(report);
    expect(svg).toContain(`${achieved}/${report.milestones.length} milestones · overdue`);
    expect(svg).toContain('fill="#cf222e"');
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("takes the worst state: overdue, then at risk, then on track; all achieved is green", () => {
    const noOverdue = withMilestones(report, () => ({ overdue: false }));
    expect(badgeState(noOverdue)).toBe(
      noOverdue.milestones.some((m) => m.atRisk) ? "atRisk" : "onTrack",
    );
    const calm = withMilestones(report, () => ({ overdue: false, atRisk: false }));
    expect(badgeState(calm)).toBe("onTrack");
    const done = withMilestones(report, () => ({ achieved: true, overdue: false, atRisk: false }));
    expect(badgeState(done)).toBe("achieved");
    expect(renderSvgBadge(done)).toContain('fill="#1a7f37"');
    const invalid = { ...report, plan: { ...report.plan, valid: false } };
    expect(renderSvgBadge(invalid)).toContain(">invalid<");
  });

  it("grows with its text, so a long count is not clipped", () => {
    const widthOf = (svg: string) => Number(/width="(\d+)"/.exec(svg)?.[1]);
    const first = report.milestones[0];
    if (!first) throw new Error("the example has milestones");
    const many = { ...report, milestones: Array.from({ length: 1200 }, () => first) };
    const few = { ...report, milestones: [first] };
    expect(widthOf(renderSvgBadge(many))).toBeGreaterThan(widthOf(renderSvgBadge(few)));
  });
});
