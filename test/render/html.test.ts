/** `report --format html`: one self-contained page with the tree, the timeline and the burn-up. */
import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "../../src/model/names/history.ts";
import { renderHtml } from "../../src/render/html.ts";
import { thinned } from "../../src/render/svg-charts.ts";
import { exampleReport } from "./support.ts";

function history(n: number): HistoryEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
    met: Math.floor(i / 3),
    total: 200,
  }));
}

describe("html page", () => {
  const report = exampleReport();

  it("needs nothing from the network: no script, no external reference, a CSP that forbids fetching", () => {
    const page = renderHtml(report, { history: history(30) });
    expect(page).not.toMatch(/<script|<link|<img|src=|href=|url\(|@import/i);
    expect(page).toContain(`content="default-src 'none'`);
  });

  it("shows every milestone with its state, the timeline with today, and the burn-up with its scope line", () => {
    const page = renderHtml(report, { history: history(30) });
    for (const m of report.milestones) expect(page).toContain(m.title);
    expect(page).toContain(">overdue<");
    expect(page).toContain(">today<");
    expect(page).toContain("criteria in the plan (scope)");
    expect(renderHtml(report)).not.toContain("<h2>Progress</h2>");
  });

  it("escapes what the plan and the repository wrote", () => {
    const hostile = {
      ...report,
      repository: "a/<script>alert(1)</script>",
      milestones: report.milestones.map((m) => ({
        ...m,
        title: `<img src=x onerror=alert(1)> ${m.title}`,
      })),
    };
    const page = renderHtml(hostile);
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("with a pull request, says first what merging it changes, then the risks it runs into", () => {
    const page = renderHtml(exampleReport(40));
    const at = (text: string) => {
      const i = page.indexOf(text);
      expect(i, text).toBeGreaterThan(0);
      return i;
    };
    const order = [
      at("<h2>Pull request #40: Add queue display</h2>"),
      at("Merging this achieves <strong>Prototype completed</strong>"),
      at("Serves Queue display module → Prototype completed"),
      at("Prototype completed: merging meets all 3 unmet criteria."),
      at('<li class="met">✓ met by merging: Queue display module: All issues closed (min 2)'),
      at("<h2>Fired risks on the milestones this serves</h2>"),
      at("<strong>The display vendor delivers late</strong> — fired: Prototype completed"),
      at("<h2>Milestones</h2>"),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Without a pull request: no such section, and every fired risk of the plan.
    const plain = renderHtml(report);
    expect(plain).not.toContain("Pull request #");
    expect(plain).toContain("<h2>Fired risks</h2>");
  });

  it("escapes what the pull request wrote", () => {
    const base = exampleReport(40);
    const pr = base.pullRequest;
    if (!pr) throw new Error("no pull request");
    const page = renderHtml({ ...base, pullRequest: { ...pr, title: "<b onmouseover=x>hi</b>" } });
    expect(page).not.toContain("<b onmouseover");
    expect(page).toContain("#40: &lt;b onmouseover=x&gt;hi&lt;/b&gt;");
  });

  it("marks the one day of a history that has only begun, under that day alone", () => {
    const page = renderHtml(report, { history: history(1) });
    const burnUp = page.slice(
      page.indexOf("Burn-up"),
      page.indexOf("</svg>", page.indexOf("Burn-up")),
    );
    expect(burnUp.match(/<circle /g)).toHaveLength(2);
    expect(burnUp.match(/>\d{4}-\d{2}-\d{2}</g)).toEqual([">2025-01-01<"]);
    expect(page).toContain("One day so far");
    expect(renderHtml(report, { history: history(2) })).not.toContain("<circle ");
  });

  it("keeps at most 7 date labels on the burn-up at 7 and at 400 days", () => {
    for (const n of [7, 400]) {
      const page = renderHtml(report, { history: history(n) });
      const burnUp = page.slice(page.indexOf("Burn-up"));
      const labels = burnUp.match(/>\d{4}-\d{2}-\d{2}</g) ?? [];
      expect(labels.length).toBeGreaterThanOrEqual(Math.min(n, 7));
      expect(labels.length).toBeLessThanOrEqual(7);
    }
    expect(thinned(400, 7)).toEqual([0, 67, 133, 200, 266, 333, 399]);
  });
});
