/**
 * The reconcile: every installed repository evaluated again, at start-up and then on a
 * period, so what changes with time (at risk, overdue, stale measures) and what GitHub sends
 * no webhook for (an issue linked to a pull request) reaches GitHub without an event. It only
 * enqueues: the queue's concurrency limit and coalescing pace the evaluations, and a
 * repository without a plan costs one request there.
 */
import {
  type InstalledRepository,
  listInstallationIds,
  listInstalledRepositories,
} from "../github/installations.ts";
import type { GitHubClient, Logger } from "../github/types.ts";
import { describe } from "./queue.ts";

export interface ReconcileParams {
  /** The App's own client (JWT), for the list of installations. */
  appClient: () => Promise<GitHubClient>;
  installationClient: (installationId: number) => Promise<GitHubClient>;
  log: Logger;
  enqueue: (params: {
    installationId: number;
    client: GitHubClient;
    repository: InstalledRepository;
  }) => Promise<void> | void;
}

/** Enqueues an evaluation of every installed repository; an installation that fails is logged and skipped. */
export async function reconcileInstallations(
  params: ReconcileParams,
): Promise<{ installations: number; repositories: number }> {
  const { log } = params;
  let ids: number[];
  try {
    ids = await listInstallationIds(await params.appClient());
  } catch (error) {
    log.warn(`plan-align: reconcile: could not list the app's installations: ${describe(error)}`);
    return { installations: 0, repositories: 0 };
  }
  let repositories = 0;
  for (const installationId of ids) {
    try {
      const client = await params.installationClient(installationId);
      for (const repository of await listInstalledRepositories(client)) {
        await params.enqueue({ installationId, client, repository });
        repositories++;
      }
    } catch (error) {
      log.warn(
        `plan-align: reconcile: could not list the repositories of installation ${installationId}: ${describe(error)}`,
      );
    }
  }
  log.info(
    `plan-align: reconcile: ${repositories} repositories of ${ids.length} installations queued for evaluation`,
  );
  return { installations: ids.length, repositories };
}

/**
 * One process's schedule: a reconcile now and then every `seconds`, never two at once.
 * Returns a stop function. (Redis mode uses one schedule in Redis for every process instead.)
 */
export function scheduleReconcile(params: {
  seconds: number;
  run: () => Promise<unknown>;
  log: Logger;
}): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    params
      .run()
      .catch((error: unknown) => params.log.warn(`plan-align: reconcile: ${describe(error)}`))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 0);
  const every = setInterval(tick, params.seconds * 1000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
