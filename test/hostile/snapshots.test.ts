/**
 * Hostile snapshots through `plan-align report` (in-process): truncated JSON, missing
 * fields, unexpected nulls, wrong types — a clear error naming the file, line, column and
 * JSON path, exit 2, never a stack; labels with emoji and 50-character names, and 10,000
 * issues — evaluated correctly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { runCli } from "./support.ts";

const ROOT = join(import.meta.dirname, "../..");
const EXAMPLE = readFileSync(join(ROOT, "examples/canteen/snapshot.json"), "utf8");
const PLAN = readFileSync(join(ROOT, "examples/canteen/plan.yml"), "utf8");

type Json = Record<string, unknown> & { issues: Record<string, unknown>[] };
const example = (): Json => JSON.parse(EXAMPLE) as Json;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "plan-align-snapshot-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function report(snapshot: string, plan = PLAN, extra: string[] = []) {
  const cwd = workspace({ "plan.yml": plan, "snapshot.json": snapshot });
  return runCli(["report", "--plan", "plan.yml", "--snapshot", "snapshot.json", ...extra], {
    cwd,
  });
}

/** A clear error: exit 2, one message naming the file and a position, no stack. */
function expectClearError(r: { code: number; stdout: string; stderr: string }, path?: string) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/snapshot\.json:\d+:\d+: error: /);
  if (path) expect(r.stderr).toContain(path);
  expect(r.stderr).not.toMatch(/\n\s+at |ZodError|"code":|\[object Object\]|internal error/);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
}

describe("plan-align report on a hostile snapshot", () => {
  it.each([0.1, 0.25, 0.5, 0.75, 0.99])(
    "JSON truncated at %s of its length: a syntax error at a position",
    async (fraction) => {
      const cut = EXAMPLE.slice(0, Math.floor(EXAMPLE.length * fraction));
      expectClearError(await report(cut));
    },
  );

  it("an empty file and a file of NUL bytes: clear errors", async () => {
    expectClearError(await report(""));
    expectClearError(await report("\u0000\u0000\u0000"));
  });

  const cases: [string, (s: Json) => void, string][] = [
    [
      "a missing issue number",
      (s) => {
        delete s.issues[0]?.number;
      },
      "$.issues[0].number",
    ],
    [
      "a missing repository",
      (s) => {
        delete s.repository;
      },
      "repository",
    ],
    [
      "labels: null",
      (s) => {
        s.labels = null;
      },
      "$.labels",
    ],
    [
      "an issue's labels: null",
      (s) => {
        if (s.issues[2]) s.issues[2].labels = null;
      },
      "$.issues[2].labels",
    ],
    [
      "issues: null",
      (s) => {
        s.issues = null as unknown as Json["issues"];
      },
      "$.issues",
    ],
    [
      "an issue that is null",
      (s) => {
        s.issues[1] = null as unknown as Record<string, unknown>;
      },
      "$.issues[1]",
    ],
    [
      "a state GitHub may add later",
      (s) => {
        if (s.issues[0]) s.issues[0].state = "archived";
      },
      "$.issues[0].state",
    ],
    [
      "a number as a string",
      (s) => {
        if (s.issues[0]) s.issues[0].number = "12";
      },
      "$.issues[0].number",
    ],
    [
      "version 2",
      (s) => {
        s.version = 2;
      },
      "version",
    ],
  ];
  it.each(cases)("%s: names the JSON path", async (_name, edit, path) => {
    const s = example();
    edit(s);
    expectClearError(await report(JSON.stringify(s, null, 2)), path);
  });

  it("fields a later version of the loader may add are ignored; the report is the same", async () => {
    const s = example();
    s.someFutureField = { nested: [1, 2, 3] };
    for (const issue of s.issues) issue.reactions = { "+1": 3 };
    const plain = await report(EXAMPLE, PLAN, ["--format", "json"]);
    const extra = await report(JSON.stringify(s), PLAN, ["--format", "json"]);
    expect(plain.code).toBe(0);
    expect(extra.code).toBe(0);
    expect(JSON.parse(extra.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it("labels with emoji and 50-character names are matched exactly", async () => {
    const emoji = "deliverable: 🚀 launch 👩🏽‍💻";
    const long = `d:${"x".repeat(48)}`;
    expect([...long].length).toBe(50);
    const plan = `version: 1
milestones:
  - id: m
    title: M
    due: 2026-05-01
    deliverables: [launch, long]
deliverables:
  - id: launch
    title: Launch
    label: "${emoji}"
    criteria:
      - issues: closed
  - id: long
    title: Long
    label: "${long}"
    criteria:
      - issues: closed
        min: 2
`;
    const s = {
      version: 1,
      repository: "acme/canteen",
      defaultBranch: "main",
      fetchedAt: "2026-03-01T12:00:00Z",
      milestones: [],
      labels: [emoji, long],
      issues: [
        { number: 1, title: "a", state: "closed", stateReason: "completed", labels: [emoji] },
        // Same text without the skin tone: a different label, not counted.
        {
          number: 2,
          title: "b",
          state: "open",
          stateReason: null,
          labels: ["deliverable: 🚀 launch 👩‍💻"],
        },
        { number: 3, title: "c", state: "closed", stateReason: "completed", labels: [long] },
        // The 51-character neighbour is not the 50-character label.
        {
          number: 4,
          title: "d",
          state: "open",
          stateReason: null,
          labels: [`${long}x`],
        },
      ],
      pullRequests: [],
      files: {},
      checks: {},
    };
    const r = await report(JSON.stringify(s), plan, ["--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Report;
    const deliverables = json.milestones[0]?.deliverables ?? [];
    const launch = deliverables.find((d) => d.id === "launch");
    const longOne = deliverables.find((d) => d.id === "long");
    expect(launch?.done).toBe(true);
    expect(launch?.criteria[0]?.met).toBe(true);
    // Only #3 carries the 50-character label: 1 of min 2.
    expect(longOne?.done).toBe(false);
    expect(longOne?.criteria[0]?.detail).toMatch(/1/);
  });

  it("10,000 issues: evaluated, every one counted", async () => {
    const s = example();
    const label = "deliverable: requirements";
    s.issues = Array.from({ length: 10_000 }, (_, i) => ({
      number: 1000 + i,
      title: `Issue ${i}`,
      state: i === 9_999 ? "open" : "closed",
      stateReason: i === 9_999 ? null : "completed",
      labels: [label],
      milestone: 1,
    }));
    s.pullRequests = [];
    const r = await report(JSON.stringify(s), PLAN, ["--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Report;
    const doc = json.milestones
      .flatMap((m) => m.deliverables)
      .find((d) => d.id === "requirements-doc");
    const issues = doc?.criteria.find((c) => c.kind === "issues");
    expect(issues?.met).toBe(false);
    expect(issues?.detail).toContain("9999 of 10,000");
    expect(issues?.detail).toContain("#10999");
  });
});
