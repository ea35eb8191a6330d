/**
 * The dashboard and the check run as GitHub shows them: their Markdown through a GFM
 * renderer (marked) and every Mermaid block through Mermaid, in headless Chromium, with no
 * network. A chart Mermaid cannot draw (a parse error, or its "Syntax error" picture) fails
 * the test; so does the HTML page or the badge needing the network. One browser for the
 * file; `UPDATE_SCREENSHOTS=1` saves the screenshots the docs show to docs/images/.
 * Without Chromium the test is skipped on a developer machine and fails under CI.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { marked } from "marked";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryEntry } from "../../src/model/names/history.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { renderHtml } from "../../src/render/html.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderSvgBadge } from "../../src/render/svg-badge.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { historyWithToday } from "../../src/sync/progress.ts";
import { requireChromium, skipWithoutChromium } from "../support/chromium.ts";
import { EXAMPLE_PLAN, examplePlanText, exampleSnapshot, ROOT } from "./support.ts";

const MERMAID = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");
const IMAGES = join(ROOT, "docs/images");

let browser: Browser | undefined;

/** A screenshot: saved for the docs with UPDATE_SCREENSHOTS=1, else only taken (it must not be empty). */
async function screenshot(page: Page, name: string): Promise<void> {
  const path = process.env.UPDATE_SCREENSHOTS === "1" ? join(IMAGES, name) : undefined;
  const png = await page.screenshot({ ...(path ? { path } : {}), fullPage: true });
  expect(png.length).toBeGreaterThan(10_000);
}

/** Six weeks of history: scope grows from 7 to 9 criteria, 0 to 3 met. */
function history(): HistoryEntry[] {
  const start = Date.UTC(2026, 1, 13) / 86_400_000;
  return Array.from({ length: 42 }, (_, i) => ({
    date: new Date((start + i) * 86_400_000).toISOString().slice(0, 10),
    met: Math.floor(i / 14),
    total: i < 10 ? 7 : i < 30 ? 8 : 9,
  }));
}

function dashboardMarkdown(): string {
  const planText = examplePlanText();
  const loaded = loadPlan({ text: planText, path: EXAMPLE_PLAN });
  const before = history();
  const report = buildReport({
    planText,
    planPath: EXAMPLE_PLAN,
    snapshot: exampleSnapshot(),
    loaded,
    history: before,
  });
  return renderDashboard({ report, plan: loaded.plan, history: historyWithToday(before, report) });
}

function checkRunMarkdown(): string {
  const snapshot = exampleSnapshot();
  const pr = snapshot.pullRequests.find((p) => p.number === 40);
  if (pr) Object.assign(pr, { headChecks: { test: "failure", lint: "success" } });
  return renderMarkdown(
    buildReport({ planText: examplePlanText(), planPath: EXAMPLE_PLAN, snapshot, pr: 40 }),
  );
}

/** GFM to HTML, each ```mermaid block drawn by Mermaid; the problems found, if any. */
async function show(page: Page, markdown: string): Promise<string[]> {
  const html = await marked.parse(markdown, { gfm: true });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>
      body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 980px; margin: 24px auto; font-size: 14px; color: #1f2328; }
      table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 4px 10px; }
      pre { background: #f6f8fa; padding: 8px; overflow: auto; }
    </style></head><body>${html}</body></html>`,
  );
  await page.addScriptTag({ path: MERMAID });
  return page.evaluate(async () => {
    // In the page: its DOM and Mermaid, typed here as far as used (no DOM lib in this project).
    interface El {
      textContent: string | null;
      innerHTML: string;
      parentElement: { replaceWith(e: El): void } | null;
    }
    const { mermaid, document } = globalThis as unknown as {
      mermaid: {
        initialize(c: object): void;
        render(id: string, text: string): Promise<{ svg: string }>;
      };
      document: { querySelectorAll(s: string): Iterable<El>; createElement(t: string): El };
    };
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    const problems: string[] = [];
    const blocks = [...document.querySelectorAll("pre > code.language-mermaid")];
    if (blocks.length === 0) problems.push("no mermaid block");
    let n = 0;
    for (const block of blocks) {
      const text = block.textContent ?? "";
      try {
        const { svg } = await mermaid.render(`chart${++n}`, text);
        if (/Syntax error in text/i.test(svg) || svg.includes('aria-roledescription="error"')) {
          problems.push(`chart ${n} drew Mermaid's error picture:\n${text}`);
        }
        const div = document.createElement("div");
        div.innerHTML = svg;
        block.parentElement?.replaceWith(div);
      } catch (error) {
        problems.push(`chart ${n} does not render: ${String(error)}\n${text}`);
      }
    }
    return problems;
  });
}

