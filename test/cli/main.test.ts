import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { parseSnapshot } from "../../src/snapshot/read.ts";

const ROOT = join(import.meta.dirname, "../..");
const PLAN = "examples/canteen/plan.yml";
const SNAPSHOT = "examples/canteen/snapshot.json";
const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

async function run(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "plan-align-cli-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const INVALID_PLAN =
  "version: 1\nmilestones:\n  - id: a\n    title: A\n    due: 2026-01-01\n    deliverables: [nope]\n";

describe("plan-align (the tool)", () => {
  it("--help prints the commands and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("usage: plan-align <command> [options]");
    for (const c of ["validate", "schema", "report", "snapshot", "sync"])
      expect(r.stdout).toContain(c);
  });

  it("--version prints the package version", async () => {
    const r = await run(["--version"]);
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it("no command: usage on stderr, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: plan-align");
  });

  it("an unknown command or option: message and usage, exit 2", async () => {
    const cmd = await run(["frobnicate"]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/^plan-align: unknown command "frobnicate"\n\nplan-align/);
    const opt = await run(["--frob"]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("unknown option --frob");
  });

  it("each command has --help (exit 0)", async () => {
    for (const c of ["validate", "schema", "report"]) {
      const r = await run([c, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`usage: plan-align ${c}`);
    }
    expect((await run(["help", "report"])).stdout).toContain("--snapshot FILE");
  });

  it("dispatches snapshot and sync to their commands", async () => {
    const snap = await run(["snapshot", "--repo", "acme/canteen"]);
    expect(snap.code).toBe(2);
    expect(snap.stderr).toContain("plan-align snapshot: GITHUB_TOKEN is not set");
    const sync = await run(["sync", "--repo", "acme/canteen", "--dry-run"]);
    expect(sync.code).toBe(2);
    expect(sync.stderr).toContain("plan-align sync: GITHUB_TOKEN is not set");
  });
});

describe("plan-align validate", () => {
  it("a valid plan: its warnings as FILE:LINE:COL lines, exit 0", async () => {
    const r = await run(["validate", "--plan", PLAN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^examples\/canteen\/plan\.yml:\d+:\d+: warning: deliverable "queue-display" is not traced to an objective/m,
    );
    expect(r.stderr).toBe("examples/canteen/plan.yml: valid (0 errors, 1 warning)\n");
  });

  it("an invalid plan: errors with positions, exit 1", async () => {
    const dir = tempDir({ "plan.yml": INVALID_PLAN });
    const r = await run(["validate", "--plan", "plan.yml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^plan\.yml:6:\d+: error: .*"nope"/m);
    expect(r.stderr).toMatch(/^plan\.yml: invalid \(\d+ errors?, \d+ warnings?\)\n$/);
  });

  it("finds .github/plan.yml, then .github/plan.yaml, under the working directory", async () => {
    const plan = readFileSync(join(ROOT, PLAN), "utf8");
    const yaml = await run(["validate"], { cwd: tempDir({ ".github/plan.yaml": plan }) });
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toMatch(/^\.github\/plan\.yaml:/);
    const both = await run(["validate"], {
      cwd: tempDir({ ".github/plan.yml": plan, ".github/plan.yaml": INVALID_PLAN }),
    });
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/^\.github\/plan\.yml:/);
  });

  it("no plan anywhere: says where it looked and how to fix it, exit 2", async () => {
    const r = await run(["validate"], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no plan found: looked for \.github\/plan\.yml and \.github\/plan\.yaml in .*\. Create one .*, or pass --plan FILE\.\n$/,
    );
  });

  it("a missing file: names it and the fix, exit 2", async () => {
    const r = await run(["validate", "--plan", "nope/plan.yml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^plan-align validate: cannot read the plan file nope\/plan\.yml: no such file\. Check the path/,
    );
  });

  it("an unknown flag or a missing value: message and usage, exit 2", async () => {
    const r = await run(["validate", "--plna", PLAN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("plan-align validate: unknown option --plna");
    expect(r.stderr).toContain("usage: plan-align validate [--plan FILE]");
    const noValue = await run(["validate", "--plan"]);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain("--plan");
  });
});

describe("plan-align schema", () => {
  it("prints the plan's JSON Schema", async () => {
    const r = await run(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.milestones).toBeDefined();
    expect(r.stdout).toBe(
      `${JSON.stringify(JSON.parse(readFileSync(join(ROOT, "schema/plan.schema.json"), "utf8")), null, 2)}\n`,
    );
  });
});

describe("plan-align report", () => {
  it("markdown by default: the check run's summary, exit 0", async () => {
    const r = await run(["report", "--plan", PLAN, "--snapshot", SNAPSHOT, "--pr", "40"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("🎯 Merging this achieves **Prototype completed**");
  });

  it("--format json: DESIGN's field names", async () => {
    const r = await run(["report", "--plan", PLAN, "--snapshot", SNAPSHOT, "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      version: 1,
      repository: "acme/canteen",
      evaluatedAt: "2026-03-27T09:00:00Z",
    });
    expect(report.plan).toMatchObject({ path: PLAN, valid: true });
    expect(report.milestones[0]).toMatchObject({
      id: "requirements-approved",
      achieved: true,
      overdue: false,
      atRisk: false,
      githubMilestone: 1,
      githubState: "open",
      criteria: { met: 3, total: 3 },
    });
    expect(report.actions).toContainEqual(
      expect.objectContaining({
        type: "close-milestone",
        milestone: "requirements-approved",
        number: 1,
      }),
    );
    expect(report.notInPlan).toEqual([{ number: 7, title: "Backlog", state: "open" }]);
    expect(report.pullRequest).toBeUndefined();

    const withPr = JSON.parse(
      (
        await run([
          "report",
          "--plan",
          PLAN,
          "--snapshot",
          SNAPSHOT,
          "--pr",
          "41",
          "--format",
          "json",
        ])
      ).stdout,
    );
    expect(withPr.pullRequest).toMatchObject({
      number: 41,
      aligned: false,
      deliverables: [],
      achieves: [],
      conclusion: "neutral",
      warnings: [expect.objectContaining({ code: "unlinked" })],
    });
  });

  it("--format text: for a terminal", async () => {
    const r = await run(["report", "--plan", PLAN, "--snapshot", SNAPSHOT, "--format", "text"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "✘ Visitor survey completed — due 2026-03-20 — NOT ACHIEVED, overdue by 7 days",
    );
    expect(r.stdout).not.toContain("**");
  });

  it("an invalid plan: the report says so, exit 1", async () => {
    const dir = tempDir({ "plan.yml": INVALID_PLAN });
    const r = await run(
      ["report", "--plan", "plan.yml", "--snapshot", join(ROOT, SNAPSHOT), "--format", "json"],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.plan.valid).toBe(false);
    expect(report.milestones).toEqual([]);
    expect(r.stderr).toContain("plan.yml: invalid");
  });

  it("a bad snapshot: the reader's error as is, exit 2", async () => {
    const text =
      '{ "version": 1, "repository": "a/b", "defaultBranch": "main", "fetchedAt": "yesterday" }';
    const dir = tempDir({ "s.json": text });
    const r = await run(["report", "--plan", join(ROOT, PLAN), "--snapshot", "s.json"], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    const expected = parseSnapshot({ text, path: "s.json" });
    expect(expected.ok).toBe(false);
    if (!expected.ok) expect(r.stderr).toBe(`plan-align report: ${expected.error}\n`);
    expect(r.stdout).toBe("");
  });

  it("a missing snapshot file, a missing --snapshot, a bad --pr or --format: exit 2", async () => {
    const missing = await run(["report", "--plan", PLAN, "--snapshot", "gone.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the snapshot file gone.json: no such file");
    const noSnapshot = await run(["report", "--plan", PLAN]);
    expect(noSnapshot.code).toBe(2);
    expect(noSnapshot.stderr).toContain("--snapshot FILE is required");
    const badPr = await run(["report", "--plan", PLAN, "--snapshot", SNAPSHOT, "--pr", "forty"]);
    expect(badPr.code).toBe(2);
    expect(badPr.stderr).toContain('--pr takes a pull request number, e.g. --pr 40 (got "forty")');
    const badFormat = await run([
      "report",
      "--plan",
      PLAN,
      "--snapshot",
      SNAPSHOT,
      "--format",
      "pdf",
    ]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format takes markdown, json, text, html or svg-badge");
  });

  it("a pull request the snapshot does not hold: how to take one that does, exit 2", async () => {
    const r = await run(["report", "--plan", PLAN, "--snapshot", SNAPSHOT, "--pr", "99"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "pull request #99 is not in the snapshot examples/canteen/snapshot.json. Take a snapshot that includes it: plan-align snapshot --repo acme/canteen --pr 99",
    );
  });
});
