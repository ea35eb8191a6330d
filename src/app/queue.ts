/**
 * The per-repository work queue behind the App's webhook handlers.
 *
 * Why: a burst of webhooks for one repository (a label added to twenty issues, a milestone
 * closed and its issues moved) must become ONE evaluation, not twenty racing ones; and a
 * webhook must be acknowledged at once (GitHub gives up after 10 s), so handlers only enqueue.
 *
 * - Coalescing: the first work item for a key opens a window of `windowMs`; everything that
 *   arrives for that key before the window closes is merged into it. The window is fixed
 *   from the first item (not reset by each one), so a steady stream cannot starve a key.
 * - One at a time: while a key's work runs, new items for it wait (merged) and run in a
 *   fresh window after it, so a change made during a run is never lost.
 * - At most `concurrency` runs at once across all keys; keys whose window closed wait in
 *   order for a slot, so an installation naming 20,000 repositories is 20,000 small waiting
 *   entries, not 20,000 evaluations at once.
 * - Duplicate deliveries (same `X-GitHub-Delivery` id) are dropped while the first copy waits
 *   or runs, and after it succeeded; a delivery whose run failed is forgotten, so GitHub's
 *   redelivery of it runs.
 * - A failing run is logged and never stops the queue or other keys.
 * - Shutdown (`drain`): no new work is accepted, work waiting for its window starts at once,
 *   and the caller waits — bounded — for what runs to finish, so a deploy or a restart does
 *   not cut an evaluation in half (every write is idempotent, but a half-done sync leaves
 *   GitHub half-aligned until the next event).
 */

import { statusOf } from "../github/read-plan.ts";
import type { Logger } from "../github/types.ts";
import { DEFAULT_CONCURRENCY } from "./settings.ts";

/** Injected so tests drive the window with a fake clock instead of waiting. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface QueueStats {
  /** Work items accepted. */
  enqueued: number;
  /** Deliveries dropped because their id was seen before. */
  duplicates: number;
  /** Runs started (one per coalesced batch). */
  runs: number;
  /** Runs that threw. */
  failures: number;
}

export interface RepoQueue<W> {
  /**
   * Adds work for `key`; returns false when it was dropped: the delivery id was already
   * seen, or the queue is draining (`closed`).
   */
  enqueue(params: { key: string; work: W; deliveryId?: string }): boolean;
  /** Resolves when nothing is waiting or running (for tests and graceful shutdown). */
  idle(): Promise<void>;
  /**
   * Graceful shutdown: stop accepting work, start waiting work now instead of at the end of
   * its window, and resolve when everything has finished or `timeoutMs` has passed —
   * `drained: false` then, with the number of repositories still waiting or running.
   */
  drain(params: { timeoutMs: number }): Promise<{ drained: boolean; pending: number }>;
  /** True once `drain` was called: new work is refused. */
  readonly closed: boolean;
  /** Runs going on now (at most the concurrency). */
  readonly running: number;
  readonly stats: QueueStats;
}

export interface RepoQueueOptions<W> {
  windowMs: number;
  /** Combines waiting work with newly arrived work for the same key. */
  merge(waiting: W, incoming: W): W;
  run(key: string, work: W): Promise<void>;
  log: Logger;
  timers?: Timers;
  /** How many delivery ids to remember for duplicate detection. */
  rememberDeliveries?: number;
  /** Runs at once across all keys (PLAN_ALIGN_CONCURRENCY); the rest wait in order. Default 4. */
  concurrency?: number;
}

