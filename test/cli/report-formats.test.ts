/** `report --history FILE` and the shareable formats (html, svg-badge), through the CLI. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

const ROOT = join(import.meta.dirname, "../..");
const BASE = [
  "report",
  "--plan",
  "examples/canteen/plan.yml",
  "--snapshot",
  "examples/canteen/snapshot.json",
];

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env: {},
    cwd: ROOT,
  });
  return { code, out, err };
}

function historyFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "plan-align-history-")), "history.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("plan-align report --history", () => {
  it("without history the JSON report's forecast is null and milestones carry no forecastLate", async () => {
    const { code, out } = await run([...BASE, "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.forecast).toBeNull();
    expect(report.milestones.every((m: object) => !("forecastLate" in m))).toBe(true);
  });

  it("a slow pace forecasts late: the date, the pace, and milestones due before it", async () => {
    // The example is evaluated on 2026-03-27 with 4 of 9 criteria met; 0 → 3 over February.
    const history = Array.from({ length: 28 }, (_, i) => ({
      date: `2026-02-${String(i + 1).padStart(2, "0")}`,
      met: Math.floor(i / 9),
      total: 9,
    }));
    const { code, out } = await run([
      ...BASE,
      "--history",
      historyFile(history),
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.forecast.date).toMatch(/^2026-(0[5-9]|1[0-2])-\d\d$/);
    expect(report.forecast.pacePerWeek).toBeGreaterThan(0);
    const late = report.milestones.filter((m: { forecastLate: boolean }) => m.forecastLate);
    expect(late.map((m: { id: string }) => m.id)).toEqual(["survey-done", "prototype-done"]);
  });

  it("an unreadable history file is an I/O error saying what it should hold (exit 2)", async () => {
    const { code, err } = await run([...BASE, "--history", historyFile("{oops")]);
    expect(code).toBe(2);
    expect(err).toContain('is not a JSON array of {"date": "YYYY-MM-DD", "met": N, "total": N}');
  });
});

describe("plan-align report --format html | svg-badge", () => {
  it("prints a whole HTML page and an SVG badge", async () => {
    const html = await run([...BASE, "--format", "html"]);
    expect(html.code).toBe(0);
    expect(html.out.startsWith("<!doctype html>")).toBe(true);
    const badge = await run([...BASE, "--format", "svg-badge"]);
    expect(badge.code).toBe(0);
    expect(badge.out).toContain("1/3 milestones · overdue");
  });

  it("names every format in the usage error", async () => {
    const { code, err } = await run([...BASE, "--format", "pdf"]);
    expect(code).toBe(2);
    expect(err).toContain("--format takes markdown, json, text, html or svg-badge");
  });
});
