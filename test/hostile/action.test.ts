/**
 * The Action on a pull request whose HEAD carries a hostile plan: it still judges the pull
 * request against the base plan, and posts a readable failure — a check run whose title says
 * the plan is invalid, annotations on the plan's lines, a summary with FILE:LINE:COL lines —
 * never a crash or a stack. Driven through the runner as test/action does (nock, every
 * request contract-checked, every interceptor used).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  baseRepo,
  type Harness,
  harness,
  mockCheckRun,
  mockFile,
  mockGraphQL,
  PLAN_TEXT,
  pullRequestEvent,
} from "../action/harness.ts";
import { expectCleanGitHubMocks, offline } from "../support/nock.ts";
import { HOSTILE_DIR } from "./support.ts";

beforeEach(() => offline());
afterEach(() => {
  expectCleanGitHubMocks();
  nock.abortPendingRequests();
});

const pr = pullRequestEvent("opened");
const fixture = (name: string) => readFileSync(join(HOSTILE_DIR, name), "utf8");

/** Hostile head plans, and the first line a finding must point at. */
const HEAD_PLANS: { name: string; text: string; line: number }[] = [
  { name: "billion laughs", text: fixture("billion-laughs.yml"), line: 8 },
  { name: "duplicate keys", text: fixture("duplicate-keys.yml"), line: 5 },
  { name: "a tab", text: fixture("tabs.yml"), line: 4 },
  { name: "a requires cycle", text: fixture("requires-cycle.yml"), line: 11 },
  { name: "misspelt kinds", text: fixture("misspelt-kinds.yml"), line: 11 },
  { name: "look-alike ids", text: fixture("lookalike-ids.yml"), line: 8 },
  {
    name: "10,000 nested [",
    text: `version: 1\nmilestones: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
    line: 2,
  },
];

function run(text: string): Harness {
  const h = harness({ event: pr });
  mockFile(h.gh, { path: ".github/plan.yml", ref: pr.baseRef, text: PLAN_TEXT });
  mockGraphQL(
    h.gh,
    baseRepo({
      pullRequests: [
        {
          number: pr.number,
          headSha: pr.headSha,
          baseRef: pr.baseRef,
          changedFiles: [".github/plan.yml"],
          headFiles: { ".github/plan.yml": text },
        },
      ],
    }),
  );
  mockCheckRun(h);
  return h;
}

describe("the Action, with a hostile plan at the pull request's head", () => {
  it.each(HEAD_PLANS)(
    "$name: a failing check run with positioned annotations and a readable summary",
    async ({ text, line }) => {
      const h = run(text);
      const outcome = await h.run();

      expect(outcome?.conclusion).toBe("failure");
      const body = h.checkRuns[0]?.body;
      expect(body?.conclusion).toBe("failure");
      expect(body?.output.title).toMatch(/invalid/i);
      const annotations = body?.output.annotations ?? [];
      const failures = annotations.filter((a) => a.annotation_level === "failure");
      expect(failures.length).toBeGreaterThan(0);
      for (const a of annotations) {
        expect(a.path).toBe(".github/plan.yml");
        expect(a.start_line).toBeGreaterThanOrEqual(1);
      }
      expect(failures.map((a) => a.start_line)).toContain(line);
      // The report still judged the pull request against the (valid) base plan.
      const report = h.report();
      expect(report.plan.valid).toBe(true);
      expect(report.pullRequest?.warnings.map((w) => w.code)).toContain("plan-invalid");
      // What a person reads: no stack, no internal error, no raw dump.
      const readable = [body?.output.summary ?? "", h.core.summary, ...h.core.failed].join("\n");
      expect(readable).not.toMatch(/\n\s+at \S+ \(|internal error|\[object Object\]|ZodError/);
      expect(h.core.failed).toHaveLength(1);
      expect(h.core.failed[0]).toMatch(/^plan-align: /);
    },
  );
});
