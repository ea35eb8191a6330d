/**
 * Deterministic generator of large, realistic plans and snapshots, for benchmarks and for
 * tests that need volume. The same options (and seed) always give the same case.
 *
 * What it builds: goals with measured objectives (JSON and YAML metric files), milestones
 * (every third requires the previous one, every fifth has a signed-off review), and
 * deliverables whose criteria mix every kind; a snapshot whose issues carry deliverable
 * labels (plus noise labels and unlabelled issues), with open, completed and not-planned
 * ones; pull requests that carry labels or close issues, some merged with approvals,
 * with changed and head files; Markdown files with headings; checks; GitHub milestones
 * matched by marker or title, and one not in the plan.
 */

import { type Snapshot, snapshotSchema } from "../../src/model/snapshot.ts";
import { type Plan, planSchema } from "../../src/plan/schema.ts";

export interface GenerateOptions {
  deliverables: number;
  issues: number;
  /** Default: a quarter of the issues. */
  pullRequests?: number;
  /** Default: one per ten deliverables (at least one). */
  milestones?: number;
  /** Default 1. */
  seed?: number;
}

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const day = (offset: number) =>
  new Date(Date.UTC(2026, 0, 1) + offset * DAY_MS).toISOString().slice(0, 10);
const NOISE_LABELS = ["bug", "enhancement", "documentation", "good first issue"];
const HEADINGS = ["Introduction", "Methodology", "Preliminary findings", "Next steps"];

