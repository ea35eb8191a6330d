/**
 * Shared checks for the hostile-input suites: what every loadPlan result must look like,
 * the hostile corpus (committed fixtures plus cases generated at test time, so no huge file
 * is committed), and an in-process CLI runner.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { formatFinding } from "../../src/plan/format-finding.ts";
import type { PlanLoadResult } from "../../src/plan/load.ts";

/** Any control character (C0, DEL, C1, line separators, bidi controls). */
export const RAW_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export const HOSTILE_DIR = join(import.meta.dirname, "../fixtures/hostile");

/** Every finding is positioned (line, column ≥ 1), one line of text, and not a crash of ours. */
export function expectWellFormed(result: PlanLoadResult): void {
  expect(Array.isArray(result.findings)).toBe(true);
  // Plain checks collected, then one assertion: 10,000 findings × several expect() calls
  // would cost seconds.
  const problems: string[] = [];
  for (const f of result.findings) {
    const where = `${f.line}:${f.column} ${f.code}: ${f.message.slice(0, 120)}`;
    if (!Number.isInteger(f.line) || f.line < 1) problems.push(`bad line: ${where}`);
    if (!Number.isInteger(f.column) || f.column < 1) problems.push(`bad column: ${where}`);
    if (f.severity !== "error" && f.severity !== "warning") problems.push(`severity: ${where}`);
    // A message may quote a plan value with a line break in it; printed, it is one line with
    // every control character escaped, so it cannot forge a finding of its own.
    if (f.message.length === 0 || RAW_CONTROL.test(formatFinding("p.yml", f)))
      problems.push(`message: ${where}`);
    // No zod issue array, no stack, no "[object Object]" in front of a user.
    if (/^\s*[[{]|\bat .*\.ts:\d+|\[object Object\]/.test(f.message))
      problems.push(`raw dump: ${where}`);
    if (f.code === "internal-error") problems.push(`crash: ${where}`);
    if (problems.length > 20) break;
  }
  expect(problems).toEqual([]);
  if (result.valid) expect(result.plan).not.toBeNull();
  else {
    expect(result.plan).toBeNull();
    expect(result.findings.some((f) => f.severity === "error")).toBe(true);
  }
}

/** The committed fixtures, read as bytes and decoded the way the CLI decodes them (UTF-8). */
export function committedCorpus(): { name: string; bytes: Buffer }[] {
  return readdirSync(HOSTILE_DIR)
    .filter((f) => f.endsWith(".yml"))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(HOSTILE_DIR, name)) }));
}

const deliverableBlock = (i: number) =>
  `  - id: d${i}\n    title: Deliverable ${i}\n    criteria:\n      - issues: closed\n`;

/** A plan with `n` deliverables under one milestone (15 YAML tokens each: 6,600 fit the token budget). */
export function manyDeliverables(n: number): string {
  const ids = Array.from({ length: n }, (_, i) => `      - d${i}\n`).join("");
  const blocks = Array.from({ length: n }, (_, i) => deliverableBlock(i)).join("");
  return `version: 1\nmilestones:\n  - id: m\n    title: M\n    due: 2026-05-01\n    deliverables:\n${ids}deliverables:\n${blocks}`;
}

/** Cases too big or too regular to commit: generated here, deterministic. */
export function generatedCorpus(): { name: string; text: string }[] {
  const deep = (open: string, close: string, n: number, inner = "") =>
    `version: 1\nmilestones: ${open.repeat(n)}${inner}${close.repeat(n)}\n`;
  return [
    { name: "10,000 nested [", text: deep("[", "]", 10_000) },
    { name: "10,000 unclosed [", text: deep("[", "", 10_000) },
    { name: "10,000 nested {a: ", text: deep("{a: ", "}", 10_000, "1") },
    {
      name: "10,000 nested block sequences",
      text: `version: 1\nmilestones:\n${"- ".repeat(10_000)}x\n`,
    },
    {
      name: "1,000 levels of indented maps",
      text: `version: 1\ngoals:\n${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n")} 1\n`,
    },
    { name: "over 1 MiB (a comment)", text: `version: 1\n# ${"x".repeat(1024 * 1024)}\n` },
    {
      name: "over 1 MiB in UTF-8 bytes, under in characters",
      text: `version: 1\n# ${"é".repeat(600_000)}\n`,
    },
    { name: "one 500,000-character title", text: `version: 1\ntitle: ${"a".repeat(500_000)}\n` },
    { name: "10,000 deliverables", text: manyDeliverables(10_000) },
    {
      name: "a one-line flow list of 520,000 items, just under 1 MiB",
      text: `version: 1\nmilestones: [${"a,".repeat(520_000)}a]\n`,
    },
    {
      name: "x: [a: b: c, …] repeated to 900 KB (quadratic for the yaml package alone)",
      text: `version: 1\nx: [${"a: b: c, ".repeat(90_000)}a]\n`,
    },
    {
      name: "2,000 indentation slips",
      text: `version: 1\nmilestones:\n${Array.from({ length: 2000 }, (_, i) => `  - id: m${i}\n    title: M\n     due: 2026-02-15\n`).join("")}`,
    },
    {
      name: "a 4,096-character path under backtracking globs",
      text: `version: 1\ndeliverables:\n  - id: d\n    title: D\n    paths: ["**/*_*_*_*_*_*.md", "${"_".repeat(4096)}"]\n    criteria:\n      - file: "${"a/".repeat(2000)}x"\n`,
    },
    { name: "empty", text: "" },
    { name: "only a BOM", text: "\uFEFF" },
    { name: "only comments", text: "# nothing\n# here\n" },
    { name: "NUL bytes", text: "version: 1\u0000\nmilestones: []\u0000\n" },
    {
      name: "lone surrogates",
      text: "version: 1\nmilestones:\n  - id: \uD800\n    title: \uDC00\n",
    },
    {
      name: "2,000 unknown keys in one map",
      text: `version: 1\nsettings:\n${Array.from({ length: 2000 }, (_, i) => `  k${i}: ${i}`).join("\n")}\n`,
    },
    {
      name: "500 duplicate keys",
      text: `version: 1\n${Array.from({ length: 500 }, () => "version: 1").join("\n")}\n`,
    },
    {
      name: "a 2,000-step requires chain with a cycle",
      text: [
        "version: 1",
        "milestones:",
        ...Array.from({ length: 2000 }, (_, i) =>
          [
            `  - id: m${i}`,
            `    title: M${i}`,
            "    due: 2026-05-01",
            `    requires: [m${(i + 1) % 2000}]`,
            `    deliverables: [d${i}]`,
          ].join("\n"),
        ),
        "deliverables:",
        ...Array.from({ length: 2000 }, (_, i) => deliverableBlock(i).trimEnd()),
        "",
      ].join("\n"),
    },
  ];
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `plan-align ARGV` in-process, as tests of the CLI do. */
export async function runCli(
  argv: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: options.env ?? {},
    cwd: options.cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
