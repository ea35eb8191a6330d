import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeCheckRun } from "../../src/github/check-run.ts";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { CheckRunForbiddenError } from "../../src/github/types.ts";
import type { Finding } from "../../src/model/findings.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";

const client = () => createClient({ ...fastClientOptions, log: silentLogger });
const base = { owner: "acme", repo: "canteen", name: "plan-align", headSha: "a".repeat(40) };

function finding(i: number, extra: Partial<Finding> = {}): { path: string; finding: Finding } {
  return {
    path: ".github/plan.yml",
    finding: {
      severity: i % 2 ? "warning" : "error",
      line: i + 1,
      column: 3,
      message: `problem ${i}`,
      ...extra,
    },
  };
}

beforeEach(offline);
afterEach(expectCleanGitHubMocks);

describe("writeCheckRun", () => {
  it("sends the first 50 annotations with the create and the rest in updates of the same run", async () => {
    const sent: { method: string; count: number }[] = [];
    githubNock()
      .post("/repos/acme/canteen/check-runs", (body) => {
        sent.push({ method: "POST", count: body.output.annotations.length });
        return body.status === "completed" && body.conclusion === "failure";
      })
      .reply(201, { id: 7, html_url: "https://github.com/acme/canteen/runs/7" })
      .patch("/repos/acme/canteen/check-runs/7", (body) => {
        sent.push({ method: "PATCH", count: body.output.annotations.length });
        return true;
      })
      .times(2)
      .reply(200, { id: 7 });
    const result = await writeCheckRun({
      ...base,
      client: client(),
      title: "Plan invalid",
      summary: "## Report",
      conclusion: "failure",
      annotations: Array.from({ length: 120 }, (_, i) => finding(i)),
    });
    expect(result).toEqual({ id: 7, url: "https://github.com/acme/canteen/runs/7" });
    expect(sent).toEqual([
      { method: "POST", count: 50 },
      { method: "PATCH", count: 50 },
      { method: "PATCH", count: 20 },
    ]);
  });

  it("maps findings to annotation levels and positions, columns only on one line", async () => {
    let annotations: Record<string, unknown>[] = [];
    githubNock()
      .post("/repos/acme/canteen/check-runs", (body) => {
        annotations = body.output.annotations;
        return true;
      })
      .reply(201, { id: 1, html_url: "u" });
    await writeCheckRun({
      ...base,
      client: client(),
      title: "t",
      summary: "s",
      conclusion: "failure",
      annotations: [
        finding(0, { line: 14, column: 9, endColumn: 22, code: "unknown-deliverable" }),
        finding(1, { line: 3, column: 5, endLine: 6, endColumn: 2 }),
      ],
    });
    expect(annotations).toEqual([
      {
        path: ".github/plan.yml",
        start_line: 14,
        end_line: 14,
        start_column: 9,
        end_column: 22,
        annotation_level: "failure",
        message: "problem 0",
        title: "unknown-deliverable",
      },
      {
        path: ".github/plan.yml",
        start_line: 3,
        end_line: 6,
        annotation_level: "warning",
        message: "problem 1",
      },
    ]);
  });

  it("cuts an oversized summary to 65,535 bytes on a character boundary, with a note", async () => {
    let summary = "";
    githubNock()
      .post("/repos/acme/canteen/check-runs", (body) => {
        summary = body.output.summary;
        return true;
      })
      .reply(201, { id: 2, html_url: "u" });
    // 3-byte and 4-byte characters so a naive cut would split one.
    const huge = "€😀".repeat(20_000);
    await writeCheckRun({
      ...base,
      client: client(),
      title: "t",
      summary: huge,
      conclusion: "neutral",
      annotations: [],
    });
    expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(65_535);
    expect(Buffer.byteLength(summary, "utf8")).toBeGreaterThan(65_000);
    expect(summary).not.toContain("\uFFFD");
    expect(summary).toMatch(/cut to GitHub's 65,535-byte limit/);
    expect(huge.startsWith(summary.slice(0, summary.indexOf("\n\n---")))).toBe(true);
  });

  it("turns a 403 (fork pull request, read-only token) into CheckRunForbiddenError", async () => {
    githubNock()
      .post("/repos/acme/canteen/check-runs")
      .reply(403, { message: "Resource not accessible by integration" });
    await expect(
      writeCheckRun({
        ...base,
        client: client(),
        title: "t",
        summary: "s",
        conclusion: "success",
        annotations: [],
      }),
    ).rejects.toBeInstanceOf(CheckRunForbiddenError);
  });
});
