/**
 * One shape of the validate bench, in a process of its own: the best `loadPlan` time, the
 * best `yaml` Lexer time over the same file, and the best time of the `yaml` package building
 * the document alone, as JSON on stdout. Usage: node --experimental-strip-types
 * bench/validate-shape.ts FILE
 *
 * Each is run twice first, unmeasured: the steady state a long-running App pays (the first
 * runs of the parser's code are interpreted, the Lexer's few lines are compiled at once).
 * Then the three are run in turn, five rounds, so a slow spell of the machine falls on all of
 * them alike.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Lexer, parseAllDocuments } from "yaml";
import { loadPlan } from "../src/plan/load.ts";

const WARM_UP = 2;
const ROUNDS = 5;

const text = readFileSync(process.argv[2] ?? "", "utf8");
const runs = {
  lexMs: () => {
    for (const _ of new Lexer().lex(text));
  },
  loadMs: () => loadPlan({ text, path: "plan.yml" }),
  // What the `yaml` package alone takes to build the document (keys unchecked), for comparison.
  yamlMs: () => parseAllDocuments(text, { uniqueKeys: false }),
};
const best = {
  lexMs: Number.POSITIVE_INFINITY,
  loadMs: Number.POSITIVE_INFINITY,
  yamlMs: Number.POSITIVE_INFINITY,
};
for (const run of Object.values(runs)) for (let i = 0; i < WARM_UP; i++) run();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(runs) as [keyof typeof runs, () => unknown][]) {
    const start = performance.now();
    run();
    best[name] = Math.min(best[name], performance.now() - start);
  }
}
process.stdout.write(`${JSON.stringify(best)}\n`);
