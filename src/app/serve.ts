/**
 * The App as an HTTP service, configured from the environment (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST, PORT, HOST, WEBHOOK_PATH, LOG_LEVEL,
 * REDIS_URL, PLAN_ALIGN_*): Probot's webhook middleware behind a body-size guard on
 * node:http, GET /ping answered "PONG".
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot, type ProbotOctokit } from "probot";
import { createPlanAlignApp, type PlanAlignHandle } from "./index.ts";
import { guardWebhookBodies } from "./webhook-guard.ts";

export const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

export interface Service {
  server: Server;
  handle: PlanAlignHandle;
  /** Where webhooks are received. */
  url: string;
  stop(): Promise<void>;
}

export async function serve(params: {
  env: Record<string, string | undefined>;
  Octokit: typeof ProbotOctokit;
}): Promise<Service> {
  const { env } = params;
  // Probot alone would default to warn: a service says at info that it listens and reconciles.
  const probot = createProbot({
    env: { LOG_LEVEL: "info", ...env },
    overrides: { Octokit: params.Octokit },
  });
  const { app, handle } = createPlanAlignApp();
  const path = env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH;
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: path });
  const server = createServer(
    guardWebhookBodies({
      path,
      handler: (req, res) =>
        middleware(req, res, () => {
          if (req.method === "GET" && req.url === "/ping") {
            res.writeHead(200, { "content-type": "text/plain" }).end("PONG");
          } else res.writeHead(404).end();
        }),
    }),
  );
  await handle.ready;
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, env.HOST || undefined, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${path}`;
  probot.log.info(
    `plan-align: listening on ${url} (${env.REDIS_URL ? "queue in Redis" : "queue in this process"})`,
  );
  return {
    server,
    handle,
    url,
    stop: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