export function generateCase(options: GenerateOptions): { plan: Plan; snapshot: Snapshot } {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const nDeliverables = Math.max(1, options.deliverables);
  const nMilestones = Math.max(1, options.milestones ?? Math.ceil(nDeliverables / 10));
  const nIssues = options.issues;
  const nPulls = options.pullRequests ?? Math.floor(nIssues / 4);
  const files: Record<string, string> = {};

  // Goals and objectives: one goal per 50 deliverables, two measured objectives each.
  const nGoals = Math.max(1, Math.ceil(nDeliverables / 50));
  const objectiveIds: string[] = [];
  const goals = Array.from({ length: nGoals }, (_, g) => {
    const json = g % 2 === 0;
    const file = json ? `metrics/goal-${g}.json` : `metrics/goal-${g}.yml`;
    files[file] = json
      ? JSON.stringify({
          queue: { avg_wait_minutes: 3 + (g % 3) },
          runs: [{ value: 10 }, { value: 12 }],
        })
      : `queue:\n  avg_wait_minutes: ${3 + (g % 3)}\nruns:\n  - value: 10\n  - value: 12\n`;
    const objectives = [0, 1].map((k) => {
      const id = `o${g}-${k}`;
      objectiveIds.push(id);
      return {
        id,
        title: `Objective ${k} of goal ${g}`,
        due: day(150 + g),
        measure:
          k === 0
            ? { file, path: "queue.avg_wait_minutes", baseline: 6, target: "<= 4" }
            : { file, path: "runs.1.value", target: ">= 11" },
      };
    });
    return { id: `g${g}`, title: `Goal ${g}`, objectives };
  });

  // Deliverables, contiguous blocks per milestone.
  const perMilestone = Math.ceil(nDeliverables / nMilestones);
  const deliverables = Array.from({ length: nDeliverables }, (_, i) => {
    const criteria: Record<string, unknown>[] = [{ issues: "closed", min: 1 + (i % 3) }];
    if (i % 2 === 0) criteria.push({ pull_requests: "merged", approvals: i % 4 === 0 ? 1 : 0 });
    if (i % 3 === 0) {
      const path = `docs/d${i}.md`;
      criteria.push({
        file: path,
        headings: HEADINGS.slice(0, 2 + (i % 3)),
        contains: ["## Next steps"],
      });
      const complete = rnd() < 0.7;
      files[path] = [
        `# ${HEADINGS[0]}`,
        "",
        "Text about the deliverable, with `code` and a [link](https://example.com).",
        "",
        `## ${HEADINGS[1]}`,
        "",
        "```",
        `## ${HEADINGS[2]}`,
        "```",
        "",
        complete ? `## ${HEADINGS[2]}\n\n## ${HEADINGS[3]}` : "",
        "",
      ].join("\n");
    }
    if (i % 4 === 0) criteria.push({ checks: ["test", "lint"] });
    if (i % 10 === 0) criteria.push({ objective: objectiveIds[i % objectiveIds.length] });
    return {
      id: `d${i}`,
      title: `Deliverable ${i}`,
      objective: objectiveIds[i % objectiveIds.length],
      ...(i % 5 === 0 ? { label: `deliverable: number ${i}` } : {}),
      paths: [`src/d${i}/**`, `docs/d${i}.md`],
      criteria,
    };
  });
  const labelOf = (i: number) =>
    deliverables[i]?.label ?? `deliverable:${deliverables[i]?.id ?? `d${i}`}`;

  const milestones = Array.from({ length: nMilestones }, (_, m) => ({
    id: `m${m}`,
    title: `Milestone ${m}`,
    due: day(m * 7),
    description: `Checkpoint ${m}.`,
    deliverables: deliverables.slice(m * perMilestone, (m + 1) * perMilestone).map((d) => d.id),
    ...(m % 3 === 2 ? { requires: [`m${m - 1}`] } : {}),
    ...(m % 5 === 4 ? { review: { approvers: ["alice", "bob"] } } : {}),
  })).filter((m) => m.deliverables.length > 0);

  const plan = planSchema.parse({
    version: 1,
    goals,
    milestones,
    deliverables,
    settings: { at_risk_days: 7 },
  });
  const milestoneOf = (i: number) => Math.min(Math.floor(i / perMilestone), milestones.length - 1);

  // Issues: 90% carry a deliverable's label (round robin), some noise labels too.
  const issues: Record<string, unknown>[] = [];
  for (let n = 1; n <= nIssues; n++) {
    const d = (n - 1) % nDeliverables;
    const labelled = rnd() < 0.9;
    const labels = labelled ? [labelOf(d)] : [];
    if (rnd() < 0.3) labels.push(pick(NOISE_LABELS));
    const r = rnd();
    const state = r < 0.7 ? "closed" : "open";
    issues.push({
      number: n,
      title: `Work item ${n} for deliverable ${d}`,
      state,
      stateReason: state === "open" ? null : r < 0.65 ? "completed" : "not_planned",
      labels,
      milestone: labelled ? milestoneOf(d) + 1 : null,
      closedBy: state === "closed" ? pick(["alice", "bob", "carol"]) : null,
      assignees: [pick(["alice", "bob", "carol", "dave"])],
      body: `Part of deliverable ${d}. Acceptance: it works.`,
    });
  }
  // Review issues of milestones with review, signed off by an approver.
  milestones.forEach((m, k) => {
    if (!m.review) return;
    issues.push({
      number: nIssues + nPulls + k + 1,
      title: `Milestone review: ${m.title}`,
      state: "closed",
      stateReason: "completed",
      labels: ["plan-align:review"],
      milestone: k + 1,
      closedBy: "alice",
    });
  });

  // Pull requests: half labelled, half closing one of their deliverable's issues.
  const pullRequests: Record<string, unknown>[] = [];
  for (let k = 0; k < nPulls; k++) {
    const number = nIssues + k + 1;
    const d = k % nDeliverables;
    const merged = rnd() < 0.6;
    const closes = nIssues > 0 && k % 2 === 1 ? [((k * 7) % nIssues) + 1] : [];
    const docs = d % 3 === 0 ? `docs/d${d}.md` : null;
    pullRequests.push({
      number,
      title: `Implement part ${k} of deliverable ${d}`,
      state: merged || rnd() < 0.2 ? "closed" : "open",
      merged,
      labels: k % 2 === 0 ? [labelOf(d)] : [],
      milestone: rnd() < 0.5 ? milestoneOf(d) + 1 : null,
      closingIssues: closes,
      approvals: rnd() < 0.7 ? ["bob"] : [],
      changedFiles: [`src/d${d}/index.ts`, ...(docs ? [docs] : [])],
      headSha: `sha${number}`,
      baseRef: "main",
      headFiles: docs ? fileRecord(docs, `# ${HEADINGS.join("\n\n## ")}\n`) : {},
      headChecks: { test: "success", lint: rnd() < 0.8 ? "success" : "failure" },
    });
  }

  const githubMilestones = milestones.map((m, k) => ({
    number: k + 1,
    title: k % 2 === 0 ? m.title : `Old title ${k}`,
    state: "open",
    dueOn: `${m.due}T07:00:00Z`,
    description:
      k % 2 === 0 ? `${m.description}` : `${m.description}\n\n<!-- plan-align:id=${m.id} -->`,
  }));
  githubMilestones.push({
    number: milestones.length + 1,
    title: "Backlog",
    state: "open",
    dueOn: `${day(400)}T07:00:00Z`,
    description: "Not planned yet.",
  });

  const labels = [
    ...new Set([...deliverables.map((_, i) => labelOf(i)), ...NOISE_LABELS, "plan-align:review"]),
  ];
  const snapshot = snapshotSchema.parse({
    version: 1,
    repository: "acme/generated",
    defaultBranch: "main",
    fetchedAt: `${day(30)}T12:00:00Z`,
    planPath: ".github/plan.yml",
    milestones: githubMilestones,
    labels,
    issues,
    pullRequests,
    files,
    checks: { test: "success", lint: "success" },
  });
  return { plan, snapshot };
}

/**
 * `{ [path]: text }`, made without a prototype (such an object keeps its keys in a table of
 * its own). V8 links the shape of every object built from `{}` to the shape it gets with its
 * first key, and past about 1,500 such links it makes no more: each object built key by key
 * afterwards whose first key has no link yet (zod's output, for one, when a 5,000-deliverable
 * case is the first made in a process) gets a shape of its own, and code reading them runs
 * about ten times slower. One plain object per pull request, each with its own path as its
 * first key, made those 1,500 links.
 */
function fileRecord(path: string, text: string): Record<string, string> {
  const record: Record<string, string> = Object.create(null);
  record[path] = text;
  return record;
}
