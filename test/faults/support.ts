/**
 * One sync run the way the CLI's `sync` and the App run it — read the plan, load the
 * snapshot, build the report, apply the actions — against the stateful fake GitHub, with a
 * client whose waits are 1 ms per "second" and a fetch the test can sabotage.
 */
import { applyActions } from "../../src/github/apply-actions.ts";
import { createClient } from "../../src/github/client.ts";
import { evaluateOnGitHub } from "../../src/github/evaluate-on-github.ts";
import type { ActionResult } from "../../src/github/types.ts";
import type { FakeGitHub, FakeRepo, FakeRepoSeed } from "../support/fake-github/index.ts";
import { memoryLog } from "../support/memory-log.ts";

export const TOKEN = "ghs_TESTTOKENfaults0123456789abcdefABCDEF";
export const NOW = new Date("2026-02-20T12:00:00Z");

export const PLAN = `version: 1
milestones:
  - id: spec-done
    title: Spec done
    due: 2026-03-01
    description: The specification is written.
    deliverables: [spec]
  - id: build-done
    title: Build done
    due: 2026-05-15
    requires: [spec-done]
    deliverables: [build]
deliverables:
  - id: spec
    title: Specification
    criteria:
      - issues: closed
  - id: build
    title: Build notes
    criteria:
      - file: docs/build.md
        headings: [Build]
`;

/** A repository whose first sync creates two labels and two milestones, files two issues, closes one milestone. */
export function seed(): FakeRepoSeed {
  return {
    owner: "acme",
    name: "canteen",
    files: { ".github/plan.yml": PLAN },
    milestones: [{ number: 1, title: "Backlog", state: "open", due_on: null }],
    issues: [
      {
        number: 5,
        title: "Write the spec",
        labels: ["deliverable:spec"],
        state: "closed",
        state_reason: "completed",
      },
      { number: 6, title: "Write build notes", labels: ["deliverable:build"] },
    ],
  };
}

export interface RunResult {
  results: ActionResult[];
  /** The error that stopped the run before any action (reading the plan or the snapshot). */
  error?: Error;
  log: string[];
}

export async function syncOnce(params: {
  gh: FakeGitHub;
  fetch?: typeof fetch;
  retries?: number;
  timeoutMs?: number;
  token?: string;
}): Promise<RunResult> {
  const log = memoryLog();
  const client = createClient({
    token: params.token ?? TOKEN,
    baseUrl: params.gh.url,
    log,
    waitUnitMs: 1,
    ...(params.retries !== undefined ? { retries: params.retries } : {}),
    ...(params.timeoutMs !== undefined ? { timeoutMs: params.timeoutMs } : {}),
    fetch: params.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a)),
  });
  const repo = { owner: "acme", repo: "canteen" };
  try {
    const ev = await evaluateOnGitHub({ client, ...repo, log, now: () => NOW });
    if (ev.planFile === null) throw new Error("no plan");
    const results = await applyActions({
      client,
      ...repo,
      actions: ev.report.actions,
      log,
      now: () => NOW,
    });
    return { results, log: log.lines };
  } catch (error) {
    return { results: [], error: error as Error, log: log.lines };
  }
}

/** GitHub's state as a user sees it: what exists and in which state; never numbers or order. */
export function stateOf(r: FakeRepo) {
  const title = (n: number | null) => r.milestones.find((m) => m.number === n)?.title ?? "";
  return {
    milestones: r.milestones
      .map(
        (m) =>
          `${m.title}|${m.state}|${m.due_on?.slice(0, 10) ?? ""}|${(m.description ?? "").replace(/\s+/g, " ")}`,
      )
      .sort(),
    labels: r.labels.map((l) => l.name).sort(),
    issues: r.issues
      .map((i) => `${i.number}|${i.state}|${[...i.labels].sort().join(",")}|${title(i.milestone)}`)
      .sort(),
  };
}

/** Nothing exists twice: no duplicate milestone titles or label names. */
export function duplicates(r: FakeRepo): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const name of [
    ...r.milestones.map((m) => `milestone:${m.title}`),
    ...r.labels.map((l) => `label:${l.name.toLowerCase()}`),
  ]) {
    if (seen.has(name)) dups.push(name);
    seen.add(name);
  }
  return dups;
}
