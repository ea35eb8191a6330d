import { describe, expect, it } from "vitest";
import { createRepoQueue } from "../../src/app/queue.ts";
import { memoryLog } from "../support/memory-log.ts";
import { fakeTimers } from "./support/timers.ts";

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup(run?: (key: string, work: string[]) => Promise<void>) {
  const clock = fakeTimers();
  const log = memoryLog();
  const runs: { key: string; work: string[] }[] = [];
  const queue = createRepoQueue<string[]>({
    windowMs: 1000,
    merge: (a, b) => [...a, ...b],
    run:
      run ??
      (async (key, work) => {
        runs.push({ key, work });
      }),
    log,
    timers: clock.timers,
  });
  return { clock, log, runs, queue };
}

describe("createRepoQueue", () => {
  it("coalesces items for one repository arriving within the window into one run", async () => {
    const { clock, runs, queue } = setup();
    queue.enqueue({ key: "a/r", work: ["1"], deliveryId: "d1" });
    clock.advance(400);
    queue.enqueue({ key: "a/r", work: ["2"], deliveryId: "d2" });
    queue.enqueue({ key: "a/r", work: ["3"], deliveryId: "d3" });
    expect(runs).toEqual([]);
    clock.advance(600);
    await queue.idle();
    expect(runs).toEqual([{ key: "a/r", work: ["1", "2", "3"] }]);
    expect(queue.stats.runs).toBe(1);
  });

  it("does not let a steady stream postpone the run: the window counts from the first item", async () => {
    const { clock, runs, queue } = setup();
    for (let i = 0; i < 5; i++) {
      queue.enqueue({ key: "a/r", work: [String(i)] });
      clock.advance(300);
      await flush();
    }
    // 1500 ms have passed: the first window (0–1000) ran with items 0..3.
    expect(runs[0]?.work).toEqual(["0", "1", "2", "3"]);
  });

  it("keeps repositories apart", async () => {
    const { clock, runs, queue } = setup();
    queue.enqueue({ key: "a/one", work: ["x"] });
    queue.enqueue({ key: "a/two", work: ["y"] });
    clock.advance(1000);
    await queue.idle();
    expect(runs.map((r) => r.key).sort()).toEqual(["a/one", "a/two"]);
  });

  it("drops a delivery id seen before", async () => {
    const { clock, runs, queue } = setup();
    expect(queue.enqueue({ key: "a/r", work: ["1"], deliveryId: "same" })).toBe(true);
    expect(queue.enqueue({ key: "a/r", work: ["1-again"], deliveryId: "same" })).toBe(false);
    clock.advance(1000);
    await queue.idle();
    expect(runs).toEqual([{ key: "a/r", work: ["1"] }]);
    expect(queue.stats.duplicates).toBe(1);
    // Even after the run, a redelivery of the same id is still a duplicate.
    expect(queue.enqueue({ key: "a/r", work: ["late"], deliveryId: "same" })).toBe(false);
  });

  it("runs at most one evaluation per repository at a time, and runs what arrived meanwhile after it", async () => {
    let release!: () => void;
    let active = 0;
    let maxActive = 0;
    const seen: string[][] = [];
    const { clock, queue } = setup(async (_key, work) => {
      active++;
      maxActive = Math.max(maxActive, active);
      seen.push(work);
      if (seen.length === 1) await new Promise<void>((r) => (release = r));
      active--;
    });
    queue.enqueue({ key: "a/r", work: ["first"] });
    clock.advance(1000);
    await flush();
    expect(seen).toEqual([["first"]]);
    // Arrives while the first run is still going: must wait, not start a parallel run.
    queue.enqueue({ key: "a/r", work: ["during-1"] });
    queue.enqueue({ key: "a/r", work: ["during-2"] });
    clock.advance(5000);
    await flush();
    expect(seen).toHaveLength(1);
    expect(clock.armed).toBe(0);
    release();
    await flush();
    // A fresh window opens for what arrived meanwhile.
    expect(clock.armed).toBe(1);
    clock.advance(1000);
    await queue.idle();
    expect(seen).toEqual([["first"], ["during-1", "during-2"]]);
    expect(maxActive).toBe(1);
  });

  it("logs a failing run and keeps serving that and other repositories", async () => {
    const done: string[] = [];
    const { clock, log, queue } = setup(async (key, work) => {
      if (work.includes("boom")) throw Object.assign(new Error("Server Error"), { status: 502 });
      done.push(`${key}:${work.join(",")}`);
    });
    queue.enqueue({ key: "a/bad", work: ["boom"] });
    queue.enqueue({ key: "a/good", work: ["ok"] });
    clock.advance(1000);
    await queue.idle();
    expect(done).toEqual(["a/good:ok"]);
    expect(log.at("error")).toEqual(["plan-align: work for a/bad failed: Server Error (HTTP 502)"]);
    queue.enqueue({ key: "a/bad", work: ["fine now"] });
    clock.advance(1000);
    await queue.idle();
    expect(done).toContain("a/bad:fine now");
    expect(queue.stats.failures).toBe(1);
  });

  it("runs at most `concurrency` repositories at once; the rest wait and start in arrival order", async () => {
    const clock = fakeTimers();
    const started: string[] = [];
    const releases: (() => void)[] = [];
    const queue = createRepoQueue<string>({
      windowMs: 10,
      merge: (_a, b) => b,
      log: memoryLog(),
      timers: clock.timers,
      concurrency: 2,
      run: async (key) => {
        started.push(key);
        await new Promise<void>((r) => releases.push(r));
      },
    });
    for (let i = 0; i < 5; i++) queue.enqueue({ key: `a/r${i}`, work: "w" });
    clock.fireAll();
    await flush();
    expect(started).toEqual(["a/r0", "a/r1"]);
    expect(queue.running).toBe(2);
    releases.shift()?.();
    await flush();
    expect(started).toEqual(["a/r0", "a/r1", "a/r2"]);
    while (releases.length > 0) {
      releases.shift()?.();
      await flush();
    }
    await queue.idle();
    expect(started).toEqual(["a/r0", "a/r1", "a/r2", "a/r3", "a/r4"]);
  });

  it("runs a redelivered delivery whose first run failed, and drops one that succeeded", async () => {
    let fail = true;
    const done: string[][] = [];
    const { clock, queue } = setup(async (_key, work) => {
      if (fail) throw new Error("GitHub unreachable");
      done.push(work);
    });
    queue.enqueue({ key: "a/r", work: ["first"], deliveryId: "d1" });
    // A second copy while the first waits is a duplicate.
    expect(queue.enqueue({ key: "a/r", work: ["copy"], deliveryId: "d1" })).toBe(false);
    clock.advance(1000);
    await queue.idle();
    fail = false;
    expect(queue.enqueue({ key: "a/r", work: ["redelivered"], deliveryId: "d1" })).toBe(true);
    clock.advance(1000);
    await queue.idle();
    expect(done).toEqual([["redelivered"]]);
    expect(queue.enqueue({ key: "a/r", work: ["again"], deliveryId: "d1" })).toBe(false);
  });

  it("is idle at once when nothing was queued", async () => {
    const { queue } = setup();
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});
