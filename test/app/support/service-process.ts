/**
 * `npm start` as a test runs it, in its own process: src/app/serve.ts configured from the
 * environment the test gives (GHE_HOST at the fake GitHub, REDIS_URL, PLAN_ALIGN_*), with
 * Probot's Octokit unthrottled (no second between writes) and the same graceful shutdown.
 * Prints `{"url": ...}` on stdout once it listens; its log goes to stderr as JSON lines.
 */
import { serve } from "../../../src/app/serve.ts";
import { createShutdown } from "../../../src/app/shutdown.ts";
import { unthrottledOctokit } from "./probot.ts";

const service = await serve({ env: process.env, Octokit: unthrottledOctokit() });
process.stdout.write(`${JSON.stringify({ url: service.url })}\n`);
const log = service.handle.log;
if (!log) throw new Error("the app did not load");
const shutdown = createShutdown({
  queue: () => service.handle,
  stopServer: service.stop,
  log,
  exit: (code) => process.exit(code),
  timeoutMs: Number(process.env.TEST_SHUTDOWN_MS ?? 5000),
});
process.on("SIGTERM", (signal) => void shutdown(signal));
