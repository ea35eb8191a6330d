/** Shared timing helpers for bench modules: median of several runs, in milliseconds. */
import { performance } from "node:perf_hooks";

export function medianMs(fn: () => unknown, runs = 7): number {
  fn(); // warm-up: JIT and caches, not measured
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
