/**
 * The App's work queue in Redis (REDIS_URL), with BullMQ, shared by every App process that
 * uses the same Redis:
 *
 * - A job per delivery and repository, its id made of the delivery id: GitHub's redelivery of
 *   a delivery that succeeded (its job is kept a week) is not added again, whichever process
 *   receives it. A job whose work failed is retried a few times and then removed, so a
 *   redelivery of it runs.
 * - The webhook is answered only once the job is in Redis: acknowledged work survives the
 *   process. A job held by a process that dies is taken up again by another (BullMQ's stalled
 *   jobs) once its lock expires (PLAN_ALIGN_LOCK_SECONDS).
 * - At most one evaluation per repository at a time across all processes: a repository lock in
 *   Redis that expires if its holder dies. A job that finds it taken waits (delayed) and tries
 *   again.
 * - Coalescing across processes: jobs wait for the coalescing window (a delay); the process
 *   holding a repository's lock merges every job still waiting for that repository into its
 *   own (first writing the merged work into its job, then removing the others), so a burst
 *   becomes one evaluation and a crash in between loses nothing.
 * - The reconcile is one BullMQ job scheduler for every process.
 * - Shutdown: stop taking jobs, give running ones the grace period, leave the rest in Redis.
 */
import { randomUUID } from "node:crypto";
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "../github/types.ts";
import { describe } from "./queue.ts";
import { mergeWork, type RepoJobData, repoKey } from "./work.ts";

export const QUEUE_NAME = "plan-align";
const RECONCILE_SCHEDULER = "plan-align-reconcile";
/** Kept this long after success, so a redelivery of the same delivery is recognised. */
const KEEP_DONE_SECONDS = 7 * 24 * 3600;
/** Tries of a failing job (the first run and two retries, 10 s and 20 s later). */
const ATTEMPTS = 3;

/** Deletes the lock only if this holder still has it. */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** Extends the lock only if this holder still has it. */
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

export interface RedisWork {
  /** Adds a repository's work; resolves once it is in Redis (then the webhook may be answered). */
  submit(params: { jobId: string; data: RepoJobData }): Promise<void>;
  readonly closed: boolean;
  /** Resolves when no job waits or runs in Redis (for tests). */
  idle(): Promise<void>;
  /**
   * Graceful shutdown: no new jobs taken, running ones get `timeoutMs`; jobs still waiting or
   * cut short stay in Redis for the next process.
   */
  drain(params: { timeoutMs: number }): Promise<{ drained: boolean; pending: number }>;
}

export interface RedisWorkParams {
  url: string;
  concurrency: number;
  lockSeconds: number;
  /** Jobs wait this long before a worker takes them, so a burst is merged. */
  coalesceMs: number;
  /** 0: no reconcile. */
  reconcileSeconds: number;
  log: Logger;
  run(data: RepoJobData): Promise<void>;
  /** Lists the installed repositories and submits a job for each (the reconcile job). */
  reconcile(submit: (params: { key: string; data: RepoJobData }) => Promise<void>): Promise<void>;
}

/** BullMQ job ids may not contain ":". */
function jobIdOf(...parts: string[]): string {
  return parts.join("|").replaceAll(":", "_");
}

export function deliveryJobId(deliveryId: string, key: string): string {
  return jobIdOf("d", deliveryId, key);
}

