/**
 * Load: 1,000 signed webhooks across 50 repositories, sent over loopback (25 in flight) to
 * ONE App process, then the same 1,000 deliveries to TWO App processes at once (as GitHub's
 * retries or a load balancer might). Each App runs as a child process (node, this Node 24,
 * `process.execPath`), so its peak RSS is its own; the fake GitHub and the sender run in
 * this process. Coalescing window: the App's default (2 s).
 *
 * Each webhook reports an issue closed (made on the fake GitHub just before sending); a
 * repository's milestone is achieved only when its last issue is closed, so a repository
 * whose last webhook was not followed by an evaluation ends with its milestone open.
 *
 *   app.load.webhooks_per_s   deliveries acknowledged per second while sending
 *   app.load.ack_p99_ms       99th-percentile time to acknowledge one delivery
 *   app.load.peak_rss_mb      the App process's peak resident memory
 *   app.load.lost             deliveries not acknowledged 2xx + deliveries not taken into
 *                             the queue exactly once + repositories left in the wrong state
 *                             (must be 0)
 *   app.load.two_process.*    the same, with both processes receiving every delivery
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_COALESCE_MS } from "../src/app/settings.ts";
import { sendWebhook } from "../test/app/support/server.ts";
import { startFakeGitHub } from "../test/support/fake-github/index.ts";
import {
  type LoadDelivery,
  loadScenario,
  percentile,
  sendAll,
  wrongRepos,
} from "../test/support/replay/load.ts";
import type { Figure } from "./run.ts";

const WEBHOOKS = 1000;
const REPOS = 50;
const IN_FLIGHT = 25;
const CHILD = fileURLToPath(new URL("../test/support/replay/app-process.ts", import.meta.url));

interface ChildStats {
  queue: { enqueued: number; duplicates: number; runs: number; failures: number };
  run: { evaluations: number; failures: number };
  peakRssMb: number;
  idleRssMb: number;
}

interface AppProcess {
  url: string;
  settle(): Promise<ChildStats>;
  stop(): Promise<void>;
}

async function startAppProcess(githubUrl: string): Promise<AppProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--experimental-strip-types", "--no-warnings", CHILD, githubUrl, String(DEFAULT_COALESCE_MS)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const waiting: ((line: string) => void)[] = [];
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let at = buffer.indexOf("\n");
    while (at !== -1) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      waiting.shift()?.(line);
      at = buffer.indexOf("\n");
    }
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve);
      child.once("exit", (code) => reject(new Error(`app process exited (${code})`)));
    });
  const { url } = JSON.parse(await next()) as { url: string };
  return {
    url,
    async settle() {
      const answer = next();
      child.stdin?.write("settle\n");
      return (JSON.parse(await answer) as { stats: ChildStats }).stats;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin?.write("exit\n");
      }),
  };
}

interface RoundResult {
  acks: number[];
  refused: number;
  sendSeconds: number;
  stats: ChildStats[];
  wrong: string[];
}

async function round(processes: number): Promise<RoundResult> {
  const scenario = loadScenario({ repos: REPOS, webhooks: WEBHOOKS, seed: 5 });
  const gh = await startFakeGitHub({ repos: scenario.seeds });
  const apps = await Promise.all(Array.from({ length: processes }, () => startAppProcess(gh.url)));
  try {
    const acks: number[] = [];
    let refused = 0;
    const start = performance.now();
    await sendAll<LoadDelivery>({
      items: scenario.deliveries,
      inFlight: IN_FLIGHT,
      send: async (d) => {
        scenario.apply(gh.state.repos, d);
        const results = await Promise.all(apps.map((a) => sendWebhook(a.url, d)));
        for (const r of results) {
          acks.push(r.ms);
          if (r.status < 200 || r.status > 299) refused++;
        }
      },
    });
    const sendSeconds = (performance.now() - start) / 1000;
    const stats = await Promise.all(apps.map((a) => a.settle()));
    return {
      acks: acks.sort((a, b) => a - b),
      refused,
      sendSeconds,
      stats,
      wrong: wrongRepos(gh.state.repos),
    };
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await gh.close();
  }
}

function lost(r: RoundResult): number {
  // Each process must take every delivery into its queue exactly once (none dropped, none
  // twice); the fake GitHub must end right for every repository.
  const notTaken = r.stats.reduce((n, s) => n + Math.abs(WEBHOOKS - s.queue.enqueued), 0);
  return r.refused + notTaken + r.wrong.length;
}

function figures(prefix: string, r: RoundResult, processes: number): Figure[] {
  const deliveries = WEBHOOKS * processes;
  const median = percentile(r.acks, 0.5);
  const peak = Math.max(...r.stats.map((s) => s.peakRssMb));
  const idle = Math.max(...r.stats.map((s) => s.idleRssMb));
  const evaluations = r.stats.map((s) => s.run.evaluations).join(" + ");
  if (r.wrong.length > 0)
    process.stderr.write(`${prefix}: wrong repositories:\n  ${r.wrong.join("\n  ")}\n`);
  return [
    {
      name: `${prefix}.webhooks_per_s`,
      value: deliveries / r.sendSeconds,
      unit: "webhooks/s",
      against: `${deliveries} deliveries (${WEBHOOKS} × ${processes} process${processes > 1 ? "es" : ""}, ${REPOS} repos) sent in ${r.sendSeconds.toFixed(2)} s (goal: within 10 s)`,
      ratio: r.sendSeconds / 10,
    },
    {
      name: `${prefix}.ack_p99_ms`,
      value: percentile(r.acks, 0.99),
      unit: "ms",
      against: `median acknowledgement ${median.toFixed(1)} ms`,
      ratio: median > 0 ? percentile(r.acks, 0.99) / median : null,
    },
    {
      name: `${prefix}.peak_rss_mb`,
      value: peak,
      unit: "MB",
      against: `the App process idle after start: ${idle.toFixed(0)} MB`,
      ratio: peak / idle,
    },
    {
      name: `${prefix}.lost`,
      value: lost(r),
      unit: "webhooks",
      against: `${r.refused} not acknowledged, queue took ${r.stats.map((s) => s.queue.enqueued).join(" / ")} of ${WEBHOOKS}, ${r.wrong.length} of ${REPOS} repos wrong; evaluations ${evaluations}`,
      ratio: null,
    },
  ];
}

export default async function bench(): Promise<Figure[]> {
  const one = await round(1);
  const two = await round(2);
  return [...figures("app.load", one, 1), ...figures("app.load.two_process", two, 2)];
}
