/**
 * The load check, small (bench/app-load.bench.ts runs it with 1,000 webhooks and measures):
 * 100 signed webhooks across 10 repositories, sent 10 at a time over loopback to the App,
 * then the same deliveries to TWO App instances at once (as GitHub's retries or a load
 * balancer might). Nothing may be lost: every delivery acknowledged, every repository
 * evaluated after its last webhook (its milestone closes only when its last issue does),
 * no delivery processed twice by one instance, and nothing created twice by two.
 * No timing is asserted here.
 */
import { afterAll, afterEach, expect, it } from "vitest";
import { type RunningApp, sendWebhook, startApp } from "../app/support/server.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { refuseNetwork } from "../support/offline.ts";
import {
  LOAD_NOW,
  type LoadDelivery,
  loadScenario,
  sendAll,
  wrongRepos,
} from "../support/replay/load.ts";

const offline = refuseNetwork();
afterAll(() => {
  offline.restore();
  expect(offline.attempts).toEqual([]);
});

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function setUp(apps: number) {
  const scenario = loadScenario({ repos: 10, webhooks: 100, seed: 11 });
  const gh: FakeGitHub = await startFakeGitHub({ repos: scenario.seeds });
  cleanup.push(() => gh.close());
  const running: RunningApp[] = [];
  for (let i = 0; i < apps; i++) {
    const app = await startApp({ githubUrl: gh.url, coalesceMs: 20, now: () => LOAD_NOW });
    cleanup.push(() => app.close());
    running.push(app);
  }
  return { scenario, gh, apps: running };
}

it("one App: 100 webhooks across 10 repositories, 10 redelivered — none lost, none processed twice", async () => {
  const { scenario, gh, apps } = await setUp(1);
  const app = apps[0] as RunningApp;
  // Every tenth delivery is redelivered (same X-GitHub-Delivery id) right after it.
  const sends: LoadDelivery[] = scenario.deliveries.flatMap((d, i) =>
    i % 10 === 0 ? [d, d] : [d],
  );
  const seen = new Set<string>();
  const statuses: number[] = [];
  await sendAll({
    items: sends,
    inFlight: 10,
    send: async (d) => {
      if (!seen.has(d.id)) scenario.apply(gh.state.repos, d);
      seen.add(d.id);
      statuses.push((await sendWebhook(app.url, d)).status);
    },
  });
  await app.settle();

  expect(statuses).toHaveLength(110);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(app.handle.queue?.stats).toMatchObject({ enqueued: 100, duplicates: 10, failures: 0 });
  expect(wrongRepos(gh.state.repos)).toEqual([]);
  // Coalesced: far fewer evaluations than webhooks, at least one per repository.
  expect(app.handle.stats.evaluations).toBeGreaterThanOrEqual(10);
  expect(app.handle.stats.evaluations).toBeLessThan(100);
  expect(gh.violations).toEqual([]);
  expect(gh.requests.filter((r) => r.method === "DELETE")).toEqual([]);
  expect(app.logs.problems()).toEqual([]);
});

it("two Apps receiving the same 100 deliveries at once: none lost, nothing created twice", async () => {
  const { scenario, gh, apps } = await setUp(2);
  const statuses: number[] = [];
  await sendAll({
    items: scenario.deliveries,
    inFlight: 10,
    send: async (d) => {
      scenario.apply(gh.state.repos, d);
      const acks = await Promise.all(apps.map((a) => sendWebhook(a.url, d)));
      statuses.push(...acks.map((a) => a.status));
    },
  });
  await Promise.all(apps.map((a) => a.settle()));

  expect(statuses).toHaveLength(200);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  for (const app of apps) {
    // Each instance took each delivery once; dedupe is per process, so none were dropped.
    expect(app.handle.queue?.stats).toMatchObject({ enqueued: 100, duplicates: 0, failures: 0 });
  }
  // One milestone, label and open dashboard per repository, whichever instance got there first.
  expect(wrongRepos(gh.state.repos)).toEqual([]);
  for (const repo of gh.state.repos) {
    expect(repo.labels.filter((l) => l.name === "deliverable:work")).toHaveLength(1);
  }
  expect(gh.violations).toEqual([]);
  expect(gh.requests.filter((r) => r.method === "DELETE")).toEqual([]);
});

it("acknowledges a webhook before doing any of its work (the work is queued)", async () => {
  const scenario = loadScenario({ repos: 1, webhooks: 1 });
  const gh = await startFakeGitHub({ repos: scenario.seeds });
  cleanup.push(() => gh.close());
  // A one-second coalescing window: the work cannot start before the answer is back.
  const app = await startApp({ githubUrl: gh.url, coalesceMs: 1000, now: () => LOAD_NOW });
  cleanup.push(() => app.close());
  const d = scenario.deliveries[0] as LoadDelivery;
  scenario.apply(gh.state.repos, d);

  const ack = await sendWebhook(app.url, d);
  expect(ack.status).toBe(200);
  expect(gh.requests).toEqual([]); // not a single GitHub request made yet
  expect(app.handle.queue?.stats.enqueued).toBe(1);

  await app.settle();
  expect(app.handle.stats.evaluations).toBe(1);
  expect(wrongRepos(gh.state.repos)).toEqual([]);
});
