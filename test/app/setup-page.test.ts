/**
 * Registering the App: `npm start` without APP_ID serves Probot's setup page, whose
 * "Register GitHub App" button posts app.yml (as JSON, in an HTML attribute Probot does not
 * escape) to GitHub. A quote or an ampersand in app.yml would make that JSON invalid or
 * different, and GitHub would refuse to register the app — so a real browser loads the real
 * page, clicks the button, and the test parses the body it posts, as GitHub would.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { requireChromium, skipWithoutChromium } from "../support/chromium.ts";

const ROOT = join(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

let app: ChildProcess | undefined;
let output = "";

/** `npm start` as a new user runs it: no credentials, no smee channel, on a loopback port. */
async function startSetupServer(port: number): Promise<void> {
  app = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true, // its own process group, so npm and the node it starts stop together
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      // Empty values win over a developer's .env (Probot's dotenv does not override).
      APP_ID: "",
      PRIVATE_KEY: "",
      PRIVATE_KEY_PATH: "",
      WEBHOOK_PROXY_URL: "",
      PROJECT_DOMAIN: "",
      GHE_HOST: "",
      REDIS_URL: "",
      NODE_ENV: "development",
      NO_SMEE_SETUP: "true", // offline: no smee.io channel
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
    },
  });
  app.stdout?.on("data", (d) => {
    output += d;
  });
  app.stderr?.on("data", (d) => {
    output += d;
  });
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`npm start exited ${app.exitCode}:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/probot`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the setup page did not come up:\n${output}`);
}

afterAll(() => {
  if (app?.pid !== undefined && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
});

describe.skipIf(skipWithoutChromium())("the App's setup page (npm start without APP_ID)", () => {
  it("posts app.yml to GitHub as valid JSON, unchanged, from a real browser", async () => {
    const executablePath = requireChromium();
    const port = await freePort();
    await startSetupServer(port);
    const base = `http://127.0.0.1:${port}`;

    const browser = await chromium.launch({ executablePath, headless: true });
    try {
      const context = await browser.newContext();
      let posted: { url: string; method: string; body: string } | undefined;
      // Offline: the loopback server is reached, GitHub's form endpoint is answered here.
      await context.route("**/*", async (route) => {
        const request = route.request();
        if (request.url().startsWith(base)) return route.continue();
        if (request.method() === "POST") {
          posted = { url: request.url(), method: request.method(), body: request.postData() ?? "" };
        }
        return route.fulfill({ status: 200, contentType: "text/html", body: "<p>GitHub</p>" });
      });
      const page = await context.newPage();
      await page.goto(`${base}/probot`);
      const popup = context.waitForEvent("page");
      await page.getByRole("button", { name: "Register GitHub App" }).click();
      await (await popup).waitForLoadState();

      expect(posted?.url).toBe("https://github.com/settings/apps/new");
      const field = new URLSearchParams(posted?.body ?? "").get("manifest");
      expect(field).not.toBeNull();
      let manifest: Record<string, unknown> = {};
      expect(() => {
        manifest = JSON.parse(field ?? "");
      }, `the posted manifest is not JSON: ${field}`).not.toThrow();

      // Every field of app.yml arrives as written (an unescaped ' would cut it short).
      const appYml = parse(readFileSync(join(ROOT, "app.yml"), "utf8")) as Record<string, unknown>;
      for (const [key, value] of Object.entries(appYml)) {
        expect(manifest[key], `app.yml ${key}`).toEqual(value);
      }
      expect(manifest.description).toMatch(/checks pull requests against the plan\.$/);
      // GitHub sends the registration back to this server, and webhooks to it.
      expect(manifest.redirect_url).toBe(`${base}/probot/setup`);
      expect(manifest.hook_attributes).toEqual({ url: `${base}/` });
    } finally {
      await browser.close();
    }
  });
});
