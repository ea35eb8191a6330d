/**
 * The plan-align Probot app. Handlers only route and enqueue, so every webhook is
 * acknowledged at once; the per-repository queue coalesces bursts, runs one evaluation per
 * repository at a time and drops redelivered webhooks (same X-GitHub-Delivery id).
 */
import type { Probot } from "probot";
import type { GitHubClient, Logger } from "../github/types.ts";
import { createRepoQueue, type RepoQueue, type Timers } from "./queue.ts";
import { HANDLED_EVENTS, routeWebhook } from "./routes.ts";
import { newRunStats, type RunStats, runWork } from "./run-work.ts";
import { type AppSettings, settingsFromEnv } from "./settings.ts";
import type { SyncOutcome } from "./sync-repository.ts";
import { mergeWork, type RepoWork, repoKey } from "./work.ts";

export interface PlanAlignAppOptions {
  /** Default: from the environment (PLAN_ALIGN_COALESCE_MS, PLAN_ALIGN_PLAN_PATH, APP_ID). */
  settings?: AppSettings;
  /** Tests drive the coalescing window with a fake clock. */
  timers?: Timers;
  /** Clock for snapshots and "Achieved on" dates. */
  now?: () => Date;
  onSynced?: (outcome: SyncOutcome) => void;
}

/** What tests, the bench and a graceful shutdown need to see of a running app. */
export interface PlanAlignHandle {
  queue: RepoQueue<RepoWork> | null;
  stats: RunStats;
  /** Probot's logger, once the app is loaded (for the shutdown's messages). */
  log: Logger | null;
}

export function createPlanAlignApp(options: PlanAlignAppOptions = {}): {
  app: (app: Probot) => void;
  handle: PlanAlignHandle;
} {
  const handle: PlanAlignHandle = { queue: null, stats: newRunStats(), log: null };
  const app = (probot: Probot) => {
    const settings = options.settings ?? settingsFromEnv(process.env);
    const noPlanSeen = new Set<string>();
    const queue = createRepoQueue<RepoWork>({
      windowMs: settings.coalesceMs,
      merge: mergeWork,
      log: probot.log,
      ...(options.timers ? { timers: options.timers } : {}),
      run: (_key, work) =>
        runWork({
          work,
          noPlanSeen,
          stats: handle.stats,
          ...(settings.planPath ? { planPath: settings.planPath } : {}),
          ...(options.now ? { now: options.now } : {}),
          ...(options.onSynced ? { onSynced: options.onSynced } : {}),
        }),
    });
    handle.queue = queue;
    handle.log = probot.log;

    probot.on([...HANDLED_EVENTS], async (context) => {
      // Shutting down: answer 500 so GitHub records a failed delivery that can be redelivered,
      // rather than 200 for work that would never run.
      if (queue.closed) {
        throw new Error(
          `plan-align is shutting down; delivery ${context.id} was not queued (redeliver it from the app's advanced settings)`,
        );
      }
      const requests = routeWebhook({
        name: context.name,
        payload: context.payload,
        ...(settings.planPath ? { planPath: settings.planPath } : {}),
        ...(settings.appId !== undefined ? { appId: settings.appId } : {}),
      });
      for (const request of requests) {
        const { event, ...rest } = request;
        const work: RepoWork = {
          ...rest,
          client: context.octokit as unknown as GitHubClient,
          log: context.log,
          events: [event],
        };
        const key = repoKey(work);
        // Per repository: one installation delivery can name several repositories.
        queue.enqueue({ key, work, deliveryId: `${context.id}:${key}` });
      }
    });
  };
  return { app, handle };
}

/** For `probot run` and `run()`: the app configured from the environment. */
export default createPlanAlignApp().app;
