/**
 * `npm start`: runs the App with Probot's server. Without APP_ID (and a private key), Probot
 * serves its setup page, which registers the app on GitHub from app.yml and writes .env.
 * Probot loads .env before the app function runs, so the app reads its settings
 * (PLAN_ALIGN_*) there; a bad value stops it with a message saying what to set.
 *
 * SIGTERM / SIGINT: graceful shutdown (src/app/shutdown.ts) — Probot's own SIGINT handler,
 * which exits as soon as the server is closed, is replaced so queued work can finish.
 */
import { run } from "probot";
import { createPlanAlignApp } from "./index.ts";
import { appOctokit } from "./octokit.ts";
import { createShutdown } from "./shutdown.ts";

/** Probot's setup page runs without the app (so without its logger). */
const consoleLog = {
  debug: () => {},
  info: (m: string) => console.info(m),
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
};

const before = new Set(process.listeners("SIGINT"));
const { app, handle } = createPlanAlignApp();
const server = await run(app, { Octokit: appOctokit() });
for (const listener of process.listeners("SIGINT")) {
  if (!before.has(listener)) process.off("SIGINT", listener);
}

const shutdown = createShutdown({
  queue: () => handle.queue,
  stopServer: () => server.stop(),
  log: handle.log ?? consoleLog,
  exit: (code) => process.exit(code),
});
process.on("SIGTERM", (signal) => void shutdown(signal));
process.on("SIGINT", (signal) => void shutdown(signal));
