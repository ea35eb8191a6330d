import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { Report } from "../../src/model/report.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import { parseSnapshot } from "../../src/snapshot/read.ts";
import { buildReport } from "../../src/sync/build-report.ts";

export const ROOT = join(import.meta.dirname, "../..");
export const EXAMPLE_PLAN = "examples/canteen/plan.yml";
export const EXAMPLE_SNAPSHOT = "examples/canteen/snapshot.json";

export function exampleSnapshot(): Snapshot {
  const parsed = parseSnapshot({
    text: readFileSync(join(ROOT, EXAMPLE_SNAPSHOT), "utf8"),
    path: EXAMPLE_SNAPSHOT,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.snapshot;
}

export function examplePlanText(): string {
  return readFileSync(join(ROOT, EXAMPLE_PLAN), "utf8");
}

export function exampleReport(pr?: number): Report {
  return buildReport({
    planText: examplePlanText(),
    planPath: EXAMPLE_PLAN,
    snapshot: exampleSnapshot(),
    ...(pr === undefined ? {} : { pr }),
  });
}

/**
 * A big plan: `deliverables` deliverables, ten per milestone, each with three criteria, a
 * third of them done; plus one unlinked issue per deliverable to sync.
 */
export function largePlan(deliverables: number): { planText: string; snapshot: Snapshot } {
  const ds = Array.from({ length: deliverables }, (_, i) => ({
    id: `d-${i}`,
    title: `Deliverable number ${i} with a fairly descriptive title`,
    objective: "obj",
    criteria: [
      { issues: "closed" },
      { file: `docs/d-${i}.md`, headings: ["Summary", "Details"] },
      { checks: ["test"] },
    ],
  }));
  const milestones = Array.from({ length: Math.ceil(deliverables / 10) }, (_, m) => ({
    id: `m-${m}`,
    title: `Milestone ${m}: a checkpoint of the big plan`,
    due: `2026-${String((m % 12) + 1).padStart(2, "0")}-15`,
    deliverables: ds.slice(m * 10, m * 10 + 10).map((d) => d.id),
  }));
  const plan = {
    version: 1,
    goals: [
      {
        id: "g",
        title: "Goal",
        objectives: [
          {
            id: "obj",
            title: "Objective",
            due: "2026-12-31",
            measure: { file: "m.json", path: "x", target: ">= 1" },
          },
        ],
      },
    ],
    milestones,
    deliverables: ds,
  };
  const files: Record<string, string> = { "m.json": '{"x": 2}' };
  const issues = ds.map((d, i) => ({
    number: i + 1,
    title: `Work on ${d.id}`,
    state: i % 3 === 0 ? "closed" : "open",
    stateReason: i % 3 === 0 ? "completed" : null,
    labels: [`deliverable:${d.id}`],
    milestone: null,
  }));
  ds.forEach((d, i) => {
    if (i % 3 === 0) files[`docs/${d.id}.md`] = "# Summary\n# Details\n";
  });
  const parsed = parseSnapshot({
    text: JSON.stringify({
      version: 1,
      repository: "acme/big",
      defaultBranch: "main",
      fetchedAt: "2026-06-01T12:00:00Z",
      milestones: [],
      labels: [],
      issues,
      pullRequests: [],
      files,
      checks: { test: "success" },
    }),
    path: "big.json",
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return { planText: stringify(plan), snapshot: parsed.snapshot };
}
