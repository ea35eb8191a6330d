/**
 * The App as its own process, for measuring it honestly (its own memory, its own event
 * loop): `node app-process.ts <githubUrl> <coalesceMs>`. Probot's node middleware on
 * node:http on loopback, its GitHub API at the fake, a key generated at start, logs at error
 * and above to stderr (kept out of memory, as in production).
 *
 * Protocol, one JSON object per line: it prints `{ "url" }` when listening; on stdin,
 * `settle` answers `{ "stats" }` once the queue is idle, `exit` closes it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { pino } from "pino";
import { createNodeMiddleware, Probot } from "probot";
import { createPlanAlignApp } from "../../../src/app/index.ts";
import {
  TEST_APP_ID,
  TEST_SECRET,
  testPrivateKey,
  unthrottledOctokit,
} from "../../app/support/probot.ts";
import { LOAD_NOW } from "./load.ts";

const [githubUrl = "", coalesce = "2000"] = process.argv.slice(2);

const probot = new Probot({
  appId: TEST_APP_ID,
  privateKey: testPrivateKey(),
  secret: TEST_SECRET,
  baseUrl: githubUrl,
  log: pino({ level: "error" }, pino.destination(2)),
  Octokit: unthrottledOctokit(),
});
const { app, handle } = createPlanAlignApp({
  settings: { coalesceMs: Number(coalesce), appId: TEST_APP_ID },
  now: () => LOAD_NOW,
});
const middleware = await createNodeMiddleware(app, { probot });
const server = createServer((req, res) => {
  void middleware(req, res, () => {
    res.writeHead(404);
    res.end();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
const idleRssMb = process.memoryUsage().rss / 2 ** 20;
process.stdout.write(
  `${JSON.stringify({ url: `http://127.0.0.1:${port}/api/github/webhooks`, idleRssMb })}\n`,
);

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
    server.closeAllConnections();
    server.close();
    break;
  }
}
process.exit(0);
