/**
 * The App as its own process, for measuring it honestly (its own memory, its own event
 * loop): `node app-process.ts <githubUrl> <coalesceMs>`. Probot's node middleware on
 * node:http on loopback, its GitHub API at the fake, a key generated at start, logs at error
 * and above to stderr (kept out of memory, as in production).
 *
 * Protocol, one JSON object per line: it prints `{ "url" }` when listening; on stdin,
 * `settle` answers `{ "stats" }` once the queue is idle, `exit` closes it.
 */
import { createInterface } from "node:readline";
import { pino } from "pino";
import { startApp } from "../../app/support/server.ts";
import { LOAD_NOW } from "./load.ts";

const [githubUrl = "", coalesce = "2000"] = process.argv.slice(2);

const app = await startApp({
  githubUrl,
  coalesceMs: Number(coalesce),
  now: () => LOAD_NOW,
  log: pino({ level: "error" }, pino.destination(2)),
});
const handle = app.handle;
const idleRssMb = process.memoryUsage().rss / 2 ** 20;
process.stdout.write(`${JSON.stringify({ url: app.url, idleRssMb })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line === "settle") {
    await handle.queue?.idle();
    process.stdout.write(
      `${JSON.stringify({
        stats: {
          queue: handle.queue?.stats,
          run: handle.stats,
          // Peak resident set size of this process over its life (resourceUsage is in KiB).
          peakRssMb: process.resourceUsage().maxRSS / 1024,
          idleRssMb,
        },
      })}\n`,
    );
  } else if (line === "exit") {
    await app.close();
    break;
  }
}
process.exit(0);
