/**
 * Repository paths named by criteria (their kind's `normalize`) and objective measures. People write
 * `./docs/README.md` or `/docs/README.md` as often as `docs/README.md`; GitHub (and the
 * snapshot's `files`) know only the last form, so a plan's path would silently never be
 * found. The loaded plan carries the plain form, as deliverable `paths` globs already
 * tolerate a leading `./` or `/`. What cannot name a file in the repository at all is an
 * error (see `repoPathProblem`).
 */
import { type Criterion, kindOf } from "../criteria/registry.ts";
import { normalizeRepoPath } from "../model/repo-path.ts";
import type { Plan } from "./schema.ts";

/** The plan with every criterion and measure `file` in its plain repository form. */
export function normalizePlanPaths(plan: Plan): Plan {
  return {
    ...plan,
    goals: plan.goals.map((goal) => ({
      ...goal,
      objectives: goal.objectives.map((objective) =>
        objective.measure
          ? {
              ...objective,
              measure: { ...objective.measure, file: normalizeRepoPath(objective.measure.file) },
            }
          : objective,
      ),
    })),
    deliverables: plan.deliverables.map((deliverable) => ({
      ...deliverable,
      criteria: deliverable.criteria.map((criterion) => {
        const kind = kindOf(criterion);
        // A kind's normalize returns its own kind of criterion.
        return (kind.normalize ? kind.normalize(criterion) : criterion) as Criterion;
      }),
    })),
  };
}
