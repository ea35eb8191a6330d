/**
 * The GitHub port's functions. Signatures are the contract the front ends build on;
 * implementations live in the files named beside each.
 */
export type * from "./types.ts";
export { CheckRunForbiddenError } from "./types.ts";
// createClient          — client.ts:   (params: { token: string; baseUrl?: string; log: Logger; retries?: number; throttle?: boolean; fetch?: typeof fetch }) => GitHubClient
// readPlanFile          — read-plan.ts: (params: RepoRef & { client; ref?: string; path?: string }) => Promise<PlanFile | null>   (tries DEFAULT_PLAN_PATHS when path is absent)
// loadSnapshot          — load-snapshot.ts: (params: LoadSnapshotParams) => Promise<Snapshot>
// applyActions          — apply-actions.ts: (params: RepoRef & { client; actions: SyncAction[]; log; reportUrl?: string }) => Promise<ActionResult[]>
// writeCheckRun         — check-run.ts: (params: CheckRunParams) => Promise<{ id: number; url: string }>   throws CheckRunForbiddenError on 403
