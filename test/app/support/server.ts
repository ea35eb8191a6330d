/**
 * The App as a real HTTP server on loopback (Probot's node middleware on node:http), its
 * GitHub API pointed at the fake GitHub, and a sender of webhooks signed like GitHub signs
 * them (HMAC-SHA256 of the raw body with the webhook secret).
 */
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createNodeMiddleware } from "probot";
import type { PlanAlignHandle } from "../../../src/app/index.ts";
import type { AppSettings } from "../../../src/app/settings.ts";
import { guardWebhookBodies } from "../../../src/app/webhook-guard.ts";
import { loadTestApp, recordingLogger, TEST_SECRET } from "./probot.ts";

export interface RunningApp {
  url: string;
  handle: PlanAlignHandle;
  logs: ReturnType<typeof recordingLogger>;
  /** Waits until the app's queue is empty (everything sent so far is done). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(params: {
  githubUrl: string;
  coalesceMs?: number;
  now?: () => Date;
  /** Where the App logs (default: recorded in memory, see `logs`). */
  log?: Logger;
  /** More settings (concurrency, reconcile period). */
  settings?: Partial<AppSettings>;
}): Promise<RunningApp> {
  const logs = recordingLogger();
  const { probot, app, handle } = loadTestApp({
    baseUrl: params.githubUrl,
    log: params.log ?? logs.log,
    settings: { coalesceMs: params.coalesceMs ?? 5, ...params.settings },
    ...(params.now ? { now: params.now } : {}),
  });
  const middleware = await createNodeMiddleware(app, { probot });
  // As `npm start` serves it: bodies capped before Probot's middleware reads them.
  const server: Server = createServer(
    guardWebhookBodies({
      path: "/api/github/webhooks",
      handler: (req, res) =>
        middleware(req, res, () => {
          res.writeHead(404);
          res.end();
        }),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    handle,
    logs,
    settle: async () => {
      await handle.queue?.idle();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface Delivery {
  name: string;
  payload: unknown;
  id?: string;
}

/** POSTs one webhook as GitHub would; `secret` lets a test sign with the wrong one. */
export async function sendWebhook(
  url: string,
  delivery: Delivery,
  secret = TEST_SECRET,
): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify(delivery.payload);
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const id = delivery.id ?? randomUUID();
  const post = () => postWith(url, { ...delivery, id }, body, signature);
  const start = performance.now();
  const res = await post().catch((error: unknown) => {
    // A kept-alive connection the server closed just as it was reused: GitHub would redeliver.
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return post();
    throw error;
  });
  await res.text();
  return { status: res.status, ms: performance.now() - start };
}

function postWith(url: string, delivery: Delivery, body: string, signature: string) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": delivery.name,
      "x-github-delivery": delivery.id ?? "",
      "x-hub-signature-256": signature,
      "user-agent": "GitHub-Hookshot/test",
    },
    body,
  });
}