interface KeyState<W> {
  waiting: W | null;
  /** Delivery ids merged into `waiting`: remembered as done only when their run succeeds. */
  waitingIds: string[];
  timer: unknown;
  /** Its window closed and it waits for a free slot. */
  ready: boolean;
  running: boolean;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createRepoQueue<W>(options: RepoQueueOptions<W>): RepoQueue<W> {
  const timers = options.timers ?? realTimers;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const states = new Map<string, KeyState<W>>();
  /** Deliveries whose work succeeded. */
  const done = new DeliveryMemory(options.rememberDeliveries ?? 10_000);
  /** Deliveries waiting or running: a second copy of one of them is a duplicate too. */
  const inFlight = new Set<string>();
  /** Keys whose window closed, oldest first. */
  const ready: string[] = [];
  let running = 0;
  const idleWaiters: (() => void)[] = [];
  const stats: QueueStats = { enqueued: 0, duplicates: 0, runs: 0, failures: 0 };
  let closed = false;

  const notifyIfIdle = () => {
    if (states.size > 0) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const markReady = (key: string, state: KeyState<W>) => {
    state.ready = true;
    ready.push(key);
    pump();
  };

  const pump = () => {
    while (running < concurrency && ready.length > 0) {
      const key = ready.shift() as string;
      const state = states.get(key);
      if (!state?.ready) continue;
      state.ready = false;
      void start(key, state);
    }
  };

  const openWindow = (key: string, state: KeyState<W>) => {
    state.timer = timers.set(() => {
      state.timer = null;
      markReady(key, state);
    }, options.windowMs);
  };

  const start = async (key: string, state: KeyState<W>) => {
    const work = state.waiting;
    const ids = state.waitingIds;
    state.waiting = null;
    state.waitingIds = [];
    if (work === null) return settle(key, state);
    state.running = true;
    running++;
    stats.runs++;
    let ok = true;
    try {
      await options.run(key, work);
    } catch (error) {
      ok = false;
      stats.failures++;
      if (!(error instanceof WorkFailedError)) {
        options.log.error(`plan-align: work for ${key} failed: ${describe(error)}`);
      }
    }
    for (const id of ids) {
      inFlight.delete(id);
      // A failed delivery is not remembered: GitHub's redelivery of it must run.
      if (ok) done.add(id);
    }
    state.running = false;
    running--;
    settle(key, state);
    pump();
  };

  const settle = (key: string, state: KeyState<W>) => {
    if (state.waiting !== null) {
      // Draining: no window, the shutdown's time budget is for running work.
      if (closed) markReady(key, state);
      else openWindow(key, state);
      return;
    }
    states.delete(key);
    notifyIfIdle();
  };

  const idle = () => {
    if (states.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => idleWaiters.push(resolve));
  };

  return {
    stats,
    get closed() {
      return closed;
    },
    get running() {
      return running;
    },
    enqueue({ key, work, deliveryId }) {
      if (closed) {
        options.log.warn(`plan-align: shutting down; work for ${key} was not accepted`);
        return false;
      }
      if (deliveryId !== undefined && (done.has(deliveryId) || inFlight.has(deliveryId))) {
        stats.duplicates++;
        options.log.debug(`plan-align: dropped duplicate delivery ${deliveryId}`);
        return false;
      }
      stats.enqueued++;
      let state = states.get(key);
      if (!state) {
        state = { waiting: null, waitingIds: [], timer: null, ready: false, running: false };
        states.set(key, state);
      }
      state.waiting = state.waiting === null ? work : options.merge(state.waiting, work);
      if (deliveryId !== undefined) {
        state.waitingIds.push(deliveryId);
        inFlight.add(deliveryId);
      }
      if (!state.running && !state.ready && state.timer === null) openWindow(key, state);
      return true;
    },
    idle,
    async drain({ timeoutMs }) {
      closed = true;
      // Waiting out a coalescing window would only spend the shutdown's time budget.
      for (const [key, state] of states) {
        if (state.timer === null) continue;
        timers.clear(state.timer);
        state.timer = null;
        markReady(key, state);
      }
      let timer: unknown = null;
      const timedOut = new Promise<false>((resolve) => {
        timer = timers.set(() => resolve(false), timeoutMs);
      });
      const drained = await Promise.race([idle().then(() => true as const), timedOut]);
      timers.clear(timer);
      return { drained, pending: states.size };
    },
  };
}

/**
 * Thrown by a run whose steps failed after each was logged: the queue counts it as a failure
 * (its deliveries are not remembered as done) without logging it a second time.
 */
export class WorkFailedError extends Error {}

/** A bounded set of recent delivery ids (oldest forgotten first). */
class DeliveryMemory {
  readonly #ids = new Set<string>();
  readonly #limit: number;
  constructor(limit: number) {
    this.#limit = limit;
  }
  has(id: string): boolean {
    return this.#ids.has(id);
  }
  /** False when the id is already known. */
  add(id: string): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.#limit) {
      const oldest = this.#ids.values().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
    return true;
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const status = statusOf(error);
    return status === undefined ? error.message : `${error.message} (HTTP ${status})`;
  }
  return String(error);
}