export async function startRedisWork(params: RedisWorkParams): Promise<RedisWork> {
  const { log } = params;
  const lockMs = params.lockSeconds * 1000;
  // BullMQ's workers block on Redis: they need connections that retry forever.
  const connection = { url: params.url, maxRetriesPerRequest: null };
  const redis = new Redis(params.url, { maxRetriesPerRequest: null });
  redis.on("error", (error) => log.warn(`plan-align: Redis: ${error.message}`));
  // Adding a job fails at once while Redis is down (no offline queue), so the webhook is
  // answered 503 — a failed delivery GitHub can redeliver — rather than held or lost.
  const queue = new Queue<RepoJobData | Record<string, never>>(QUEUE_NAME, {
    connection: { url: params.url, enableOfflineQueue: false },
    defaultJobOptions: {
      attempts: ATTEMPTS,
      backoff: { type: "exponential", delay: 10_000 },
      removeOnComplete: { age: KEEP_DONE_SECONDS },
      removeOnFail: true,
    },
  });
  queue.on("error", (error) => log.warn(`plan-align: Redis queue: ${error.message}`));
  const holder = randomUUID();
  const lockKey = (key: string) => `${QUEUE_NAME}:lock:${key}`;
  const pendingKey = (key: string) => `${QUEUE_NAME}:pending:${key}`;

  const submitJob = async (jobId: string, data: RepoJobData) => {
    await queue.add("repository", data, { jobId, delay: params.coalesceMs });
    await redis.sadd(pendingKey(repoKey(data)), jobId);
  };

  /** Merges the repository's other waiting jobs into this one, then removes them. */
  const coalesce = async (job: Job<RepoJobData>, key: string): Promise<RepoJobData> => {
    const set = pendingKey(key);
    await redis.srem(set, job.id as string);
    let merged = job.data;
    const absorbed: Job<RepoJobData>[] = [];
    for (const id of await redis.smembers(set)) {
      const other = (await queue.getJob(id)) as Job<RepoJobData> | undefined;
      const state = other ? await other.getState() : "unknown";
      if (!other || state === "completed" || state === "failed" || state === "unknown") {
        await redis.srem(set, id);
        continue;
      }
      if (state !== "waiting" && state !== "delayed" && state !== "prioritized") continue;
      merged = mergeWork(merged, other.data);
      absorbed.push(other);
    }
    if (absorbed.length === 0) return merged;
    // The merged work is in this job before the others go: a crash in between runs it twice
    // (harmless, every write is idempotent) but never loses it.
    await job.updateData(merged);
    for (const other of absorbed) {
      try {
        await other.remove();
        await redis.srem(set, other.id as string);
      } catch {
        // Taken by a worker meanwhile: it waits for the lock and runs after this one.
      }
    }
    return merged;
  };

  const processRepository = async (job: Job<RepoJobData>, token: string | undefined) => {
    const key = repoKey(job.data);
    const lock = lockKey(key);
    const me = `${holder}:${job.id}`;
    if ((await redis.set(lock, me, "PX", lockMs, "NX")) !== "OK") {
      // Another evaluation of this repository runs somewhere: try again shortly.
      const wait = Math.min(1000, lockMs / 4) + Math.floor(Math.random() * 250);
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    const renew = setInterval(() => {
      redis.eval(RENEW, 1, lock, me, lockMs).catch(() => {});
    }, lockMs / 3);
    try {
      await params.run(await coalesce(job, key));
    } finally {
      clearInterval(renew);
      await redis.eval(RELEASE, 1, lock, me).catch(() => {});
    }
  };

  const processReconcile = async (job: Job) => {
    await params.reconcile(async ({ key, data }) => {
      // One job per repository and reconcile run, even if this job is retried.
      await submitJob(jobIdOf("r", String(job.id), key), data);
    });
  };

  const worker = new Worker<RepoJobData | Record<string, never>>(
    QUEUE_NAME,
    async (job, token) => {
      if (job.name === "reconcile") return processReconcile(job);
      return processRepository(job as Job<RepoJobData>, token);
    },
    {
      connection,
      concurrency: params.concurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: 3,
    },
  );
  worker.on("error", (error) => log.warn(`plan-align: Redis worker: ${error.message}`));
  worker.on("failed", (job, error) => {
    if (!job || error instanceof DelayedError) return;
    const left = ATTEMPTS - job.attemptsMade;
    log.warn(
      `plan-align: ${job.name === "reconcile" ? "reconcile" : repoKey(job.data as RepoJobData)}: ${describe(error)}${left > 0 ? `; tried again later (${left} more)` : "; given up (a redelivery of the webhook runs it again)"}`,
    );
  });

  if (params.reconcileSeconds > 0) {
    await queue.upsertJobScheduler(
      RECONCILE_SCHEDULER,
      { every: params.reconcileSeconds * 1000 },
      { name: "reconcile", data: {}, opts: { removeOnComplete: true, removeOnFail: true } },
    );
  } else {
    await queue.removeJobScheduler(RECONCILE_SCHEDULER);
  }

  let closed = false;
  const counts = async () => {
    const c = await queue.getJobCounts("waiting", "delayed", "active", "prioritized");
    return Object.values(c).reduce((a, b) => a + b, 0);
  };
  const closeConnections = async () => {
    await queue.close().catch(() => {});
    redis.disconnect();
  };

  return {
    get closed() {
      return closed;
    },
    async submit({ jobId, data }) {
      await submitJob(jobId, data);
    },
    async idle() {
      // The reconcile scheduler always has its next run delayed: count repository jobs only.
      for (;;) {
        const jobs = await queue.getJobs(["waiting", "delayed", "active", "prioritized"]);
        if (!jobs.some((j) => j && j.name === "repository")) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async drain({ timeoutMs }) {
      closed = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finished = worker.close().then(() => true);
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const drained = await Promise.race([finished, timedOut]);
      clearTimeout(timer);
      // Cut short: the jobs keep their place in Redis and are taken up again when their lock expires.
      if (!drained) await worker.close(true).catch(() => {});
      const pending = await counts().catch(() => 0);
      await closeConnections();
      return { drained, pending };
    },
  };
}
