/**
 * Faults through nock (GitHub's real host name, every request contract-checked): a 401 is not
 * retried and its error carries no token. Reset connections and hung replies are in
 * sync-faults.test.ts, injected into the client's fetch: through nock 15 and Node's fetch,
 * replyWithError does not reject (the request hangs until the client's timeout aborts it)
 * and delay() raced the abort unreliably, so neither made a test that could not flake.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.ts";
import { readPlanFile } from "../../src/github/read-plan.ts";
import { memoryLog } from "../support/memory-log.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";
import { TOKEN } from "./support.ts";

const PLAN_PATH = "/repos/acme/canteen/contents/.github%2Fplan.yml";
const repo = { owner: "acme", repo: "canteen", path: ".github/plan.yml" };

beforeEach(offline);
afterEach(expectCleanGitHubMocks);

describe("connection faults (nock)", () => {
  it("401 Bad credentials: not retried, the error names the file and GitHub's answer, not the token", async () => {
    githubNock().get(PLAN_PATH).reply(401, { message: "Bad credentials" });
    const log = memoryLog();
    const client = createClient({ ...fastClientOptions, token: TOKEN, log });
    const error = await readPlanFile({ client, ...repo }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/401/);
    expect((error as Error).message).not.toContain(TOKEN);
    expect(log.lines.join("\n")).not.toContain(TOKEN);
  });
});
