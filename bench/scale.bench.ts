/**
 * Evaluation and report at the size of a big project (200,000 issues), as ratios measured in
 * one run:
 *
 * - `evaluate.plan_growth`: evaluating the repository and planning its sync with 5,000
 *   deliverables, over the same with 1,000 deliverables, both against 200,000 issues. Linear
 *   evaluation keeps the plan's share small next to the issues'. Bar ≤ 1.3.
 * - `report.vs_json_parse`: a whole `plan-align report --format json` process (the bundled
 *   CLI, as `npx plan-align` runs it) at 200,000 issues and 1,000 deliverables, over a whole
 *   Node process that only reads and `JSON.parse`s the same snapshot file. Bar ≤ 2.5.
 * - `report.rss_vs_json_parse`: the peak resident memory of the same two processes. Bar ≤ 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { snapshotSchema } from "../src/model/snapshot.ts";
import { evaluateAndPlan } from "../src/sync/plan-sync.ts";
import { generateCase } from "../test/support/generate.ts";
import { processRun, writeCli } from "./process-run.ts";
import type { Figure } from "./run.ts";

const ISSUES = 200_000;

/**
 * Median milliseconds of evaluating and planning the sync of each case. The cases are run
 * alternately, so both see the same machine load and the same heap (all cases are alive).
 */
function evaluationMs(deliverables: number[]): number[] {
  const cases = deliverables.map((d) => {
    const { plan, snapshot: generated } = generateCase({ deliverables: d, issues: ISSUES });
    return { plan, snapshot: snapshotSchema.parse(JSON.parse(JSON.stringify(generated))) };
  });
  // What every report and sync does (buildReport, syncRepository).
  const run = (c: (typeof cases)[number]) => evaluateAndPlan(c);
  for (let i = 0; i < 3; i++) for (const c of cases) run(c);
  const times = cases.map(() => [] as number[]);
  for (let i = 0; i < 7; i++) {
    cases.forEach((c, k) => {
      const start = performance.now();
      run(c);
      times[k]?.push(performance.now() - start);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[3] ?? Number.NaN);
}

function median<T>(runs: T[], key: (t: T) => number): number {
  const values = runs.map(key).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}

export default async function bench(): Promise<Figure[]> {
  const [small = Number.NaN, large = Number.NaN] = evaluationMs([1_000, 5_000]);

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
        against: `${Math.round(small)} ms for 1,000 deliverables at 200,000 issues`,
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
