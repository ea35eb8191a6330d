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
});
