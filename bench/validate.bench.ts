/**
 * Validating plans of the worst shapes the size limit admits, as ratios measured in one run:
 *
 * - `validate.worst_vs_lexer`: the slowest `loadPlan` among the shapes below, over the time
 *   the `yaml` Lexer takes to read the same file's tokens (the least any reading costs).
 *   Bar: ≤ 10. Shapes: a 1 MiB one-line list (524,000 items: 15 s and 670 MB before the
 *   token budget), a 1 MiB block list, 1 MiB of `a: b: c` lines (YAML errors), 1 MiB of
 *   copied deliverables (80,000 findings), `[a: b: c, …]` (quadratic in the `yaml` package),
 *   and each just under the budget, where the document is built and validated in full.
 * - `validate.peak_rss`: the process's peak resident memory after all of them, in MB.
 *   Bar: < 500.
 */
import { performance } from "node:perf_hooks";
import { Lexer } from "yaml";
import { loadPlan } from "../src/plan/load.ts";
import { MAX_FLOW_ENTRIES, MAX_YAML_TOKENS } from "../src/plan/yaml-budget.ts";
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
];

function bestMs(fn: () => unknown, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function lex(text: string): number {
  let n = 0;
  for (const _ of new Lexer().lex(text)) n++;
  return n;
}

export default async function bench(): Promise<Figure[]> {
  let worst = 0;
  let worstName = "";
  for (const [name, text] of SHAPES) {
    const lexMs = bestMs(() => lex(text), 3);
    const loadMs = bestMs(() => loadPlan({ text, path: "plan.yml" }), 3);
    if (loadMs / lexMs > worst) {
      worst = loadMs / lexMs;
      worstName = `${name}: ${Math.round(loadMs)} ms, lexer ${Math.round(lexMs)} ms`;
    }
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return [
    {
      name: "validate.worst_vs_lexer",
      value: worst,
      unit: "×",
      against: `the yaml Lexer on the same file; worst: ${worstName}`,
      ratio: worst,
    },
    {
      name: "validate.peak_rss",
      value: peakMb,
      unit: "MB",
      against: "peak resident memory of the bench process after every shape (bar < 500)",
      ratio: null,
    },
  ];
}
