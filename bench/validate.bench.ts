/**
 * Validating plans of the worst shapes the size limit admits, as ratios measured in one run:
 *
 * Each shape is measured in processes of its own, as `plan-align validate` reads one plan: a
 * process that has just read other plans of 1 MiB spends its time collecting their garbage
 * (V8 keeps the pages it grew), which says more about the collector than about the shape.
 *
 * - `validate.worst_vs_lexer`: the slowest `loadPlan` among the shapes below, over the time
 *   the `yaml` Lexer takes to read the same file's tokens (the least any reading costs), the
 *   best of five of each, run in turn after two unmeasured runs (bench/validate-shape.ts).
 *   Bar: ≤ 10. Shapes: a 1 MiB one-line list (524,000 items: 15 s and 670 MB before the
 *   token budget), a 1 MiB block list, 1 MiB of `a: b: c` lines (YAML errors), 1 MiB of
 *   copied deliverables (80,000 findings), `[a: b: c, …]` (quadratic in the `yaml` package),
 *   and each just under the budget, where the document is built and validated in full; and
 *   the shapes that once cost our own rules quadratic time: a map of 33,000 keys (11 s: the
 *   `yaml` package's duplicate check and a scan per unknown key), 3,000 misspelt ids against
 *   3,000 deliverables (62 s of "did you mean"), 200 milestones requiring one another (tens of
 *   thousands of cycles), and risks naming unknown milestones.
 * - `validate.peak_rss`: the peak resident memory, in MB, of a whole `plan-align validate`
 *   process (the bundled CLI, as `npx plan-align` and the Action run it) on the worst of the
 *   shapes; the median of three runs per shape. Bar: < 500.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_FLOW_ENTRIES, MAX_YAML_TOKENS } from "../src/plan/yaml-budget.ts";
import { processRun, writeCli } from "./process-run.ts";
import type { Figure } from "./run.ts";

const MiB = 1024 * 1024 - 64;
const fill = (head: string, unit: string, size = MiB) =>
  head + unit.repeat(Math.floor((size - head.length) / unit.length));
/** Rows of flow lists just under the entry cap, up to about `tokens` tokens. */
const flowRows = (unit: string, tokensPerEntry: number, tokens: number) => {
  const rows = Math.floor(tokens / (MAX_FLOW_ENTRIES * tokensPerEntry));
  const row = (i: number) => `x${i}: [${unit.repeat(MAX_FLOW_ENTRIES - 2)}1]\n`;
  return `version: 1\n${Array.from({ length: rows }, (_, i) => row(i)).join("")}`;
};
const under = Math.floor(MAX_YAML_TOKENS * 0.95);
const range = (n: number, line: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => line(i)).join("");

