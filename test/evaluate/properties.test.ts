import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePullRequest } from "../../src/evaluate/pull-request.ts";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import { generateCase } from "../support/generate.ts";

/** Fisher–Yates driven by fast-check's random source, so failures shrink and replay. */
function shuffle<T>(items: readonly T[], rand: (max: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand(i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("evaluation properties", () => {
  const base = generateCase({ deliverables: 20, issues: 300, pullRequests: 60, milestones: 4 });

  it("does not depend on the order of issues and pull requests in the snapshot", () => {
    const expected = evaluateRepository(base);
    fc.assert(
      fc.property(fc.infiniteStream(fc.nat()), (stream) => {
        const it = stream[Symbol.iterator]();
        const rand = (max: number) => (it.next().value as number) % (max + 1);
        const snapshot = {
          ...base.snapshot,
          issues: shuffle(base.snapshot.issues, rand),
          pullRequests: shuffle(base.snapshot.pullRequests, rand),
        };
        expect(evaluateRepository({ plan: base.plan, snapshot })).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it("does not modify its inputs, and a merge projection leaves the snapshot as it was", () => {
    const before = structuredClone(base);
    const current = evaluateRepository(base);
    for (const pr of base.snapshot.pullRequests.slice(0, 10)) {
      evaluatePullRequest({ ...base, number: pr.number, planPath: ".github/plan.yml", current });
    }
    expect(base).toEqual(before);
  });
});
