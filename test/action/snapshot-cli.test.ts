/** `plan-align snapshot`: the Action's loader from the command line. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runSnapshot } from "../../src/cli/snapshot.ts";
import { expectCleanGitHubMocks, githubNock, offline } from "../support/nock.ts";
import {
  answerGraphQL,
  baseRepo,
  fakeRepo,
  mockFile,
  mockGraphQL,
  NAME,
  OWNER,
  PLAN_TEXT,
} from "./harness.ts";

function io(env: Record<string, string | undefined>, cwd = process.cwd()) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: (t: string) => {
        out.stdout += t;
      },
      stderr: (t: string) => {
        out.stderr += t;
      },
      env,
      cwd,
    },
  };
}

beforeEach(() => offline());
afterEach(() => {
  expectCleanGitHubMocks();
  nock.abortPendingRequests();
});

describe("plan-align snapshot", () => {
  it("says how to provide GITHUB_TOKEN when it is missing (exit 2)", async () => {
    const t = io({});
    expect(await runSnapshot(["--repo", "o/r"], t.io)).toBe(2);
    expect(t.out.stderr).toContain("GITHUB_TOKEN is not set");
    expect(t.out.stdout).toBe("");
  });

  it("refuses a malformed --repo or --pr with usage (exit 2)", async () => {
    const t = io({ GITHUB_TOKEN: "x" });
    expect(await runSnapshot(["--repo", "just-a-name"], t.io)).toBe(2);
    expect(t.out.stderr).toContain('--repo "just-a-name" is not OWNER/NAME');
    expect(await runSnapshot(["--repo", "o/r", "--pr", "twelve"], t.io)).toBe(2);
    expect(t.out.stderr).toContain('--pr "twelve" is not a pull request number');
  });

  it("reads the plan from the pull request's base branch and prints the snapshot with it", async () => {
    const scope = githubNock();
    scope.get(`/repos/${OWNER}/${NAME}/pulls/5`).reply(200, { number: 5, base: { ref: "master" } });
    mockFile(scope, { path: ".github/plan.yml", ref: "master", text: PLAN_TEXT });
    mockGraphQL(
      scope,
      baseRepo({
        pullRequests: [
          { number: 5, headSha: "a".repeat(40), baseRef: "master", changedFiles: ["README.md"] },
        ],
      }),
    );
    const t = io({ GITHUB_TOKEN: "x" });
    expect(await runSnapshot(["--repo", `${OWNER}/${NAME}`, "--pr", "5"], t.io)).toBe(0);
    const snapshot = JSON.parse(t.out.stdout);
    expect(snapshot).toMatchObject({
      version: 1,
      repository: `${OWNER}/${NAME}`,
      defaultBranch: "master",
    });
    expect(snapshot.files["docs/requirements/README.md"]).toContain("# Introduction");
    expect(
      snapshot.pullRequests.find((p: { number: number }) => p.number === 5)?.changedFiles,
    ).toEqual(["README.md"]);
  });

  it("judges a pull request into another branch by that branch's plan, like the Action", async () => {
    const scope = githubNock();
    scope
      .get(`/repos/${OWNER}/${NAME}/pulls/5`)
      .reply(200, { number: 5, base: { ref: "release-1" } });
    mockFile(scope, { path: ".github/plan.yml", ref: "release-1", text: PLAN_TEXT });
    mockGraphQL(
      scope,
      baseRepo({
        pullRequests: [
          { number: 5, headSha: "b".repeat(40), baseRef: "release-1", changedFiles: ["a.md"] },
        ],
      }),
    );
    const t = io({ GITHUB_TOKEN: "x" });
    expect(await runSnapshot(["--repo", `${OWNER}/${NAME}`, "--pr", "5"], t.io)).toBe(0);
    expect(JSON.parse(t.out.stdout).files["docs/requirements/README.md"]).toContain(
      "# Introduction",
    );
  });

  it("says so when the pull request does not exist (exit 2)", async () => {
    githubNock().get(`/repos/${OWNER}/${NAME}/pulls/99`).reply(404, { message: "Not Found" });
    const t = io({ GITHUB_TOKEN: "x" });
    expect(await runSnapshot(["--repo", `${OWNER}/${NAME}`, "--pr", "99"], t.io)).toBe(2);
    expect(t.out.stderr).toContain("has no pull request #99");
    expect(t.out.stdout).toBe("");
  });

  it("uses a local --plan file instead of the repository's, and GITHUB_API_URL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-align-snap-"));
    writeFileSync(join(dir, "plan.yml"), PLAN_TEXT);
    // GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql.
    githubNock("https://ghe.example.com")
      .post("/api/graphql")
      .reply(200, async (req: Request) => answerGraphQL(fakeRepo(baseRepo()), await req.text()));
    const t = io({ GITHUB_TOKEN: "x", GITHUB_API_URL: "https://ghe.example.com/api/v3" }, dir);
    expect(await runSnapshot(["--repo", `${OWNER}/${NAME}`, "--plan", "plan.yml"], t.io)).toBe(0);
    expect(JSON.parse(t.out.stdout).planPath).toBe("plan.yml");
  });
});
