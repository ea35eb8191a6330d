/**
 * The Action with a distinctive token: nothing it writes — log lines at every level (debug
 * included), annotations, the failure message, the job summary, the check-run bodies, the
 * outputs and the JSON report — contains the token, on success and when GitHub refuses it.
 * And plan strings full of regular-expression syntax (catastrophic-backtracking patterns in
 * contains, headings, paths and labels) are matched literally, and fast.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import {
  baseRepo,
  harness,
  mockCheckRun,
  mockFile,
  mockGraphQL,
  PLAN_TEXT,
  pullRequestEvent,
  REPO_PATH,
} from "../action/harness.ts";
import { expectCleanGitHubMocks, offline } from "../support/nock.ts";

const TOKEN = "ghs_TESTTOKENaction0123456789abcdefghijkLMNOP";
const pr = pullRequestEvent("opened");

beforeEach(() => offline());
afterEach(() => {
  expectCleanGitHubMocks();
  nock.abortPendingRequests();
});

function everything(h: ReturnType<typeof harness>, debug: string[]): string {
  const report = h.core.outputs.report ? readFileSync(h.core.outputs.report, "utf8") : "";
  return [
    ...h.core.log,
    ...debug,
    ...h.core.failed,
    ...h.core.annotations.map((a) => `${a.message} ${JSON.stringify(a.props)}`),
    h.core.summary,
    JSON.stringify(h.core.outputs),
    JSON.stringify(h.checkRuns),
    report,
  ].join("\n");
}

describe("the Action never writes its token", () => {
  it("on a successful check run", async () => {
    const h = harness({ event: pr, inputs: { token: TOKEN } });
    const debug: string[] = [];
    Object.assign(h.core, {
      debug: (m: string) => {
        debug.push(m);
      },
    });
    h.gh.matchHeader("authorization", `token ${TOKEN}`);
    mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
    mockGraphQL(
      h.gh,
      baseRepo({ pullRequests: [{ number: pr.number, headSha: pr.headSha, baseRef: pr.baseRef }] }),
    );
    mockCheckRun(h);
    await h.run();
    expect(h.checkRuns).toHaveLength(1);
    expect(everything(h, debug)).not.toContain(TOKEN);
    expect(everything(h, debug)).not.toContain(TOKEN.slice(4, 20));
  });

  it("when GitHub refuses the token (401) — the failure is reported, without the token", async () => {
    const h = harness({ event: pr, inputs: { token: TOKEN } });
    const debug: string[] = [];
    Object.assign(h.core, {
      debug: (m: string) => {
        debug.push(m);
      },
    });
    h.gh.get(`${REPO_PATH}/contents/.github%2Fplan.yml`).query(true).reply(401, {
      message: "Bad credentials",
      documentation_url: "https://docs.github.com/rest",
    });
    await h.run();
    expect(h.core.failed.join("\n")).toMatch(/401|Bad credentials/);
    expect(everything(h, debug)).not.toContain(TOKEN);
  });
});

describe("plan strings are never run as regular expressions", () => {
  const PLAN = readFileSync(
    join(import.meta.dirname, "../fixtures/hostile/regex-metacharacters.yml"),
    "utf8",
  );
  const evil = `${"a".repeat(50_000)}!`;

  function snapshot(file: string): Snapshot {
    return {
      version: 1,
      repository: "acme/canteen",
      defaultBranch: "main",
      fetchedAt: "2026-02-01T12:00:00Z",
      milestones: [],
      labels: [],
      issues: [],
      pullRequests: [
        {
          number: 40,
          title: "x",
          state: "open",
          merged: false,
          labels: [],
          milestone: null,
          closingIssues: [],
          approvals: [],
          changedFiles: [`docs/${"a".repeat(5000)}!/x.md`, "docs/(a+)+/notes.md"],
          headSha: "a".repeat(40),
          baseRef: "main",
          headFiles: {},
          headChecks: {},
        },
      ],
      files: { "docs/(a+)+$.md": file },
      checks: {},
    } as Snapshot;
  }

  it("the plan is valid: its regex syntax is just text", () => {
    expect(loadPlan({ text: PLAN, path: "p.yml" }).valid).toBe(true);
  });

  it("contains and headings match literally: the literal strings meet them, lookalike text does not", () => {
    const literal = [
      "# (a+)+$",
      "# ^.*$",
      "# [Introduction",
      "(a+)+$ (x+x+)+y .* \\d+ a{1,100000}",
    ].join("\n");
    const met = buildReport({ planText: PLAN, planPath: "p.yml", snapshot: snapshot(literal) });
    const criteria = met.milestones[0]?.deliverables[0]?.criteria ?? [];
    expect(criteria.map((c) => c.met)).toEqual([true]);

    // Text a regex would match but the literal strings are not in: not met.
    const lookalike = `# aaaa\n# anything\n# Introduction\n${evil} xxxy 123 aaaa`;
    const notMet = buildReport({
      planText: PLAN,
      planPath: "p.yml",
      snapshot: snapshot(lookalike),
    });
    expect(notMet.milestones[0]?.deliverables[0]?.criteria[0]?.met).toBe(false);
  });

  it("ReDoS inputs finish at once (a backtracking regex would take longer than the suite)", () => {
    const start = performance.now();
    const report = buildReport({
      planText: PLAN,
      planPath: "p.yml",
      snapshot: snapshot(`# ${evil}\n${evil}\n`),
      pr: 40,
    });
    // (a+)+$ against 50,000 "a"s and a "!" would never finish; literal matching is instant.
    expect(performance.now() - start).toBeLessThan(5_000);
    // The label and paths are literal too: the PR with "(a+)+" in a path serves via the glob,
    // the 5,000-"a" path does not match "docs/(a+)+/**".
    expect(report.pullRequest?.deliverables).toEqual(["d1"]);
  });
});
