/** `plan-align sync` driven in-process; GitHub answered by nock (contract-checked). */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { runSync } from "../../src/cli/sync.ts";
import { expectCleanGitHubMocks, githubNock, offline } from "../support/nock.ts";

function io(env: Record<string, string | undefined> = { GITHUB_TOKEN: "t" }) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { GITHUB_API_URL: "https://api.github.com", ...env },
    cwd: process.cwd(),
  };
  return { value, out: () => out.join(""), err: () => err.join("") };
}

beforeEach(() => offline());
afterEach(() => expectCleanGitHubMocks());

describe("plan-align sync", () => {
  it("exits 2 with the usage when --repo is missing or malformed", async () => {
    for (const argv of [[], ["--repo", "acme"], ["--repo", "acme/canteen", "--bogus"]]) {
      const t = io();
      expect(await runSync(argv, t.value)).toBe(2);
      expect(t.err()).toContain(
        "usage: plan-align sync --repo OWNER/NAME [--dry-run] [--plan FILE]",
      );
    }
  });

  it("exits 2 and says how to get a token when GITHUB_TOKEN is not set", async () => {
    const t = io({ GITHUB_TOKEN: undefined });
    expect(await runSync(["--repo", "acme/canteen", "--dry-run"], t.value)).toBe(2);
    expect(t.err()).toContain("GITHUB_TOKEN is not set");
  });

  it("exits 2 when the repository has no plan, naming where it looked", async () => {
    githubNock()
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .reply(404, { message: "Not Found" })
      .get("/repos/acme/canteen/contents/.github%2Fplan.yaml")
      .reply(404, { message: "Not Found" });
    const t = io();
    expect(await runSync(["--repo", "acme/canteen", "--dry-run"], t.value)).toBe(2);
    expect(t.err()).toContain(
      "acme/canteen has no plan on its default branch (.github/plan.yml, .github/plan.yaml)",
    );
    expect(t.out()).toBe("");
  });

  it("exits 1 on an invalid plan, printing each finding with its position, and syncs nothing", async () => {
    githubNock()
      .get("/repos/acme/canteen/contents/.github%2Fplan.yml")
      .reply(
        200,
        "version: 1\nmilestones:\n  - id: m\n    title: M\n    due: 2026-02-30\n    deliverables: [nope]\n",
      );
    const t = io();
    expect(await runSync(["--repo", "acme/canteen"], t.value)).toBe(1);
    expect(t.err()).toMatch(/^\.github\/plan\.yml:6:20: error: .*"nope"/m);
    expect(t.err()).toContain(".github/plan.yml is invalid; nothing synced");
  });

  it("exits 2 when a local --plan file does not exist", async () => {
    const t = io();
    expect(
      await runSync(["--repo", "acme/canteen", "--plan", "no/such/plan.yml", "--dry-run"], t.value),
    ).toBe(2);
    expect(t.err()).toContain("cannot read the plan no/such/plan.yml: no such file");
  });
});
