/**
 * One process's measurement for `evaluate.plan_growth` (bench/scale.bench.ts): the median
 * milliseconds of evaluating and planning the sync of a plan of 1,000 deliverables and one of
 * 5,000, both against 200,000 issues, as JSON on stdout (`{"small":…,"large":…}`).
 * Usage: node --experimental-strip-types bench/plan-growth.ts
 *
 * Both cases are alive in one heap and run alternately, so both see the same machine load and
 * the same collector. Three unmeasured rounds first: the steady state of an App that evaluates
 * its plan on every event.
 */
import { performance } from "node:perf_hooks";
import { snapshotSchema } from "../src/model/snapshot.ts";
import { evaluateAndPlan } from "../src/sync/plan-sync.ts";
import { generateCase } from "../test/support/generate.ts";

const ISSUES = 200_000;
const WARM_UP = 3;
const ROUNDS = 11;

const cases = [1_000, 5_000].map((deliverables) => {
  const { plan, snapshot } = generateCase({ deliverables, issues: ISSUES });
  // As a report reads it: a snapshot file parsed and checked.
  return { plan, snapshot: snapshotSchema.parse(JSON.parse(JSON.stringify(snapshot))) };
});
// What every report and sync does (buildReport, syncRepository).
for (let i = 0; i < WARM_UP; i++) for (const c of cases) evaluateAndPlan(c);
const times = cases.map(() => [] as number[]);
for (let i = 0; i < ROUNDS; i++) {
  cases.forEach((c, k) => {
    const start = performance.now();
    evaluateAndPlan(c);
    times[k]?.push(performance.now() - start);
  });
}
const [small, large] = times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
process.stdout.write(`${JSON.stringify({ small, large })}\n`);
