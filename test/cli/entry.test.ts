/**
 * src/cli/main.ts run as a program (what `npm run demo` and `npm run plan-align` do): it
 * wires itself to the real process — output, and the exit code through process.exitCode.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
/**
 * Node's on-disk compile cache (stripped TypeScript and compiled code) for the runs below:
 * the same program starts five times, and only the first pays for compiling it.
 */
const COMPILE_CACHE = join(ROOT, "node_modules/.cache/node-compile");

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    ["--experimental-strip-types", "--no-warnings", "src/cli/main.ts", ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", NODE_COMPILE_CACHE: COMPILE_CACHE, ...env },
    },
  );
}

describe("src/cli/main.ts as the entry point", () => {
  it("prints the demo's terminal report and exits 0", () => {
    const r = cli([
      "report",
      "--plan",
      "examples/canteen/plan.yml",
      "--snapshot",
      "examples/canteen/snapshot.json",
      "--pr",
      "40",
      "--format",
      "text",
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("🎯 Merging this achieves Prototype completed");
    expect(r.stderr).toBe("");
  });

  it("run as `npm run plan-align` from another directory, reads paths relative to that directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-align-cwd-"));
    mkdirSync(join(dir, ".github"));
    copyFileSync(join(ROOT, "examples/canteen/plan.yml"), join(dir, ".github/plan.yml"));
    copyFileSync(join(ROOT, "examples/canteen/plan.yml"), join(dir, "only-here.yml"));
    // What npm sets when `npm --prefix <repo> run plan-align` is typed in `dir`.
    const npm = {
      npm_lifecycle_event: "plan-align",
      npm_package_name: "plan-align",
      INIT_CWD: dir,
    };
    const byDefault = cli(["validate"], npm);
    expect(byDefault.stderr).toContain(".github/plan.yml: valid");
    expect(byDefault.status).toBe(0);
    expect(cli(["validate", "--plan", "only-here.yml"], npm).status).toBe(0);
    // Another script's run (or none) keeps the process's own directory, the repository.
    const other = cli(["validate", "--plan", "only-here.yml"], {
      ...npm,
      npm_lifecycle_event: "lint",
    });
    expect(other.status).toBe(2);
    expect(other.stderr).toContain(
      `cannot read the plan file only-here.yml: no such file. Check the path (relative to ${ROOT})`,
    );
  });

  it("exits with the command's code", () => {
    const r = cli(["validate", "--plan", "does-not-exist.yml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot read the plan file does-not-exist.yml");
  });
});
