/**
 * The App as a service, each run in its own process (its own memory), GitHub played by the
 * fake, webhooks signed and sent over loopback, 25 in flight:
 *   app.scale.ack_p99_ratio  p99 acknowledgement with 5,000 repositories over that with 50
 *                            (one installation event naming them all, then 5,000 webhooks
 *                            spread over them: one each, or a hundred each)
 *   app.scale.rss_vs_idle    peak resident memory at 5,000 repositories over idle
 * With `redis-server` on the PATH (skipped otherwise), two processes sharing a Redis queue:
 *   app.crash.lost           repositories left unaligned after one process is killed -9
 *                            mid-burst (1,000 webhooks, 50 repositories) and restarted
 *   app.cluster.duplicates   milestones, review or dashboard issues or labels made twice
 */
import { readFile } from "node:fs/promises";
import { Queue } from "bullmq";
import { QUEUE_NAME } from "../src/app/redis-work.ts";
import { clusterRepos, labeled, problems, seed } from "../test/app/support/cluster.ts";
import { redisAvailable, startRedis } from "../test/app/support/redis.ts";
import { type Delivery, sendWebhook } from "../test/app/support/server.ts";
import { type ServiceProcess, startService } from "../test/app/support/service.ts";
import { example } from "../test/app/support/webhooks.ts";
import { type FakeGitHub, startFakeGitHub } from "../test/support/fake-github/index.ts";
import type { Figure } from "./run.ts";

const IN_FLIGHT = 25;

async function sendAll(url: string, deliveries: Delivery[]): Promise<number[]> {
  const acks: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < deliveries.length) {
      const d = deliveries[next++] as Delivery;
      const res = await sendWebhook(url, d);
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      acks.push(res.ms);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return acks;
}

const p99 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
};

/** Until GitHub has seen no request for `quietMs` (the App has nothing left to do). */
async function quiet(gh: FakeGitHub, quietMs = 1500): Promise<void> {
  let seen = -1;
  while (seen !== gh.requests.length) {
    seen = gh.requests.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

async function rssMb(pid: number | undefined, field: "VmRSS" | "VmHWM"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

/**
 * One installation naming `n` repositories without a plan, then `webhooks` webhooks spread
 * evenly over them. Both sizes send the same number of webhooks, so each p99 is read from as
 * many acknowledgements (with one webhook per repository at 50 repositories, the p99 of 51
 * would be the single slowest one).
 */
async function scale(n: number, webhooks: number): Promise<{ ackP99: number; rssVsIdle: number }> {
  const names = clusterRepos(n);
  const gh = await startFakeGitHub({
    repos: names.map((name) => ({ owner: "acme", name, defaultBranch: "main" })),
  });
  let app: ServiceProcess | undefined;
  try {
    app = await startService({ githubUrl: gh.url, env: { LOG_LEVEL: "warn" } });
    const install = example("installation", "created");
    install.installation.id = 42;
    install.installation.account.login = "acme";
    install.installation.account.html_url = "https://github.com/acme";
    install.repositories = names.map((name, i) => ({
      id: i + 1,
      name,
      full_name: `acme/${name}`,
      private: false,
    }));
    // Warm-up (first token, first requests, JIT), not measured: one round of webhooks.
    await sendAll(
      app.url,
      Array.from({ length: IN_FLIGHT }, (_, i) => labeled(names[0] ?? "", -1 - i)),
    );
    await quiet(gh, 500);
    // Idle: the process at rest once it has served its first webhooks.
    const idle = await rssMb(app.child.pid, "VmRSS");
    const deliveries: Delivery[] = [
      { name: "installation", payload: install, id: `install-${n}` },
      ...Array.from({ length: webhooks }, (_, i) => labeled(names[i % n] ?? "", i)),
    ];
    const acks = await sendAll(app.url, deliveries);
    await quiet(gh);
    return { ackP99: p99(acks), rssVsIdle: (await rssMb(app.child.pid, "VmHWM")) / idle };
  } finally {
    await app?.kill("SIGKILL");
    await gh.close();
  }
}

async function crash(): Promise<{ lost: number; duplicates: number }> {
  const names = clusterRepos(50);
  const redis = await startRedis();
  const gh = await startFakeGitHub({ repos: names.map(seed) });
  const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url } });
  const apps: ServiceProcess[] = [];
  const start = async () => {
    const s = await startService({
      githubUrl: gh.url,
      env: { REDIS_URL: redis.url, PLAN_ALIGN_LOCK_SECONDS: "5", LOG_LEVEL: "warn" },
    });
    apps.push(s);
    return s;
  };
  try {
    const [a, b] = [await start(), await start()];
    const burst = Array.from({ length: 1000 }, (_, i) => labeled(names[i % names.length] ?? "", i));
    const half = burst.length / 2;
    await Promise.all([
      sendAll(
        a.url,
        burst.slice(0, half).filter((_, i) => i % 2 === 0),
      ),
      sendAll(
        b.url,
        burst.slice(0, half).filter((_, i) => i % 2 === 1),
      ),
    ]);
    await a.kill("SIGKILL");
    await sendAll(b.url, burst.slice(half));
    await start();
    for (;;) {
      const jobs = await queue.getJobs(["waiting", "delayed", "active", "prioritized"]);
      if (!jobs.some((j) => j?.name === "repository")) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const found = names.flatMap((name) => problems(gh.repo(`acme/${name}`)));
    return {
      lost: found.filter((p) => / 0 |not in/.test(p)).length,
      duplicates: found.filter((p) => / [2-9]\d* |twice/.test(p)).length,
    };
  } finally {
    for (const s of apps) await s.kill("SIGKILL");
    await queue.close();
    await gh.close();
    await redis.stop();
  }
}

export default async function bench(): Promise<Figure[]> {
  const small = await scale(50, 5000);
  const large = await scale(5000, 5000);
  const figures: Figure[] = [
    {
      name: "app.scale.ack_p99_ratio",
      value: large.ackP99 / small.ackP99,
      unit: "×",
      against: `p99 acknowledgement ${large.ackP99.toFixed(1)} ms at 5,000 repositories, ${small.ackP99.toFixed(1)} ms at 50`,
      ratio: large.ackP99 / small.ackP99,
    },
    {
      name: "app.scale.rss_vs_idle",
      value: large.rssVsIdle,
      unit: "×",
      against: "peak resident memory at 5,000 repositories over the idle process",
      ratio: large.rssVsIdle,
    },
  ];
  if (!redisAvailable) return figures;
  const { lost, duplicates } = await crash();
  figures.push(
    {
      name: "app.crash.lost",
      value: lost,
      unit: "repositories",
      against: "left unaligned after kill -9 of one of two Redis-mode processes mid-burst",
      ratio: null,
    },
    {
      name: "app.cluster.duplicates",
      value: duplicates,
      unit: "objects",
      against: "made twice by two processes over 1,000 webhooks for 50 repositories",
      ratio: null,
    },
  );
  return figures;
}
