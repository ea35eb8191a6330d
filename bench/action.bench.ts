/**
 * action.cold_start_vs_node — how long the bundled Action takes from `node dist/index.js` to
 * its first request to the API (a loopback server stands in for GITHUB_API_URL), against
 * the start and exit of a bare `node -e 0`. Medians of several runs; the ratio is the figure.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { Figure } from "./run.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = 7;

export default async function bench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), "plan-align-bench-"));
  const eventPath = join(dir, "event.json");
  writeFileSync(eventPath, "{}");
  let onRequest: (() => void) | null = null;
  const server: Server = createServer((req, res) => {
    onRequest?.();
    req.resume();
    res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const env = {
    PATH: process.env.PATH ?? "",
    INPUT_TOKEN: "bench-token",
    GITHUB_EVENT_NAME: "schedule",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: "bench/repo",
    GITHUB_API_URL: `http://127.0.0.1:${port}`,
    RUNNER_TEMP: dir,
  };

  const actionStart = () =>
    new Promise<number>((resolve, reject) => {
      const start = performance.now();
      const child = spawn(process.execPath, [join(ROOT, "dist/index.js")], {
        env,
        stdio: "ignore",
      });
      onRequest = () => {
        onRequest = null;
        resolve(performance.now() - start);
        child.kill();
      };
      child.on("exit", (code) => {
        if (onRequest) reject(new Error(`dist/index.js exited (${code}) before any request`));
      });
    });
  const nodeStart = () =>
    new Promise<number>((resolve, reject) => {
      const start = performance.now();
      const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
      child.on("exit", (code) =>
        code === 0 ? resolve(performance.now() - start) : reject(new Error(`node -e 0: ${code}`)),
      );
    });

  try {
    const action = await median(actionStart);
    const node = await median(nodeStart);
    return [
      {
        name: "action.cold_start_vs_node",
        value: action,
        unit: "ms",
        against: `node -e 0 (${round(node)} ms), median of ${RUNS}`,
        ratio: action / node,
      },
    ];
  } finally {
    server.close();
  }
}

async function median(fn: () => Promise<number>): Promise<number> {
  await fn(); // warm-up: file system caches, not measured
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await fn());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
