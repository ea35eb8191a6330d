/**
 * The published CLI: `npm pack` yields one self-contained package (the bundled CLI, no
 * dependencies, no tests or sources), which installs into an empty folder with nothing
 * else and runs every command there on Node 22 and on Node 24.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { SPEC_PLAN } from "../support/spec-plan.ts";

const ROOT = join(import.meta.dirname, "../..");
const rootPackage = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

/** Both binaries come from npm ci: the `node` devDependency and test/support/node22. */
const NODES = {
  22: join(ROOT, "test/support/node22/node_modules/node/bin/node"),
  24: join(ROOT, "node_modules/node/bin/node"),
};

interface Packed {
  filename: string;
  files: { path: string }[];
}

let work = "";
let packed: Packed;
let installed = "";
let gh: FakeGitHub;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "plan-align-pack-"));
  const json = execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  [packed] = JSON.parse(json) as Packed[];
  // An empty folder, installed offline: the package must need nothing from the registry.
  installed = join(work, "user");
  execFileSync("mkdir", [installed]);
  writeFileSync(join(installed, "package.json"), '{ "name": "user", "private": true }\n');
  execFileSync(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", join(work, packed.filename)],
    { cwd: installed, stdio: "ignore" },
  );
  copyFileSync(join(ROOT, "examples/canteen/plan.yml"), join(installed, "plan.yml"));
  copyFileSync(join(ROOT, "examples/canteen/snapshot.json"), join(installed, "snapshot.json"));
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
}, 120_000);

afterAll(async () => {
  await gh?.close();
});

/** Runs the installed command (its bin file) on one Node, without blocking the fake GitHub. */
function run(node: string, args: string[]) {
  const bin = join(installed, "node_modules/plan-align/bin/plan-align.js");
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(node, [bin, ...args], {
      cwd: installed,
      env: { PATH: process.env.PATH ?? "", GITHUB_TOKEN: "t", GITHUB_API_URL: gh.url },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("npm pack", () => {
  it("holds the bundled CLI and its documents, nothing else", () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      "CHANGELOG.md",
      "LICENSE",
      "README.md",
      "bin/plan-align.js",
      "dist/cli.js",
      "package.json",
    ]);
  });

  it("is publishable, with no dependencies, and says which Node it needs", () => {
    const pkg = JSON.parse(
      readFileSync(join(installed, "node_modules/plan-align/package.json"), "utf8"),
    );
    expect(pkg.private).toBeUndefined();
    expect(pkg.version).toBe(rootPackage.version);
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.engines).toEqual({ node: ">=22" });
    expect(pkg.bin).toEqual({ "plan-align": "bin/plan-align.js" });
  });

  it("installs into an empty folder without any other package", () => {
    const modules = readdirSync(join(installed, "node_modules")).filter((n) => !n.startsWith("."));
    expect(modules).toEqual(["plan-align"]);
    expect(existsSync(join(installed, "node_modules/.bin/plan-align"))).toBe(true);
  });
});

describe.each([22, 24] as const)("the installed plan-align on Node %i", (major) => {
  const node = NODES[major];

  it("is that Node", () => {
    expect(execFileSync(node, ["--version"], { encoding: "utf8" })).toMatch(
      new RegExp(`^v${major}\\.`),
    );
  });

  it("--version, validate and schema", async () => {
    expect((await run(node, ["--version"])).stdout).toBe(`${rootPackage.version}\n`);
    const valid = await run(node, ["validate", "--plan", "plan.yml"]);
    expect(valid.stderr).toContain("plan.yml: valid");
    expect(valid.status).toBe(0);
    const schema = await run(node, ["schema"]);
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout).$schema).toMatch(/json-schema\.org/);
  });

  it("report, as `npm run demo` prints it, and as JSON", async () => {
    const args = ["report", "--plan", "plan.yml", "--snapshot", "snapshot.json", "--pr", "40"];
    const text = await run(node, [...args, "--format", "text"]);
    expect(text.status).toBe(0);
    expect(text.stdout.split("\n")[0]).toBe("🎯 Merging this achieves Prototype completed");
    const json = await run(node, [...args, "--format", "json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, pullRequest: { number: 40 } });
  });

  it("snapshot and sync --dry-run, against GitHub (a loopback stand-in)", async () => {
    const snapshot = await run(node, ["snapshot", "--repo", "acme/canteen"]);
    expect(snapshot.stderr).toBe("");
    expect(JSON.parse(snapshot.stdout)).toMatchObject({ version: 1, repository: "acme/canteen" });
    const sync = await run(node, ["sync", "--repo", "acme/canteen", "--dry-run"]);
    expect(sync.status).toBe(0);
    expect(sync.stdout).toContain("acme/canteen (dry run): 3 actions would be applied:");
    expect(gh.writes()).toEqual([]);
  });

  it("init writes a starter plan that validates, and never overwrites it", async () => {
    const plan = `init-${major}.yml`;
    expect((await run(node, ["init", "--plan", plan])).status).toBe(0);
    expect((await run(node, ["validate", "--plan", plan])).status).toBe(0);
    const again = await run(node, ["init", "--plan", plan]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("--force");
  });
});
