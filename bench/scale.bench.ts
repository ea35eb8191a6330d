/**
 * Evaluation and report at the size of a big project (200,000 issues), as ratios measured in
 * one run:
 *
 * - `evaluate.plan_growth`: evaluating the repository and planning its sync with 5,000
 *   deliverables, over the same with 1,000 deliverables, both against 200,000 issues. Linear
 *   evaluation keeps the plan's share small next to the issues'. Bar ≤ 1.3.
 *   Measured in three processes of their own (bench/plan-growth.ts), each giving a ratio; the
 *   figure is the median one. Each process builds every size twice, at different moments, and
 *   counts the faster copy: where the collector happens to be while a snapshot is parsed
 *   decides how its 200,000 issues lie in memory, and in some layouts every pass over them in
 *   order takes twice as long, whatever the plan's size.
 * - `report.vs_json_parse`: a whole `plan-align report --format json` process (the bundled
 *   CLI, as `npx plan-align` runs it) at 200,000 issues and 1,000 deliverables, over a whole
 *   Node process that only reads and `JSON.parse`s the same snapshot file. Bar ≤ 2.5.
 * - `report.rss_vs_json_parse`: the peak resident memory of the same two processes. Bar ≤ 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { generateCase } from "../test/support/generate.ts";
import { processRun, writeCli } from "./process-run.ts";
import type { Figure } from "./run.ts";

const ISSUES = 200_000;
const GROWTH = join(dirname(fileURLToPath(import.meta.url)), "plan-growth.ts");
const GROWTH_PROCESSES = 3;

/** Each process's median times (ms) of the 1,000 and 5,000 deliverable cases. */
function growthRuns(): { small: number; large: number }[] {
  return Array.from({ length: GROWTH_PROCESSES }, () => {
    const { stdout } = processRun(["--experimental-strip-types", "--no-warnings", GROWTH]);
    return JSON.parse(stdout) as { small: number; large: number };
  });
}

function median<T>(runs: T[], key: (t: T) => number): number {
  const values = runs.map(key).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}

export default async function bench(): Promise<Figure[]> {
  const growth = growthRuns().sort((a, b) => a.large / a.small - b.large / b.small);
  const { small, large } = growth[Math.floor(growth.length / 2)] ?? { small: NaN, large: NaN };
  const ratios = growth.map((g) => (g.large / g.small).toFixed(2)).join(", ");

  const dir = mkdtempSync(join(tmpdir(), "plan-align-scale-"));
  try {
    const { plan, snapshot } = generateCase({ deliverables: 1_000, issues: ISSUES });
    const planFile = join(dir, "plan.yml");
    const snapshotFile = join(dir, "snapshot.json");
    writeFileSync(planFile, stringify(plan));
    writeFileSync(snapshotFile, JSON.stringify(snapshot));
    const cliFile = await writeCli(dir);

    const report = () =>
      processRun([
        cliFile,
        "report",
        "--plan",
        planFile,
        "--snapshot",
        snapshotFile,
        "--format",
        "json",
      ]);
    const parse = () =>
      processRun([
        "-e",
        `JSON.parse(require("node:fs").readFileSync(${JSON.stringify(snapshotFile)}, "utf8"))`,
      ]);
    const reports: ReturnType<typeof processRun>[] = [];
    const parses: ReturnType<typeof processRun>[] = [];
    // Alternated, so both see the same machine load.
    for (let i = 0; i < 5; i++) {
      reports.push(report());
      parses.push(parse());
    }
    const reportMs = median(reports, (r) => r.ms);
    const parseMs = median(parses, (r) => r.ms);
    const reportRss = median(reports, (r) => r.rssKiB);
    const parseRss = median(parses, (r) => r.rssKiB);
    return [
      {
        name: "evaluate.plan_growth",
        value: large,
        unit: "ms for 5,000 deliverables at 200,000 issues",
        against: `${Math.round(small)} ms for 1,000 deliverables at 200,000 issues (median of the ratios of ${GROWTH_PROCESSES} processes, each the faster of two copies of each size: ${ratios})`,
        ratio: large / small,
      },
      {
        name: "report.vs_json_parse",
        value: reportMs,
        unit: "ms, whole `plan-align report --format json` process, 200,000 issues, 1,000 deliverables",
        against: `${Math.round(parseMs)} ms, a whole process that only JSON.parses the snapshot`,
        ratio: reportMs / parseMs,
      },
      {
        name: "report.rss_vs_json_parse",
        value: reportRss / 1024,
        unit: "MiB peak RSS of that report process",
        against: `${Math.round(parseRss / 1024)} MiB peak RSS of the JSON.parse process`,
        ratio: reportRss / parseRss,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
