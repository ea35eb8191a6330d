/**
 * One process's measurement for `evaluate.plan_growth` (bench/scale.bench.ts): the
 * milliseconds of evaluating and planning the sync of a plan of 1,000 deliverables and one of
 * 5,000, both against 200,000 issues, as JSON on stdout (`{"small":…,"large":…,"copies":…}`).
 * Usage: node --experimental-strip-types bench/plan-growth.ts
 *
 * All cases are alive in one heap and run alternately, so they see the same machine load and
 * the same collector. Three unmeasured rounds first: the steady state of an App that evaluates
 * its plan on every event.
 *
 * Each size is built twice, in the order small, large, large, small, and its time is that of
 * its faster copy (the median of its rounds). Why: where the collector happens to be while a
 * snapshot is parsed decides how its 200,000 issues lie in memory, and in some layouts every
 * pass over the issues in order takes twice as long. Two copies of one same case in one
 * process measured 36 and 76 ms for the index in one process out of three; with a
 * single-threaded collector the first one built was always the slow one. That is the
 * collector's history, not the plan's size: two copies of each, built at different moments,
 * make it unlikely that both copies of one size lie badly.
 */
import { performance } from "node:perf_hooks";
import { snapshotSchema } from "../src/model/snapshot.ts";
import { evaluateAndPlan } from "../src/sync/plan-sync.ts";
import { generateCase } from "../test/support/generate.ts";

const ISSUES = 200_000;
const WARM_UP = 3;
const ROUNDS = 11;
const SIZES = { small: 1_000, large: 5_000 } as const;
const ORDER = ["small", "large", "large", "small"] as const;

const copies = ORDER.map((size) => {
  const { plan, snapshot } = generateCase({ deliverables: SIZES[size], issues: ISSUES });
  // As a report reads it: a snapshot file parsed and checked.
  return { size, plan, snapshot: snapshotSchema.parse(JSON.parse(JSON.stringify(snapshot))) };
});
// What every report and sync does (buildReport, syncRepository).
for (let i = 0; i < WARM_UP; i++) for (const c of copies) evaluateAndPlan(c);
const times = copies.map(() => [] as number[]);
for (let i = 0; i < ROUNDS; i++) {
  copies.forEach((c, k) => {
    const start = performance.now();
    evaluateAndPlan(c);
    times[k]?.push(performance.now() - start);
  });
}
const medians = times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)] as number);
const of = (size: keyof typeof SIZES) => medians.filter((_, k) => copies[k]?.size === size);
const result = {
  small: Math.min(...of("small")),
  large: Math.min(...of("large")),
  copies: { small: of("small"), large: of("large") },
};
process.stdout.write(`${JSON.stringify(result)}\n`);
