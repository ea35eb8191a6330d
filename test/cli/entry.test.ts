/**
 * src/cli/main.ts run as a program (what `npm run demo` and `npm run plan-align` do): it
 * wires itself to the real process — output, and the exit code through process.exitCode.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function cli(args: string[]) {
  return spawnSync(
    process.execPath,
    ["--experimental-strip-types", "--no-warnings", "src/cli/main.ts", ...args],
    { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } },
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

  it("exits with the command's code", () => {
    const r = cli(["validate", "--plan", "does-not-exist.yml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot read the plan file does-not-exist.yml");
  });
});
