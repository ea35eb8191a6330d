import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { appOctokit } from "../../src/app/octokit.ts";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A loopback "GitHub" that accepts the request and never answers. */
async function silentServer(): Promise<string> {
  server = createServer(() => {});
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the App's Octokit", () => {
  it("gives up on a request GitHub never answers, instead of holding the repository's queue", async () => {
    const baseUrl = await silentServer();
    const Octokit = appOctokit({ timeoutMs: 200 });
    const octokit = new Octokit({
      auth: "test-token",
      baseUrl,
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    const outcome = await octokit
      .request("GET /repos/{owner}/{repo}/milestones", {
        owner: "acme",
        repo: "canteen",
      })
      .then(
        () => "answered",
        (error: Error) => error.message,
      );
    expect(outcome).not.toBe("answered");
    expect(outcome).toMatch(/timeout|aborted/i);
  });

  it("says at warn, at once, that GitHub could not be reached, naming the request", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const warnings: string[] = [];
    const log = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const Octokit = appOctokit({ timeoutMs: 5000 });
    const octokit = new Octokit({
      auth: "test-token",
      baseUrl: `http://127.0.0.1:${port}`,
      log,
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    await expect(
      octokit.request("GET /repos/{owner}/{repo}/milestones", { owner: "acme", repo: "canteen" }),
    ).rejects.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^plan-align: GitHub could not be reached for GET \/repos\/acme\/canteen\/milestones: .*ECONNREFUSED/,
    );
  });

  it("waits out a secondary rate limit and retries, where Probot's default only logs it", async () => {
    let calls = 0;
    server = createServer((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(403, { "content-type": "application/json", "retry-after": "1" });
        res.end(JSON.stringify({ message: "You have exceeded a secondary rate limit." }));
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("[]");
      }
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const warnings: string[] = [];
    const log = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const Octokit = appOctokit();
    const octokit = new Octokit({
      auth: "test-token",
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      log,
      retry: { enabled: false },
      // Given here like Probot gives its own (which only logs): the App's handler replaces it.
      throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => false },
    });
    const res = await octokit.request("GET /repos/{owner}/{repo}/milestones", {
      owner: "acme",
      repo: "canteen",
    });
    expect(res.status).toBe(200);
    expect(calls).toBe(2);
    expect(warnings.some((w) => w.includes("secondary rate limit"))).toBe(true);
  });
});
