/** `plan-align init`: a starter plan that validates, from the repository's milestones with --repo. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { expectCleanGitHubMocks, githubNock, offline } from "../support/nock.ts";

function io(env: Record<string, string | undefined> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), "plan-align-init-"));
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { GITHUB_API_URL: "https://api.github.com", ...env },
    cwd,
  };
  return { value, cwd, out: () => out.join(""), err: () => err.join("") };
}

beforeEach(() => offline());
afterEach(() => expectCleanGitHubMocks());

describe("plan-align init", () => {
  it("writes .github/plan.yml with the schema comment, and it validates", async () => {
    const t = io();
    expect(await main(["init"], t.value)).toBe(0);
    const text = readFileSync(join(t.cwd, ".github/plan.yml"), "utf8");
    expect(text.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=https://raw.githubusercontent.com/plan-align/plan-align/main/schema/plan.schema.json",
    );
    expect(loadPlan({ text, path: ".github/plan.yml" }).valid).toBe(true);
    expect(t.out()).toContain("wrote .github/plan.yml");
    // And the CLI's own validate agrees.
    expect(await main(["validate", "--plan", ".github/plan.yml"], t.value)).toBe(0);
  });

  it("ends with the settings a team sets first, commented out, and uncommented they are valid", async () => {
    const t = io();
    expect(await main(["init"], t.value)).toBe(0);
    const text = readFileSync(join(t.cwd, ".github/plan.yml"), "utf8");
    expect(text).toContain("#   timezone: Europe/London");
    // Uncommenting the block is all it takes.
    const uncommented = text.replace(/^# (settings:| {2}\w+:.*)$/gm, "$1");
    const loaded = loadPlan({ text: uncommented, path: ".github/plan.yml" });
    expect(loaded.valid).toBe(true);
    // No finding beyond the starter's own (its example objective has no measure yet).
    const before = loadPlan({ text, path: ".github/plan.yml" }).findings.map((f) => f.code);
    expect(loaded.findings.map((f) => f.code)).toEqual(before);
    expect(loaded.plan?.settings).toMatchObject({ timezone: "Europe/London", at_risk_days: 7 });
  });

  it("never overwrites an existing plan without --force (exit 2, saying so)", async () => {
    const t = io();
    const file = join(t.cwd, "plan.yml");
    writeFileSync(file, "mine\n");
    expect(await main(["init", "--plan", "plan.yml"], t.value)).toBe(2);
    expect(t.err()).toContain("plan.yml already exists; nothing written. Pass --force");
    expect(readFileSync(file, "utf8")).toBe("mine\n");
    expect(await main(["init", "--plan", "plan.yml", "--force"], t.value)).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("version: 1");
  });

  it("with --repo, the open milestones become the plan's milestones, each with a deliverable", async () => {
    githubNock()
      .get("/repos/acme/canteen/milestones")
      .query(true)
      .reply(200, [
        {
          number: 3,
          title: 'Beta: it\'s "ready"',
          due_on: "2027-01-10T08:00:00Z",
          description: "a: b\n# not a comment",
          state: "open",
        },
        { number: 4, title: "Someday", due_on: null, description: null, state: "open" },
      ]);
    const t = io({ GITHUB_TOKEN: "t" });
    expect(await main(["init", "--repo", "acme/canteen"], t.value)).toBe(0);
    const text = readFileSync(join(t.cwd, ".github/plan.yml"), "utf8");
    const loaded = loadPlan({ text, path: ".github/plan.yml" });
    expect(loaded.valid).toBe(true);
    const milestones = loaded.plan?.milestones ?? [];
    expect(milestones.map((m) => [m.id, m.title, m.due ?? null])).toEqual([
      ["beta-it-s-ready", 'Beta: it\'s "ready"', "2027-01-10"],
      ["someday", "Someday", null],
    ]);
    expect(milestones[0]?.description).toBe("a: b\n# not a comment");
    expect(milestones.map((m) => m.deliverables.length)).toEqual([1, 1]);
    expect(t.out()).toContain("2 milestones");
  });

  it("with --repo and no token, exits 2 saying how to get one", async () => {
    const t = io();
    expect(await main(["init", "--repo", "acme/canteen"], t.value)).toBe(2);
    expect(t.err()).toContain("needs GITHUB_TOKEN");
  });
});
