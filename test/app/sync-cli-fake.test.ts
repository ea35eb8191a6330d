/** `plan-align sync` against the stateful fake GitHub: the dry run changes nothing, the real run does. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { runSync } from "../../src/cli/sync.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";
import { SPEC_PLAN } from "../support/spec-plan.ts";

/** Loopback only (the fake GitHub, the App); anything else fails the file. */
offlineFile();

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "canteen",
        files: { ".github/plan.yml": SPEC_PLAN },
        issues: [{ number: 3, labels: ["deliverable:spec"] }],
      },
    ],
  });
});
afterEach(async () => {
  await gh.close();
});

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { GITHUB_TOKEN: "t", GITHUB_API_URL: gh.url },
    cwd: process.cwd(),
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

describe("plan-align sync against a GitHub stand-in", () => {
  it("--dry-run prints the actions and writes nothing", async () => {
    const c = cli();
    expect(await runSync(["--repo", "acme/canteen", "--dry-run"], c.io)).toBe(0);
    expect(c.out()).toContain("acme/canteen (dry run): 3 actions would be applied:");
    expect(c.out()).toContain('create milestone "Spec done" due 2026-03-01');
    expect(c.out()).toContain('create label "deliverable:spec"');
    expect(c.out()).toContain('put issue #3 in milestone "spec-done"');
    expect(gh.writes()).toEqual([]);
  });

  it("applies the actions, prints each result, and a second run has nothing to do", async () => {
    const c = cli();
    expect(await runSync(["--repo", "acme/canteen"], c.io)).toBe(0);
    expect(c.out()).toMatch(/applied +create milestone "Spec done" due 2026-03-01/);
    expect(c.out()).toContain("3 applied, 0 adopted, 0 skipped, 0 failed");
    const repo = gh.repo("acme/canteen");
    expect(repo.milestones.map((m) => [m.title, m.due_on?.slice(0, 10)])).toEqual([
      ["Spec done", "2026-03-01"],
    ]);
    expect(repo.issues.find((i) => i.number === 3)?.milestone).toBe(repo.milestones[0]?.number);

    const again = cli();
    expect(await runSync(["--repo", "acme/canteen"], again.io)).toBe(0);
    expect(again.out()).toBe("acme/canteen: in sync with .github/plan.yml; nothing to do.\n");
  });

  it("exits 1 when an action fails, saying which", async () => {
    gh.fault({
      method: "POST",
      path: "/repos/acme/canteen/milestones",
      status: 403,
      body: { message: "Resource not accessible by integration" },
    });
    const c = cli();
    expect(await runSync(["--repo", "acme/canteen"], c.io)).toBe(1);
    expect(c.out()).toMatch(/failed +create milestone "Spec done"/);
    expect(c.out()).toMatch(/[1-9] failed\n$/);
  });
});
