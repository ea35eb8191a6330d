/**
 * Control characters from a plan or a pull request (CR, LF, BEL, ESC, bidi overrides) are
 * shown escaped (`\n`, `\u001b`) wherever plan-align writes text for people: a line break in
 * a plan value must not print a forged `.github/plan.yml:1:1: warning:` line in `validate`,
 * in `report --format text`, in the check run's Markdown or annotations, in the dashboard,
 * or in the Action's workflow-command annotations and log.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { visible } from "../../src/model/visible-text.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { renderHtml } from "../../src/render/html.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { reviewBody } from "../../src/render/review-issue-body.ts";
import { refusalComment } from "../../src/render/review-refusal-comment.ts";
import { parseSnapshot } from "../../src/snapshot/read.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import {
  baseRepo,
  harness,
  mockCheckRun,
  mockFile,
  mockGraphQL,
  PLAN_TEXT,
  pullRequestEvent,
} from "../action/harness.ts";
import { expectCleanGitHubMocks, offline } from "../support/nock.ts";

/** Any control character but the line feed that separates lines. */
const RAW_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A line that starts (after list or table markup) like a finding plan-align did not write. */
const FORGED = /^[\s\-|`*>]*\.github\/plan\.yml:[12]:1: (warning|error): forged/;

function expectNoForgery(text: string): void {
  expect(text).not.toMatch(RAW_CONTROL);
  expect(text.split("\n").filter((line) => FORGED.test(line))).toEqual([]);
}

/** Valid; its titles carry line breaks, ESC, BEL and a right-to-left override. */
const PLAN = `version: 1
milestones:
  - id: m
    title: "Real\\n.github/plan.yml:1:1: warning: forged title\\u001b[31m\\u202e"
    due: 2026-01-01
    deliverables: [d]
deliverables:
  - id: d
    title: "D\\r\\n.github/plan.yml:2:1: error: forged deliverable\\u0007"
    paths: ["docs/**"]
    criteria:
      - file: docs/a.md
`;

/** Invalid: an unknown deliverable whose id forges a finding line. */
const HEAD_PLAN = `version: 1
milestones:
  - id: m
    title: M
    due: 2026-01-01
    deliverables: ["nope\\n.github/plan.yml:1:1: warning: forged ref\\u0007"]
`;

const PR_TITLE = "Fix\n.github/plan.yml:1:1: warning: forged pr title\u001b]0;owned\u0007";

function snapshotJson(): string {
  return JSON.stringify({
    version: 1,
    repository: "acme/canteen",
    defaultBranch: "main",
    fetchedAt: "2026-03-01T12:00:00Z",
    pullRequests: [
      {
        number: 7,
        title: PR_TITLE,
        state: "open",
        headRef: "evil\n.github/plan.yml:1:1: warning: forged branch",
        changedFiles: [".github/plan.yml", "docs/x\n.github/plan.yml:2:1: error: forged path.md"],
        headFiles: { ".github/plan.yml": HEAD_PLAN },
      },
    ],
  });
}

async function cli(argv: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function tempRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "plan-align-controls-"));
  writeFileSync(join(dir, "plan.yml"), PLAN);
  writeFileSync(join(dir, "head.yml"), HEAD_PLAN);
  writeFileSync(join(dir, "snapshot.json"), snapshotJson());
  return dir;
}

function report() {
  const parsed = parseSnapshot({ text: snapshotJson(), path: "snapshot.json" });
  if (!parsed.ok) throw new Error(parsed.error);
  return buildReport({
    planText: PLAN,
    planPath: ".github/plan.yml",
    snapshot: parsed.snapshot,
    pr: 7,
  });
}

describe("visible", () => {
  it("escapes C0, DEL, C1, line separators and bidi controls, and nothing else", () => {
    expect(visible("a\nb\r\tc\u0007\u001b[2J\u007f\u0085\u2028\u202e\u2066é €")).toBe(
      String.raw`a\nb\r\tc\u0007\u001b[2J\u007f\u0085\u2028\u202e\u2066é €`,
    );
    expect(visible(visible("x\ny"))).toBe(String.raw`x\ny`);
  });
});

describe("the CLI", () => {
  it("validate: a line break in a plan value shows as \\n, every line is a real finding", async () => {
    const dir = tempRepo();
    const r = await cli(["validate", "--plan", "head.yml"], dir);
    expect(r.code).toBe(1);
    expectNoForgery(r.stdout);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^head\.yml:\d+:\d+: (error|warning): /);
    expect(r.stdout).toContain(String.raw`"nope\n.github/plan.yml:1:1: warning: forged ref\u0007"`);
  });

  it("report --format text: titles, the pull request's title and its head plan's findings stay on their lines", async () => {
    const dir = tempRepo();
    const r = await cli(
      [
        "report",
        "--plan",
        "plan.yml",
        "--snapshot",
        "snapshot.json",
        "--pr",
        "7",
        "--format",
        "text",
      ],
      dir,
    );
    expect(r.stderr).toBe("");
    expectNoForgery(r.stdout);
    expect(r.stdout).toContain(
      String.raw`Real\n.github/plan.yml:1:1: warning: forged title\u001b[31m\u202e`,
    );
    expect(r.stdout).toContain(
      String.raw`Fix\n.github/plan.yml:1:1: warning: forged pr title\u001b]0;owned\u0007`,
    );
    expect(r.stdout).toContain(
      String.raw`D\r\n.github/plan.yml:2:1: error: forged deliverable\u0007`,
    );
    expect(r.stdout).toContain(String.raw`forged ref\u0007`);
  });
});

describe("Markdown", () => {
  // Inline Markdown text is one line: a line break folds into a space (as Markdown folds it
  // in a paragraph); the other control characters show escaped, their backslash escaped too.
  it("the check run's summary: titles stay on their line, ESC, BEL and bidi shown escaped", () => {
    const md = renderMarkdown(report());
    expectNoForgery(md);
    expect(md).toContain(
      String.raw`Real .github/plan.yml:1:1: warning: forged title\\u001b\[31m\\u202e`,
    );
    expect(md).toContain(
      String.raw`Fix .github/plan.yml:1:1: warning: forged pr title\\u001b\]0;owned\\u0007`,
    );
    // A finding's message is plan-align's sentence, the plan value in it already escaped.
    expect(md).toContain(String.raw`"nope\\n.github/plan.yml:1:1: warning: forged ref\\u0007"`);
  });

  it("the dashboard issue body likewise", () => {
    const body = renderDashboard({ report: { ...report(), pullRequest: undefined } });
    expectNoForgery(body);
    expect(body).toContain(
      String.raw`Real .github/plan.yml:1:1: warning: forged title\\u001b\[31m`,
    );
    expect(body).toContain(String.raw`D .github/plan.yml:2:1: error: forged deliverable\\u0007`);
  });
});

describe("HTML", () => {
  it("report --format html: control characters shown escaped (XML forbids most of them)", () => {
    const page = renderHtml(report());
    expect(page.replace(/[\t\r]/g, "")).not.toMatch(RAW_CONTROL);
    expect(page).toContain(String.raw`forged title\u001b[31m\u202e`);
  });
});

describe("the Action", () => {
  beforeEach(() => offline());
  afterEach(() => {
    expectCleanGitHubMocks();
    nock.abortPendingRequests();
  });

  const pr = pullRequestEvent("opened");

  function run(params: { checkRunStatus?: number }) {
    const h = harness({ event: pr });
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
    mockGraphQL(
      h.gh,
      baseRepo({
        pullRequests: [
          {
            number: pr.number,
            title: PR_TITLE,
            headSha: pr.headSha,
            baseRef: pr.baseRef,
            changedFiles: [".github/plan.yml"],
            headFiles: { ".github/plan.yml": HEAD_PLAN },
          },
        ],
      }),
    );
    mockCheckRun(h, params.checkRunStatus ? { status: params.checkRunStatus } : {});
    return h;
  }

  it("check run: title, summary and annotations carry the escapes, not the characters", async () => {
    const h = run({});
    await h.run();
    const output = h.checkRuns[0]?.body.output;
    if (!output) throw new Error("no check run");
    const annotations = output.annotations ?? [];
    expect(annotations.length).toBeGreaterThan(0);
    for (const text of [output.title, output.summary, ...annotations.map((a) => a.message)]) {
      expectNoForgery(text);
    }
    expect(annotations.map((a) => a.message).join("\n")).toContain(
      String.raw`nope\n.github/plan.yml:1:1: warning: forged ref\u0007`,
    );
    for (const line of [...h.core.log, h.core.summary]) expectNoForgery(line);
  });

  it("a read-only token (fork): the workflow-command annotations and the log likewise", async () => {
    const h = run({ checkRunStatus: 403 });
    await h.run();
    const messages = h.core.annotations.map((a) => a.message);
    expect(messages.join("\n")).toContain(String.raw`forged ref\u0007`);
    for (const text of [...messages, ...h.core.log, h.core.summary, ...h.core.failed]) {
      expectNoForgery(text);
    }
  });
});

describe("issue bodies and comments plan-align writes", () => {
  const title = "Ship\n.github/plan.yml:1:1: warning: forged @everyone <img src=x>\u001b[31m";

  it("the review issue: the milestone title and evidence escaped, the approvers mentioned", () => {
    const body = reviewBody({
      action: {
        type: "open-review",
        milestone: "m",
        number: 1,
        title: `Milestone review: ${title}`,
        approvers: ["alice"],
        evidence: [`D: PR #7 merged (${PR_TITLE})`],
      },
      milestoneTitle: title,
    });
    expectNoForgery(body);
    expect(body).toContain("Ship .github/plan.yml:1:1: warning: forged @" + "\u200b");
    expect(body).not.toMatch(/@everyone|(?<!\\)<img/);
    expect(body).toContain("Approvers: @alice.");
    expect(body).toContain(String.raw`forged pr title\\u001b\]0;owned\\u0007`);
  });

  it("the comment on a review closed by a non-approver", () => {
    const comment = refusalComment(
      { issue: 3, closedBy: "mallory", milestoneTitle: title, approvers: ["alice"] },
      "<!-- marker -->",
    );
    expectNoForgery(comment);
    expect(comment).not.toMatch(/@everyone|(?<!\\)<img/);
  });
});
