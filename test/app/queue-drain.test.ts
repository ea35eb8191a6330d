/** Graceful shutdown: the queue's drain, driven with a hand-moved clock (no signals, no waiting). */
import { describe, expect, it } from "vitest";
import { createRepoQueue } from "../../src/app/queue.ts";
import { createShutdown } from "../../src/app/shutdown.ts";
import { memoryLog } from "../support/memory-log.ts";
import { fakeTimers } from "./support/timers.ts";

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A run the test finishes by hand, to hold an evaluation "in flight". */
function gate() {
  let open: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { done, open: () => open() };
}

function setup() {
  const clock = fakeTimers();
  const log = memoryLog();
  const runs: { key: string; work: string[] }[] = [];
  const gates = new Map<string, ReturnType<typeof gate>>();
  const queue = createRepoQueue<string[]>({
    windowMs: 2000,
    merge: (a, b) => [...a, ...b],
    run: async (key, work) => {
      runs.push({ key, work });
      await gates.get(key)?.done;
    },
    log,
    timers: clock.timers,
  });
  return { clock, log, runs, gates, queue };
}

describe("queue.drain", () => {
  it("runs work still waiting for its coalescing window at once, and resolves when it is done", async () => {
    const { queue, runs } = setup();
    queue.enqueue({ key: "acme/a", work: ["push"] });
    queue.enqueue({ key: "acme/b", work: ["issues"] });
    queue.enqueue({ key: "acme/a", work: ["label"] });
    expect(runs).toEqual([]); // the windows are still open
    const result = await queue.drain({ timeoutMs: 25_000 });
    expect(result).toEqual({ drained: true, pending: 0 });
    expect(runs).toEqual([
      { key: "acme/a", work: ["push", "label"] },
      { key: "acme/b", work: ["issues"] },
    ]);
  });

  it("refuses new work once draining, and says so in the log", async () => {
    const { queue, runs, log } = setup();
    const drained = queue.drain({ timeoutMs: 25_000 });
    expect(queue.closed).toBe(true);
    expect(queue.enqueue({ key: "acme/a", work: ["late"] })).toBe(false);
    expect(await drained).toEqual({ drained: true, pending: 0 });
    expect(runs).toEqual([]);
    expect(log.at("warn")).toEqual(["plan-align: shutting down; work for acme/a was not accepted"]);
  });

  it("waits for a running evaluation and for work queued behind it", async () => {
    const { queue, runs, gates, clock } = setup();
    const g = gate();
    gates.set("acme/a", g);
    queue.enqueue({ key: "acme/a", work: ["first"] });
    clock.advance(2000);
    await flush();
    expect(runs).toHaveLength(1); // running, held by the gate
    queue.enqueue({ key: "acme/a", work: ["second"] }); // waits behind it

    let settled = false;
    const drained = queue.drain({ timeoutMs: 25_000 }).then((r) => {
      settled = true;
      return r;
    });
    await flush();
    expect(settled).toBe(false);
    gates.delete("acme/a");
    g.open();
    // The follow-up runs right after the first, without waiting out a fresh window.
    expect(await drained).toEqual({ drained: true, pending: 0 });
    expect(runs.map((r) => r.work)).toEqual([["first"], ["second"]]);
  });

  it("gives up after the timeout, reporting what is still running", async () => {
    const { queue, gates, clock } = setup();
    gates.set("acme/stuck", gate()); // never opened
    queue.enqueue({ key: "acme/stuck", work: ["push"] });
    const drained = queue.drain({ timeoutMs: 25_000 });
    await flush();
    clock.advance(24_999);
    await flush();
    clock.advance(1);
    expect(await drained).toEqual({ drained: false, pending: 1 });
  });
});

describe("createShutdown", () => {
  it("stops the server, drains the queue, exits 0 — once, however many signals arrive", async () => {
    const { queue, runs } = setup();
    queue.enqueue({ key: "acme/a", work: ["push"] });
    const log = memoryLog();
    const calls: string[] = [];
    const shutdown = createShutdown({
      queue: () => queue,
      stopServer: async () => {
        calls.push("stop");
      },
      log,
      exit: (code) => calls.push(`exit ${code}`),
    });
    await Promise.all([shutdown("SIGTERM"), shutdown("SIGINT")]);
    expect(runs).toEqual([{ key: "acme/a", work: ["push"] }]);
    expect(calls).toEqual(["stop", "exit 0"]);
    expect(log.at("info")[0]).toMatch(/^plan-align: SIGTERM: no longer accepting webhooks/);
  });

  it("exits 1 when evaluations are still running at the deadline", async () => {
    const { queue, gates, clock } = setup();
    gates.set("acme/stuck", gate());
    queue.enqueue({ key: "acme/stuck", work: ["push"] });
    const log = memoryLog();
    let code: number | null = null;
    const done = createShutdown({
      queue: () => queue,
      stopServer: async () => {},
      log,
      exit: (c) => {
        code = c;
      },
      timeoutMs: 5000,
    })("SIGTERM");
    await flush();
    clock.advance(5000);
    await done;
    expect(code).toBe(1);
    expect(log.at("warn")).toEqual([
      "plan-align: 1 repositories still had work after 5 s; exiting anyway (the next process evaluates them again: from Redis with REDIS_URL, else in its start-up reconcile)",
    ]);
  });
});