const SHAPES: [name: string, text: string][] = [
  ["1 MiB one-line list", `${fill("version: 1\nx: [", "1,")}1]\n`],
  ["1 MiB block list", fill("version: 1\nx:\n", "- 1\n")],
  ["1 MiB of a: b: c lines", fill("version: 1\n", "a: b: c\n")],
  [
    "1 MiB of copied deliverables",
    fill("version: 1\ndeliverables:\n", "  - {id: d, title: t, criteria: [{issues: closed}]}\n"),
  ],
  ["[a: b: c, …] 180 KB", `${fill("version: 1\nx: [", "a: b: c, ", 180_000)}a]\n`],
  ["block list under the budget", `version: 1\nx:\n${"- 1\n".repeat(Math.floor(under / 2))}`],
  ["one-line lists under the budget", flowRows("1,", 2, under)],
  ["[a: b: c, …] lists under the budget", flowRows("a: b: c, ", 6, under)],
  [
    "copied deliverables under the budget",
    `version: 1\ndeliverables:\n${"  - {id: d, title: t, criteria: [{issues: closed}]}\n".repeat(Math.floor(under / 19))}`,
  ],
  ["a: b: c lines under the budget", `version: 1\n${"a: b: c\n".repeat(Math.floor(under / 5))}`],
  [
    "a map of keys under the budget",
    `version: 1\n${range(Math.floor(under / 3), (i) => `k${i}: 1\n`)}`,
  ],
  [
    "3,000 misspelt ids, 3,000 deliverables",
    `version: 1\nmilestones:\n  - id: m\n    title: M\n    deliverables:\n${range(3000, (i) => `      - deliverable-numbr-${i}x\n`)}deliverables:\n${range(3000, (i) => `  - id: deliverable-number-${i}\n    title: D${i}\n    criteria: [{issues: closed}]\n`)}`,
  ],
  [
    "200 milestones requiring one another",
    `version: 1\nmilestones:\n${range(200, (i) => `  - {id: m${i}, title: M${i}, deliverables: [d${i}], requires: [${range(200, (j) => (j === i ? "" : `m${j}, `))}m0]}\n`)}deliverables:\n${range(200, (i) => `  - {id: d${i}, title: D${i}, criteria: [{issues: closed}]}\n`)}`,
  ],
  [
    "risks naming 30,000 unknown milestones",
    `version: 1\nmilestones:\n${range(300, (i) => `  - {id: m${i}, title: M${i}, deliverables: [d${i}]}\n`)}deliverables:\n${range(300, (i) => `  - {id: d${i}, title: D, criteria: [{issues: closed}]}\n`)}risks:\n${range(300, (i) => `  - id: r${i}\n    title: R${i}\n    contingency: c\n    threatens: [${range(100, (j) => `m${(i + j) % 300}x, `)}m0]\n`)}`,
  ],
];

interface ShapeFigures {
  name: string;
  lexMs: number;
  loadMs: number;
  /** The `yaml` package's `parseAllDocuments` alone on the same file. */
  yamlMs: number;
  /** Peak RSS of `plan-align validate` on it, MB (median of three runs). */
  peakMb: number;
}

/** Each shape measured in processes of its own (see the comment at the top). */
async function measureShapes(): Promise<ShapeFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), "plan-align-validate-"));
  const timer = join(dirname(fileURLToPath(import.meta.url)), "validate-shape.ts");
  try {
    const cli = await writeCli(dir);
    return SHAPES.map(([name, text], i) => {
      const file = join(dir, `plan-${i}.yml`);
      writeFileSync(file, text);
      const { stdout } = processRun(["--experimental-strip-types", "--no-warnings", timer, file]);
      const { lexMs, loadMs, yamlMs } = JSON.parse(stdout) as Omit<ShapeFigures, "name" | "peakMb">;
      if (process.env.BENCH_DEBUG)
        console.error(
          name,
          Math.round(loadMs),
          Math.round(yamlMs),
          Math.round(lexMs),
          (loadMs / lexMs).toFixed(1),
          (yamlMs / lexMs).toFixed(1),
        );
      // Exit 1: every shape is an invalid plan.
      const runs = [0, 1, 2].map(() => processRun([cli, "validate", "--plan", file], 1).rssKiB);
      runs.sort((a, b) => a - b);
      return { name, lexMs, loadMs, yamlMs, peakMb: (runs[1] ?? Number.NaN) / 1024 };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<Figure[]> {
  const shapes = await measureShapes();
  const slowest = shapes.reduce((a, b) => (b.loadMs / b.lexMs > a.loadMs / a.lexMs ? b : a));
  const heaviest = shapes.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
  const worst = slowest.loadMs / slowest.lexMs;
  return [
    {
      name: "validate.worst_vs_lexer",
      value: worst,
      unit: "×",
      against: `the yaml Lexer on the same file; worst: ${slowest.name}: ${Math.round(slowest.loadMs)} ms, lexer ${Math.round(slowest.lexMs)} ms, the yaml package's document alone ${Math.round(slowest.yamlMs)} ms`,
      ratio: worst,
    },
    {
      name: "validate.peak_rss",
      value: heaviest.peakMb,
      unit: "MB",
      against: `peak resident memory of \`plan-align validate\` on the heaviest shape (${heaviest.name}); bar < 500`,
      ratio: null,
    },
  ];
}
