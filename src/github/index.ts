/**
 * The GitHub port (docs/github-port.md): everything that talks to GitHub. Front ends import from here
 * (or from the files directly). What each function sends: docs/github-port.md.
 */

export { dueOnTimestamp } from "../model/names/due-on.ts";
export { REVIEW_LABEL } from "../model/names/labels.ts";
export { planNeeds } from "../plan/needs.ts";
export { applyActions } from "./apply-actions.ts";
export { toAnnotation, truncateBytes, updateCheckRun, writeCheckRun } from "./check-run.ts";
export { API_VERSION, createClient, silentLogger } from "./client.ts";
export {
  evaluateLoadedPlan,
  evaluateOnGitHub,
  type GitHubEvaluation,
  type LoadedPlanFile,
  readPlanOnGitHub,
} from "./evaluate-on-github.ts";
export { loadSnapshot } from "./load-snapshot.ts";
export { readFileAt, readPlanFile } from "./read-plan.ts";
export type * from "./types.ts";
export { CheckRunForbiddenError } from "./types.ts";
