/**
 * "What merging changes" in a pull request's report, and the compact report of a pull
 * request the plan has nothing to say about.
 */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { EXAMPLE_PLAN, examplePlanText, exampleSnapshot } from "./support.ts";

function reportWith(headChecks: Record<string, string>) {
  const snapshot = exampleSnapshot();
  const pr = snapshot.pullRequests.find((p) => p.number === 40);
  if (!pr) throw new Error("no #40");
  Object.assign(pr, { headChecks });
  return buildReport({ planText: examplePlanText(), planPath: EXAMPLE_PLAN, snapshot, pr: 40 });
}

describe("what merging changes", () => {
  it("names, right under the verdict, the criteria the merge meets and those that stay unmet", () => {
    const report = reportWith({ test: "failure", lint: "success" });
    const change = report.pullRequest?.mergeChanges?.[0];
    expect(change?.milestone).toBe("prototype-done");
    expect(change?.meets.map((c) => c.name)).toEqual([
      "All issues closed (min 2)",
      "Pull requests merged, 1 approval each",
    ]);
    expect(change?.unmet.map((c) => c.name)).toEqual(["Checks pass: test, lint"]);
    const md = renderMarkdown(report);
    const [verdict, , section] = md.split("\n\n");
    expect(verdict).not.toContain("achieves");
    expect(section).toBe("### What merging changes");
    expect(md).toContain(
      "**Prototype completed**: merging meets 2 of 3 unmet criteria; 1 stays unmet.",
    );
    expect(md).toMatch(/- ⬜ still unmet: Queue display module: Checks pass: test, lint — .*test/);
  });

  it("the terminal report says the same, under the pull request", () => {
    const text = renderText(reportWith({ test: "failure", lint: "success" }));
    const lines = text.split("\n");
    const at = lines.indexOf("What merging changes");
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith("Pull request #40")));
    expect(lines.slice(at + 1, at + 5)).toEqual([
      "  Prototype completed: merging meets 2 of 3 unmet criteria; 1 stays unmet.",
      "    ✔ met by merging: Queue display module: All issues closed (min 2) — 2 of 2 issues closed",
      "    ✔ met by merging: Queue display module: Pull requests merged, 1 approval each — 1 of 1 pull request merged (#40)",
      expect.stringMatching(
        /^ {4}✘ still unmet: Queue display module: Checks pass: test, lint — .*test/,
      ),
    ]);
  });

  it("an unlinked pull request gets its warning, how to link it, and the plan folded away", () => {
    const snapshot = exampleSnapshot();
    const report = buildReport({
      planText: examplePlanText(),
      planPath: EXAMPLE_PLAN,
      snapshot,
      pr: 41,
    });
    expect(report.pullRequest?.warnings.map((w) => w.code)).toContain("unlinked");
    const md = renderMarkdown(report);
    const beforeDetails = md.slice(0, md.indexOf("<details>"));
    expect(beforeDetails).toContain("**Unlinked**");
    expect(beforeDetails).toContain("`Closes #N`");
    expect(beforeDetails).toMatch(/`deliverable:[a-z-]+`/);
    expect(beforeDetails).not.toContain("### Milestones");
    expect(md).toMatch(
      /<details><summary>Plan status<\/summary>\n\n### Milestones[\s\S]*<\/details>\n$/,
    );
  });

  it("an already-done pull request gets the compact report too; one that achieves something does not", () => {
    const report = reportWith({ test: "success", lint: "success" });
    const pr = report.pullRequest;
    if (!pr) throw new Error("no pull request");
    expect(renderMarkdown(report)).not.toContain("<details><summary>Plan status");
    pr.achieves = [];
    pr.warnings = [
      { code: "already-done", level: "warn", message: "Everything it serves is already done." },
    ];
    const md = renderMarkdown(report);
    expect(md.slice(0, md.indexOf("<details>"))).toContain("**How to link it**");
    expect(md).toContain("<details><summary>Plan status</summary>");
  });
});
