/**
 * `already-done` (polishing): only when a pull request serves at least one deliverable and
 * every one of them is already done in a milestone already achieved (before the merge).
 */
import { describe, expect, it } from "vitest";
import { evaluatePullRequest } from "../../src/evaluate/pull-request.ts";
import { evaluateRepository } from "../../src/evaluate/repository.ts";
import type { PullRequestReport } from "../../src/model/report.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { plan, snapshot } from "../support/builders.ts";

/** "shipped" is achieved (its deliverable "a" done); "open" is not ("b" done, "c" not). */
function judge(labels: string[], level?: "warn" | "fail" | "ignore"): PullRequestReport {
  const p = plan({
    milestones: [
      { id: "shipped", title: "Shipped", due: "2026-06-01", deliverables: ["a"] },
      { id: "open", title: "Open", due: "2026-06-01", deliverables: ["b", "c"] },
    ],
    deliverables: [
      { id: "a", title: "Alpha", criteria: [{ issues: "closed" }] },
      { id: "b", title: "Beta", criteria: [{ issues: "closed" }] },
      { id: "c", title: "Gamma", criteria: [{ issues: "closed" }] },
      { id: "u", title: "Unscheduled", criteria: [{ issues: "closed" }] },
    ],
    ...(level ? { settings: { pull_requests: { already_done: level } } } : {}),
  });
  const closed = (n: number, label: string) => ({
    number: n,
    title: `i${n}`,
    state: "closed",
    stateReason: "completed",
    labels: [label],
  });
  const s = snapshot({
    issues: [
      closed(1, "deliverable:a"),
      closed(2, "deliverable:b"),
      { number: 3, title: "i3", state: "open", labels: ["deliverable:c"] },
      closed(4, "deliverable:u"),
    ],
    pullRequests: [{ number: 9, title: "Polish", state: "open", labels }],
  });
  const current = evaluateRepository({ plan: p, snapshot: s });
  return evaluatePullRequest({ plan: p, snapshot: s, number: 9, planPath: "p.yml", current });
}

const codes = (r: PullRequestReport) => r.warnings.map((w) => w.code);

describe("already-done", () => {
  it.each([
    ["a deliverable done in an achieved milestone", ["deliverable:a"], true],
    [
      "one done in an achieved milestone and one still open",
      ["deliverable:a", "deliverable:c"],
      false,
    ],
    ["a done deliverable in a milestone not achieved", ["deliverable:b"], false],
    ["a done deliverable in no milestone", ["deliverable:u"], false],
    ["nothing (unlinked instead)", [], false],
  ])("serving %s → warning: %s", (_what, labels, expected) => {
    expect(codes(judge(labels)).includes("already-done")).toBe(expected);
  });

  it("says what is done and asks the question, as a warning by default (neutral)", () => {
    const r = judge(["deliverable:a"]);
    expect(r.warnings).toEqual([
      {
        code: "already-done",
        level: "warn",
        message:
          'Every deliverable this serves is already done: "Alpha" — is this maintenance, or effort past the point of value?',
      },
    ]);
    expect(r.conclusion).toBe("neutral");
    expect(r.aligned).toBe(true);
  });

  it("follows settings.pull_requests.already_done", () => {
    const failing = judge(["deliverable:a"], "fail");
    expect(failing.warnings.map((w) => [w.code, w.level])).toEqual([["already-done", "fail"]]);
    expect(failing.conclusion).toBe("failure");
    const ignored = judge(["deliverable:a"], "ignore");
    expect(ignored.warnings).toEqual([]);
    expect(ignored.conclusion).toBe("success");
  });

  it("is one line of the check run's Markdown", () => {
    const report = buildReport({
      planText: `version: 1
milestones: [{ id: m, title: M, due: 2026-06-01, deliverables: [a] }]
deliverables: [{ id: a, title: Alpha, criteria: [{ issues: closed }] }]
`,
      planPath: "p.yml",
      snapshot: snapshot({
        milestones: [{ number: 1, title: "M", state: "closed", dueOn: "2026-06-01" }],
        issues: [
          {
            number: 1,
            title: "x",
            state: "closed",
            stateReason: "completed",
            labels: ["deliverable:a"],
          },
        ],
        pullRequests: [{ number: 9, title: "Tweak", state: "open", labels: ["deliverable:a"] }],
      }),
      pr: 9,
    });
    expect(renderMarkdown(report)).toContain(
      '- ⚠️ **Already done**: Every deliverable this serves is already done: "Alpha" — is this maintenance, or effort past the point of value?\n',
    );
  });
});
