/**
 * The plan-align Probot app. Handlers only route and enqueue, so every webhook is
 * acknowledged at once. The work waits in one of two queues:
 * - embedded (default): this process's per-repository queue (src/app/queue.ts) — bursts
 *   coalesced, one evaluation per repository at a time, PLAN_ALIGN_CONCURRENCY at once;
 * - Redis (REDIS_URL): BullMQ jobs shared by every process (src/app/redis-work.ts).
 * Both evaluate every installed repository at start-up and every PLAN_ALIGN_RECONCILE_SECONDS.
 */
import type { Probot } from "probot";
import type { GitHubClient, Logger } from "../github/types.ts";
import { createRepoQueue, type RepoQueue, type Timers } from "./queue.ts";
import { reconcileInstallations, scheduleReconcile } from "./reconcile.ts";
import { deliveryJobId, type RedisWork, startRedisWork } from "./redis-work.ts";
import { HANDLED_EVENTS, PayloadShapeError, routeWebhook, type WorkRequest } from "./routes.ts";
import { newRunStats, type RunStats, runWork } from "./run-work.ts";
import { type AppSettings, DEFAULT_SETTINGS, settingsFromEnv } from "./settings.ts";
import type { SyncOutcome } from "./sync-repository.ts";
import { visibleLog } from "./visible-log.ts";
import { mergeWork, type RepoJobData, type RepoWork, repoKey } from "./work.ts";

export interface PlanAlignAppOptions {
  /**
   * Default: from the environment (PLAN_ALIGN_*, REDIS_URL, APP_ID). Given here, what is
   * missing takes its default, except the reconcile, which is off unless set.
   */
  settings?: Partial<AppSettings>;
  /** Tests drive the coalescing window with a fake clock. */
  timers?: Timers;
  /** Clock for snapshots and "Achieved on" dates. */
  now?: () => Date;
  onSynced?: (outcome: SyncOutcome) => void;
}

/** What tests, the bench and a graceful shutdown need to see of a running app. */
export interface PlanAlignHandle {
  /** The embedded queue (null in Redis mode). */
  queue: RepoQueue<RepoWork> | null;
  /** The Redis queue (REDIS_URL), once connected. */
  redis: RedisWork | null;
  /** Resolves once the app is ready to take webhooks (connected to Redis in Redis mode). */
  ready: Promise<void>;
  stats: RunStats;
  /** Probot's logger, once the app is loaded (for the shutdown's messages). */
  log: Logger | null;
  /** Waits until nothing is queued or running. */
  idle(): Promise<void>;
  /** Graceful shutdown of whichever queue runs. */
  drain(params: { timeoutMs: number }): Promise<{ drained: boolean; pending: number }>;
}

/** An error the webhook middleware answers with this status and only this message. */
function answer(status: number, message: string): Error {
  return Object.assign(new Error(message), { status });
}