describe.skipIf(skipWithoutChromium())("Markdown and Mermaid as GitHub renders them", () => {
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: requireChromium() });
    page = await browser.newPage({ viewport: { width: 1040, height: 900 } });
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("draws the dashboard's burn-up and gantt", async () => {
    const markdown = dashboardMarkdown();
    expect(markdown).toContain("xychart-beta");
    expect(await show(page, markdown)).toEqual([]);
    expect(await page.locator("svg").count()).toBeGreaterThanOrEqual(2);
    await page.locator("h2", { hasText: "Milestones" }).first().scrollIntoViewIfNeeded();
    await screenshot(page, "dashboard-burn-up.png");
    expect(requests).toEqual([]);
  });

  it("draws every golden dashboard's charts (0, 1, 14 and 400 days of history)", async () => {
    const dir = join(ROOT, "test/render/golden");
    const files = readdirSync(dir).filter((f) => f.startsWith("dashboard-history-"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const problems = await show(page, readFileSync(join(dir, file), "utf8"));
      expect({ file, problems }).toEqual({ file, problems: [] });
    }
    expect(requests).toEqual([]);
  }, 120_000);

  it("renders the check run with what merging changes", async () => {
    const markdown = checkRunMarkdown();
    const html = await marked.parse(markdown, { gfm: true });
    expect(html).toContain("<h3>What merging changes</h3>");
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 980px; margin: 24px auto; font-size: 14px; color: #1f2328; }
      table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 4px 10px; }
    </style></head><body>${html}</body></html>`);
    await screenshot(page, "check-run-merge-changes.png");
    expect(requests).toEqual([]);
  });

  it("shows the HTML page (timeline, burn-up) and the badge, text inside its boxes, offline", async () => {
    const before = history();
    const report = buildReport({
      planText: examplePlanText(),
      planPath: EXAMPLE_PLAN,
      snapshot: exampleSnapshot(),
      history: before,
    });
    // A page of its own: the HTML page's Content-Security-Policy stays with the document.
    const page = await (browser as Browser).newPage({ viewport: { width: 1040, height: 900 } });
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(renderHtml(report, { history: historyWithToday(before, report) }));
    const charts = page.locator("svg");
    expect(await charts.count()).toBe(2);
    for (const chart of await charts.all()) {
      expect((await chart.boundingBox())?.width ?? 0).toBeGreaterThan(400);
    }
    expect(await page.locator("svg path").count()).toBe(
      report.milestones.filter((m) => m.due).length,
    );
    await page.setContent(`<!doctype html><body>${renderSvgBadge(report)}</body>`);
    expect((await page.locator("svg").boundingBox())?.height).toBe(20);
    // Each text of the badge fits in its coloured box (the widths are estimated, not measured).
    const overflow = await page.evaluate(() => {
      interface SvgText {
        getComputedTextLength(): number;
      }
      const { document } = globalThis as unknown as {
        document: {
          querySelectorAll(s: string): Iterable<SvgText & { getAttribute(n: string): string }>;
        };
      };
      const rects = [...document.querySelectorAll("g rect")].slice(0, 2);
      const texts = [...document.querySelectorAll("text")];
      return texts.map(
        (t, i) => t.getComputedTextLength() - Number(rects[i]?.getAttribute("width")),
      );
    });
    expect(overflow.every((o) => o < 0)).toBe(true);
    await page.close();
    expect(requests).toEqual([]);
  });

  it("fails on a chart Mermaid cannot draw", async () => {
    const problems = await show(page, "```mermaid\nxychart-beta\n  line [1, oops]\n```\n");
    expect(problems).toHaveLength(1);
  });
});
