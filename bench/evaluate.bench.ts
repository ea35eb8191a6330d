/**
 * Evaluation cost, as ratios measured in one run (these machines are noisy):
 *
 * - `evaluate.vs_json_parse`: evaluating 1,000 deliverables against a 20,000-issue snapshot,
 *   against JSON.parse of that snapshot's text. Target: below 1 — evaluating costs less
 *   than reading the snapshot at all. The snapshot evaluated is the one parsed from the
 *   text (as the CLI and Action get it), not the generator's objects.
 * - `evaluate.scaling`: time per issue at 20,000 issues against time per issue at 2,000,
 *   with the rest of the case (deliverables, pull requests, milestones) scaled alike.
 *   About 1 when evaluation is linear; 10 would mean quadratic.
 * - `evaluate.pull_request`: one pull request's alignment (which evaluates the projected
 *   merge), against one repository evaluation of the same snapshot. About 1 expected.
 * - `evaluate.cold`: the very first evaluation in the process (code not yet optimised by
 *   the JIT, as in a one-shot CLI or Action run), against the same JSON.parse.
 *
 * The first three are steady-state figures: each function runs WARM_UP times before it is
 * measured, because V8 needs about ten runs of a 20,000-issue evaluation before it has
 * optimised the loops, while JSON.parse is native code from the start. The App evaluates
 * repeatedly in one long-running process, so steady state is what it pays.
 */
import { performance } from "node:perf_hooks";
import { evaluatePullRequest } from "../src/evaluate/pull-request.ts";
import { evaluateRepository } from "../src/evaluate/repository.ts";
import { snapshotSchema } from "../src/model/snapshot.ts";
import { generateCase } from "../test/support/generate.ts";
import type { Figure } from "./run.ts";
import { medianMs } from "./timing.ts";

function prepare(deliverables: number, issues: number) {
  const { plan, snapshot } = generateCase({ deliverables, issues });
  const text = JSON.stringify(snapshot);
  return { plan, text, snapshot: snapshotSchema.parse(JSON.parse(text)) };
}

const WARM_UP = 15;

/** Median after WARM_UP unmeasured runs (medianMs itself adds one more). */
function steadyMs(fn: () => unknown, runs: number): number {
  for (let i = 0; i < WARM_UP; i++) fn();
  return medianMs(fn, runs);
}

export default async function bench(): Promise<Figure[]> {
  const large = prepare(1_000, 20_000);
  const small = prepare(100, 2_000);

  const coldStart = performance.now();
  evaluateRepository({ plan: large.plan, snapshot: large.snapshot });
  const coldMs = performance.now() - coldStart;

  // Order matters: JSON.parse leaves megabytes of young garbage whose collection would be
  // billed to whatever runs next, so the evaluations are measured first.
  const smallMs = steadyMs(
    () => evaluateRepository({ plan: small.plan, snapshot: small.snapshot }),
    31,
  );
  const evalMs = steadyMs(
    () => evaluateRepository({ plan: large.plan, snapshot: large.snapshot }),
    9,
  );
  const current = evaluateRepository({ plan: large.plan, snapshot: large.snapshot });
  const pr = large.snapshot.pullRequests.find((p) => !p.merged && p.closingIssues.length > 0);
  const prMs = pr
    ? steadyMs(
        () =>
          evaluatePullRequest({
            plan: large.plan,
            snapshot: large.snapshot,
            number: pr.number,
            planPath: ".github/plan.yml",
            current,
          }),
        9,
      )
    : Number.NaN;

  const parseMs = steadyMs(() => JSON.parse(large.text), 9);

  const perIssueLarge = (evalMs / 20_000) * 1000;
  const perIssueSmall = (smallMs / 2_000) * 1000;
  return [
    {
      name: "evaluate.vs_json_parse",
      value: evalMs,
      unit: "ms",
      against: "JSON.parse of the snapshot",
      ratio: evalMs / parseMs,
    },
    {
      name: "evaluate.scaling",
      value: perIssueLarge,
      unit: "µs/issue at 20,000 issues",
      against: "time per issue at 2,000 issues",
      ratio: perIssueLarge / perIssueSmall,
    },
    {
      name: "evaluate.pull_request",
      value: prMs,
      unit: "ms",
      against: "evaluateRepository of the same snapshot",
      ratio: prMs / evalMs,
    },
    {
      name: "evaluate.cold",
      value: coldMs,
      unit: "ms",
      against: "JSON.parse of the snapshot",
      ratio: coldMs / parseMs,
    },
  ];
}
