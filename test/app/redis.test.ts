/**
 * The App as a service with its queue in a real Redis (BullMQ): real App processes over real
 * HTTP, GitHub played by the stateful fake, webhooks signed with the secret. Assertions are
 * on GitHub's final state, as a user would see it.
 */
import { Queue } from "bullmq";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QUEUE_NAME } from "../../src/app/redis-work.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { clusterRepos, labeled, problems, seed } from "./support/cluster.ts";
import { type RunningRedis, requireRedis, startRedis } from "./support/redis.ts";
import { sendWebhook } from "./support/server.ts";
import { type ServiceProcess, startService } from "./support/service.ts";

const REPOS = clusterRepos(4);
const run = requireRedis();
let redis: RunningRedis;
let gh: FakeGitHub;
let queue: Queue;
const services: ServiceProcess[] = [];

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 120_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) {
      const said = services.flatMap((s) => s.messages().map((l) => `${l.level} ${l.msg}`));
      throw new Error(
        `timed out waiting for ${what}; the App said:\n${said.slice(-40).join("\n")}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Nothing waits, is delayed or runs in Redis (the reconcile's own schedule aside). */
async function queueEmpty(): Promise<boolean> {
  const jobs = await queue.getJobs(["waiting", "delayed", "active", "prioritized"]);
  return !jobs.some((j) => j?.name === "repository");
}

async function service(env: Record<string, string> = {}): Promise<ServiceProcess> {
  const s = await startService({
    githubUrl: gh.url,
    env: {
      REDIS_URL: redis.url,
      PLAN_ALIGN_LOCK_SECONDS: "5",
      PLAN_ALIGN_CONCURRENCY: "4",
      ...env,
    },
  });
  services.push(s);
  return s;
}

describe.skipIf(!run)("the App with its queue in Redis", () => {
  beforeEach(async () => {
    redis = await startRedis();
    gh = await startFakeGitHub({ repos: REPOS.map(seed) });
    queue = new Queue(QUEUE_NAME, { connection: { url: redis.url } });
  }, 60_000);

  afterEach(async () => {
    for (const s of services.splice(0)) await s.kill("SIGKILL");
    await queue.close();
    await gh.close();
    await redis.stop();
  }, 60_000);

  it("loses nothing and doubles nothing when one of two processes is killed -9 in a burst", async () => {
    const [a, b] = [await service(), await service()];
    const burst = Array.from({ length: 120 }, (_, i) => labeled(REPOS[i % REPOS.length] ?? "", i));
    // The first half to both processes, alternating; then A is killed -9 with its share
    // acknowledged and partly done, and the second half goes to B alone; then A comes back.
    const half = burst.length / 2;
    const statuses: number[] = [];
    for (let i = 0; i < half; i += 2) {
      const pair = [burst[i], burst[i + 1]].flatMap((d) => (d ? [d] : []));
      const sent = await Promise.all(pair.map((d, j) => sendWebhook((j === 0 ? a : b).url, d)));
      statuses.push(...sent.map((r) => r.status));
    }
    await a.kill("SIGKILL");
    for (const d of burst.slice(half)) statuses.push((await sendWebhook(b.url, d)).status);
    await service();
    expect(statuses.every((s) => s === 200)).toBe(true);
    await until("the queue in Redis to empty", queueEmpty);
    expect(REPOS.flatMap((r) => problems(gh.repo(`acme/${r}`)))).toEqual([]);
    expect(gh.violations).toEqual([]);
    // Redelivering a delivery that succeeded is recognised by any process: nothing is added.
    const before = gh.writes().length;
    expect((await sendWebhook(b.url, burst[0] ?? labeled("r0", 0))).status).toBe(200);
    await until("the queue in Redis to empty", queueEmpty);
    expect(await queue.getJobCountByTypes("completed")).toBeGreaterThan(0);
    expect(gh.writes().length).toBe(before);
  }, 300_000);

  it("reflects an issue closed on GitHub without a webhook within one reconcile period", async () => {
    await service({ PLAN_ALIGN_RECONCILE_SECONDS: "2" });
    // No webhook at all: the start-up reconcile aligns every repository.
    await until("every repository aligned", () =>
      REPOS.every((r) => problems(gh.repo(`acme/${r}`)).length === 0),
    );
    const issue = gh.repo("acme/r3").issues.find((i) => i.number === 2);
    if (!issue) throw new Error("seeded issue missing");
    issue.state = "closed";
    await until("Build done closed by the next reconcile", () => {
      const m = gh.repo("acme/r3").milestones.find((x) => x.title === "Build done");
      return m?.state === "closed";
    });
  }, 200_000);

  it("leaves queued work in Redis on SIGTERM and the next process does it", async () => {
    const a = await service({ PLAN_ALIGN_COALESCE_MS: "60000" });
    // Held back by a long coalescing window: acknowledged, queued, not yet run.
    for (const [i, r] of REPOS.entries()) {
      expect((await sendWebhook(a.url, labeled(r, i))).status).toBe(200);
    }
    expect(await a.kill("SIGTERM")).toBe(0);
    const waiting = await queue.getJobs(["delayed", "waiting"]);
    expect(waiting.filter((j) => j?.name === "repository")).toHaveLength(REPOS.length);
    // Their window would hold them a minute: let them go now.
    for (const job of waiting) if (await job?.isDelayed()) await job?.changeDelay(0);
    await service();
    await until("the queue in Redis to empty", queueEmpty);
    expect(REPOS.flatMap((r) => problems(gh.repo(`acme/${r}`)))).toEqual([]);
  }, 200_000);
});
