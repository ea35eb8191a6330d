/** The real toolkit adapter, on a step summary file like the runner's. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actionsCore, MAX_STEP_SUMMARY_BYTES } from "../../src/action/core-adapter.ts";

const saved = process.env.GITHUB_STEP_SUMMARY;
// @actions/core keeps the summary file path of its first write, as one runner step has one.
const file = join(mkdtempSync(join(tmpdir(), "plan-align-summary-")), "summary.md");
beforeEach(() => {
  writeFileSync(file, "");
  process.env.GITHUB_STEP_SUMMARY = file;
});
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = saved;
});

describe("actionsCore().writeSummary", () => {
  it("keeps a huge report under GitHub's 1 MiB step-summary limit, saying where the rest is", async () => {
    // 2 MB of multi-byte text: GitHub would drop all of it.
    await actionsCore().writeSummary(`# Report\n${"é".repeat(1_000_000)}`);
    const written = readFileSync(file);
    expect(written.length).toBeLessThanOrEqual(1024 * 1024);
    expect(written.length).toBeLessThanOrEqual(MAX_STEP_SUMMARY_BYTES + 1);
    const text = written.toString("utf8");
    expect(text.startsWith("# Report\n")).toBe(true);
    expect(text).not.toContain("\uFFFD");
    expect(text).toContain("cut to GitHub's 1 MiB limit");
  });

  it("writes a normal report as it is", async () => {
    await actionsCore().writeSummary("## plan-align\n\nAll good.\n");
    expect(readFileSync(file, "utf8")).toBe("## plan-align\n\nAll good.\n\n");
  });
});
