import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/render/check-content.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { exampleReport } from "./support.ts";

const firstLine = (text: string) => text.split("\n")[0] ?? "";

/** The check run's title, the Markdown report and the terminal report word a verdict once. */
describe("one verdict, one wording", () => {
  it("a regression reads the same in the check run's title and in both reports", () => {
    const report = exampleReport(40);
    const pr = report.pullRequest;
    if (!pr) throw new Error("no pull request");
    pr.achieves = [];
    pr.regresses = ["requirements-approved"];
    const sentence = "Requirements approved is no longer achieved after merging";
    expect(checkContent(report).title).toBe(sentence);
    expect(firstLine(renderText(report))).toBe(`⚠️ ${sentence}`);
    expect(firstLine(renderMarkdown(report))).toBe(
      "⚠️ **Requirements approved** is no longer achieved after merging",
    );
  });

  it("the repository's status titles the check run as it opens the reports", () => {
    const report = exampleReport();
    const sentence = "1 of 3 milestones achieved · 1 overdue · 1 at risk · 8 planned changes";
    expect(checkContent(report).title).toBe(sentence);
    expect(firstLine(renderText(report))).toBe(`⏰ ${sentence}`);
  });

  it("an invalid plan's title is the reports' sentence without the advice", () => {
    const report = exampleReport();
    report.plan.valid = false;
    report.plan.findings = [{ severity: "error", line: 1, column: 1, message: "x" }];
    expect(checkContent(report).title).toBe(
      "The plan examples/canteen/plan.yml is invalid (1 error)",
    );
    expect(firstLine(renderText(report))).toBe(
      "❌ The plan examples/canteen/plan.yml is invalid (1 error); nothing is evaluated or synced until it is fixed",
    );
  });

  it("a pull request serving deliverables says which, in title and report", () => {
    const report = exampleReport(40);
    const pr = report.pullRequest;
    if (!pr) throw new Error("no pull request");
    pr.achieves = [];
    const title = checkContent(report).title;
    expect(title).toMatch(/^Serves 1 deliverable of Prototype completed/);
    expect(firstLine(renderText(report))).toBe(`✅ ${title}`);
  });
});
