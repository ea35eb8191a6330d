/**
 * Graceful shutdown of `npm start`: on SIGTERM (a deploy, `docker stop`, Kubernetes) or
 * SIGINT (Ctrl-C), stop accepting webhooks, let queued and running evaluations finish —
 * in Redis mode only the running ones; waiting jobs stay in Redis for the other processes —
 * bounded, because the platform kills the process anyway after its grace period (Docker and
 * Kubernetes default to 10 and 30 s) — then exit.
 */
import type { Logger } from "../github/types.ts";

/** Under Kubernetes' default 30 s grace period, with time left to exit cleanly. */
export const SHUTDOWN_TIMEOUT_MS = 25_000;

export interface ShutdownParams {
  /** The queue to drain (null: the app was never loaded, e.g. Probot's setup page). */
  queue: () => {
    drain(params: { timeoutMs: number }): Promise<{ drained: boolean; pending: number }>;
  } | null;
  /** Stops the HTTP server (no new connections). */
  stopServer: () => Promise<void>;
  log: Logger;
  exit: (code: number) => void;
  timeoutMs?: number;
}

/** One shutdown, however many signals arrive; resolves after `exit` was called. */
export function createShutdown(params: ShutdownParams): (signal: string) => Promise<void> {
  let running: Promise<void> | null = null;
  return (signal) => {
    running ??= shutdown(params, signal);
    return running;
  };
}

async function shutdown(params: ShutdownParams, signal: string): Promise<void> {
  const { log } = params;
  const timeoutMs = params.timeoutMs ?? SHUTDOWN_TIMEOUT_MS;
  log.info(
    `plan-align: ${signal}: no longer accepting webhooks; waiting up to ${Math.round(timeoutMs / 1000)} s for queued evaluations`,
  );
  const queue = params.queue();
  // Stop listening and drain together: closing the server waits for open connections,
  // which must not eat into the evaluations' time.
  const stopped = params.stopServer().catch((error: unknown) => {
    log.warn(`plan-align: stopping the server: ${error instanceof Error ? error.message : error}`);
  });
  const result = queue ? await queue.drain({ timeoutMs }) : { drained: true, pending: 0 };
  if (result.drained) log.info("plan-align: all queued evaluations finished; exiting");
  else {
    log.warn(
      `plan-align: ${result.pending} repositories still had work after ${Math.round(timeoutMs / 1000)} s; exiting anyway (the next process evaluates them again: from Redis with REDIS_URL, else in its start-up reconcile)`,
    );
  }
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  params.exit(result.drained ? 0 : 1);
}
