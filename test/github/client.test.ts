import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.ts";
import { readPlanFile } from "../../src/github/read-plan.ts";
import { memoryLog } from "../support/memory-log.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";

const plan = "version: 1\n";
const repo = { owner: "acme", repo: "canteen" };

beforeEach(offline);
afterEach(expectCleanGitHubMocks);

describe("createClient", () => {
  it("sends the pinned API version and the token", async () => {
    githubNock()
      .matchHeader("x-github-api-version", "2022-11-28")
      .matchHeader("authorization", "token test-token")
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .reply(200, plan);
    const client = createClient({ ...fastClientOptions, log: memoryLog() });
    expect((await readPlanFile({ client, ...repo, path: ".github/plan.yml" }))?.text).toBe(plan);
  });

  it("retries a 502 and then succeeds", async () => {
    githubNock()
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .reply(502, "bad gateway")
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .reply(200, plan);
    const client = createClient({ ...fastClientOptions, log: memoryLog() });
    expect((await readPlanFile({ client, ...repo, path: ".github/plan.yml" }))?.text).toBe(plan);
  });

  it("waits out a secondary rate limit (retry-after) and then succeeds, logging it", async () => {
    githubNock()
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "2" })
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .reply(200, plan);
    const log = memoryLog();
    const client = createClient({ ...fastClientOptions, log });
    expect((await readPlanFile({ client, ...repo, path: ".github/plan.yml" }))?.text).toBe(plan);
    expect(log.lines.join("\n")).toMatch(
      /warn: GitHub secondary rate limit on GET .*retrying in 2s \(1\/3\)/,
    );
  });

  it("gives up after the configured number of rate-limit retries", async () => {
    githubNock()
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .times(2)
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "1" });
    const log = memoryLog();
    const client = createClient({ ...fastClientOptions, retries: 1, log });
    await expect(readPlanFile({ client, ...repo, path: ".github/plan.yml" })).rejects.toThrow(
      /Could not read \.github\/plan\.yml from acme\/canteen: GitHub answered 403/,
    );
    expect(log.lines.join("\n")).toMatch(/giving up after 1 retries/);
  });
});

describe("readPlanFile", () => {
  it("tries the default locations in order and returns null when there is no plan", async () => {
    githubNock()
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .query({ ref: "main" })
      .reply(404, { message: "Not Found" })
      .get("/repos/acme/canteen/contents/.github%2Fplan.yaml")
      .query({ ref: "main" })
      .reply(200, plan);
    const client = createClient({ ...fastClientOptions, log: memoryLog() });
    expect(await readPlanFile({ client, ...repo, ref: "main" })).toEqual({
      path: ".github/plan.yaml",
      text: plan,
      ref: "main",
    });
    githubNock()
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .reply(404, { message: "Not Found" })
      .get("/repos/acme/canteen/contents/.github%2Fplan.yaml")
      .reply(404, { message: "Not Found" });
    expect(await readPlanFile({ client, ...repo })).toBeNull();
  });

  it("decodes a base64 JSON answer and explains a permission error", async () => {
    githubNock()
      .get("/repos/acme/canteen/contents/plan.yml")
      .reply(200, {
        type: "file",
        encoding: "base64",
        content: Buffer.from(plan).toString("base64"),
      })
      .get("/repos/acme/canteen/contents/secret.yml")
      .reply(403, { message: "Resource not accessible by integration" });
    const client = createClient({ ...fastClientOptions, log: memoryLog() });
    expect((await readPlanFile({ client, ...repo, path: "plan.yml" }))?.text).toBe(plan);
    await expect(readPlanFile({ client, ...repo, path: "secret.yml" })).rejects.toThrow(
      /permission contents: read/,
    );
  });
});