export function createPlanAlignApp(options: PlanAlignAppOptions = {}): {
  app: (app: Probot) => void;
  handle: PlanAlignHandle;
} {
  let markReady: () => void = () => {};
  let markFailed: (error: Error) => void = () => {};
  const handle: PlanAlignHandle = {
    queue: null,
    redis: null,
    ready: new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    }),
    stats: newRunStats(),
    log: null,
    idle: async () => {
      await handle.ready;
      await (handle.redis ?? handle.queue)?.idle();
    },
    drain: async (params) => {
      const queue = handle.redis ?? handle.queue;
      return queue ? queue.drain(params) : { drained: true, pending: 0 };
    },
  };
  // Awaited by whoever serves the app; never an unhandled rejection when nobody does.
  handle.ready.catch(() => {});
  const app = (probot: Probot) => {
    const settings: AppSettings = options.settings
      ? { ...DEFAULT_SETTINGS, reconcileSeconds: 0, ...options.settings }
      : settingsFromEnv(process.env);
    const noPlanSeen = new Set<string>();
    // Every line of ours goes through this: it carries plan and pull-request text.
    const log = visibleLog(probot.log);
    handle.log = log;
    const run = (work: RepoWork) =>
      runWork({
        work,
        noPlanSeen,
        stats: handle.stats,
        ...(settings.planPath ? { planPath: settings.planPath } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.onSynced ? { onSynced: options.onSynced } : {}),
      });
    const installationClient = async (id: number) =>
      (await probot.auth(id)) as unknown as GitHubClient;
    const clientOfInstallation = (id: number) => () => installationClient(id);
    const reconcile = (
      submit: (params: {
        installationId: number;
        client: GitHubClient;
        request: WorkRequest;
      }) => Promise<void> | void,
    ) =>
      reconcileInstallations({
        appClient: async () => (await probot.auth()) as unknown as GitHubClient,
        installationClient,
        log,
        enqueue: ({ installationId, client, repository }) =>
          submit({
            installationId,
            client,
            request: {
              ...repository,
              sync: true,
              pullRequests: [],
              planChecks: [],
              event: "reconcile",
            },
          }),
      });

    /** Where a webhook's requests go: set once the queue is ready. */
    let submit: (params: {
      deliveryId: string;
      installationId: number | undefined;
      /** The webhook's client: used only when the payload names no installation. */
      client: GitHubClient;
      requests: WorkRequest[];
    }) => Promise<void>;
    let isClosed: () => boolean;

    if (settings.redisUrl) {
      const redisUrl = settings.redisUrl;
      const starting = startRedisWork({
        url: redisUrl,
        concurrency: settings.concurrency,
        lockSeconds: settings.lockSeconds,
        coalesceMs: settings.coalesceMs,
        reconcileSeconds: settings.reconcileSeconds,
        log,
        run: async (data) => {
          const { installationId, ...fields } = data;
          await run({
            ...fields,
            client: () => installationClient(installationId),
            log,
          });
        },
        reconcile: (add) =>
          reconcile(({ installationId, request }) => {
            const { event, ...rest } = request;
            return add({
              key: repoKey(rest),
              data: { ...rest, installationId, events: [event] },
            });
          }).then(() => {}),
      }).then((work) => {
        handle.redis = work;
        markReady();
        return work;
      });
      starting.catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        log.error(`plan-align: could not use Redis at REDIS_URL: ${message}`);
        markFailed(new Error(`could not use Redis at REDIS_URL: ${message}`));
      });
      isClosed = () => handle.redis?.closed ?? false;
      submit = async ({ deliveryId, installationId, requests }) => {
        if (installationId === undefined) {
          throw new PayloadShapeError("it names no installation");
        }
        const work = await starting;
        for (const request of requests) {
          const { event, ...rest } = request;
          const data: RepoJobData = { ...rest, installationId, events: [event] };
          await work.submit({ jobId: deliveryJobId(deliveryId, repoKey(data)), data });
        }
      };
    } else {
      const queue = createRepoQueue<RepoWork>({
        windowMs: settings.coalesceMs,
        merge: mergeWork,
        log,
        concurrency: settings.concurrency,
        ...(options.timers ? { timers: options.timers } : {}),
        run: (_key, work) => run(work),
      });
      handle.queue = queue;
      markReady();
      isClosed = () => queue.closed;
      submit = async ({ deliveryId, installationId, client, requests }) => {
        // The client is made when the work runs: one per installation, not one per webhook.
        // Two helpers, not two arrows here: arrows made in one scope share its variables, so
        // the installation's arrow would keep this webhook's Octokit alive while it waits.
        const clientOf =
          installationId === undefined ? fixedClient(client) : clientOfInstallation(installationId);
        for (const request of requests) {
          const { event, ...rest } = request;
          const work: RepoWork = { ...rest, client: clientOf, log, events: [event] };
          const key = repoKey(work);
          // Per repository: one installation delivery can name several repositories.
          queue.enqueue({ key, work, deliveryId: `${deliveryId}:${key}` });
        }
      };
      if (settings.reconcileSeconds > 0) {
        scheduleReconcile({
          seconds: settings.reconcileSeconds,
          log,
          run: () =>
            reconcile(({ client, request }) => {
              const { event, ...rest } = request;
              const work: RepoWork = {
                ...rest,
                client: fixedClient(client),
                log,
                events: [event],
              };
              queue.enqueue({ key: repoKey(work), work });
            }),
        });
      }
    }

    probot.on([...HANDLED_EVENTS], async (context) => {
      // Shutting down: answer 503 so GitHub records a failed delivery that can be redelivered,
      // rather than 200 for work that would never run.
      if (isClosed()) {
        throw answer(
          503,
          `plan-align is shutting down; delivery ${context.id} was not queued (redeliver it from the app's advanced settings)`,
        );
      }
      let requests: WorkRequest[];
      try {
        requests = routeWebhook({
          name: context.name,
          payload: context.payload,
          ...(settings.planPath ? { planPath: settings.planPath } : {}),
          ...(settings.appId !== undefined ? { appId: settings.appId } : {}),
        });
      } catch (error) {
        throw refuse(context, error);
      }
      const installation = (context.payload as { installation?: { id?: unknown } }).installation;
      try {
        await submit({
          deliveryId: context.id,
          installationId: typeof installation?.id === "number" ? installation.id : undefined,
          client: context.octokit as unknown as GitHubClient,
          requests,
        });
      } catch (error) {
        if (error instanceof PayloadShapeError) throw refuse(context, error);
        visibleLog(context.log).error(
          `plan-align: delivery ${context.id} (${context.name}) could not be queued: ${error instanceof Error ? error.message : error}`,
        );
        throw answer(503, `plan-align could not queue delivery ${context.id}; redeliver it later`);
      }
    });
  };
  return { app, handle };
}

/** A signed payload of the wrong shape: a plain 400, logged at warn with the delivery id. */
/** A client already made (a webhook naming no installation, a reconcile's installation). */
function fixedClient(client: GitHubClient): () => Promise<GitHubClient> {
  return async () => client;
}

function refuse(context: { id: string; name: string; log: Logger }, error: unknown): Error {
  const reason =
    error instanceof PayloadShapeError
      ? error.message
      : "its fields are not where GitHub puts them";
  visibleLog(context.log).warn(
    `plan-align: delivery ${context.id} (${context.name}) refused: ${reason}`,
  );
  return answer(400, `plan-align cannot use this ${context.name} payload: ${reason}`);
}

/** For `probot run` and `run()`: the app configured from the environment. */
export default createPlanAlignApp().app;
