/**
 * Default locations of the plan file, in the order they are looked for. Apart from the
 * schema so that reading the plan from GitHub (the Action's first request) needs no zod.
 */
export const DEFAULT_PLAN_PATHS = [".github/plan.yml", ".github/plan.yaml"] as const;
