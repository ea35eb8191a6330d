/**
 * `npm start`: runs the App. Without APP_ID, Probot's setup page registers the app on GitHub
 * from app.yml and writes .env; with WEBHOOK_PROXY_URL (development through smee.io), Probot's
 * own server runs it. Otherwise src/app/serve.ts serves it, with webhook bodies capped
 * before they are read. .env is read first; a bad PLAN_ALIGN_* value stops it with a message
 * saying what to set.
 *
 * SIGTERM / SIGINT: graceful shutdown (src/app/shutdown.ts) — Probot's own SIGINT handler,
 * which exits as soon as the server is closed, is replaced so queued work can finish.
 */
import { existsSync } from "node:fs";
import { run } from "probot";
import { createPlanAlignApp } from "./index.ts";
import { appOctokit } from "./octokit.ts";
import { serve } from "./serve.ts";
import { createShutdown } from "./shutdown.ts";

/** Probot's setup page runs without the app (so without its logger). */
const consoleLog = {
  debug: () => {},
  info: (m: string) => console.info(m),
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
};

if (existsSync(".env")) process.loadEnvFile(".env");

let stopServer: () => Promise<void>;
let handle: ReturnType<typeof createPlanAlignApp>["handle"];
if (!process.env.APP_ID || process.env.WEBHOOK_PROXY_URL) {
  const before = new Set(process.listeners("SIGINT"));
  const created = createPlanAlignApp();
  const server = await run(created.app, { Octokit: appOctokit() });
  for (const listener of process.listeners("SIGINT")) {
    if (!before.has(listener)) process.off("SIGINT", listener);
  }
  handle = created.handle;
  stopServer = () => server.stop();
} else {
  const service = await serve({ env: process.env, Octokit: appOctokit() }).catch(
    (error: unknown) => {
      // A bad setting or an unreachable Redis: say what, without a stack, and let the
      // service manager restart it.
      console.error(`plan-align: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
  handle = service.handle;
  stopServer = service.stop;
}

const shutdown = createShutdown({
  queue: () => handle,
  stopServer,
  log: handle.log ?? consoleLog,
  exit: (code) => process.exit(code),
});
process.on("SIGTERM", (signal) => void shutdown(signal));
process.on("SIGINT", (signal) => void shutdown(signal));
