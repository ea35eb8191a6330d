/**
 * What one evaluation costs on GitHub, measured against the project's fake GitHub (which
 * executes the loader's GraphQL against GitHub's schema and records every request):
 *
 * - `loader.vs_plan_minimum`: requests for a repository of 50,000 issues and 20,000 pull
 *   requests whose plan has 200 deliverables (300 labelled issues, 100 labelled pull requests
 *   and 20 unlabelled ones closing labelled issues, 30 milestones), over the plan-driven
 *   minimum: one request per 100-item page of only the named items (issues, pull requests,
 *   milestones, labels), plus one batched file/check read. Bar ≤ 1.5.
 * - `loader.repo_growth`: requests at 50,000 issues / 20,000 pull requests over requests at
 *   1,000 / 500, same plan and same named items. Bar ≤ 1.1.
 * - `loader.points`: GraphQL points of the large evaluation by GitHub's published formula
 *   (test/support/graphql-points.ts). Bar ≤ 30.
 * - `loader.vs_minimum_requests` (kept): requests for 5,000 issues and 500 pull requests that
 *   ALL carry the plan's labels, against one request per 100 items of each list plus one file
 *   batch and one checks read.
 */
import { createClient, silentLogger } from "../src/github/client.ts";
import { loadSnapshot } from "../src/github/load-snapshot.ts";
import type { Snapshot } from "../src/model/snapshot.ts";
import { type Plan, planSchema } from "../src/plan/schema.ts";
import { type FakeRepoSeed, startFakeGitHub } from "../test/support/fake-github/index.ts";
import { graphqlPoints } from "../test/support/graphql-points.ts";
import type { Bench, Figure } from "./run.ts";

const DELIVERABLES = 200;
const MILESTONES = 30;
const label = (i: number) => `deliverable:d${i}`;
const pages = (n: number) => Math.ceil(n / 100);

function makePlan(): { plan: Plan; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const deliverables = Array.from({ length: DELIVERABLES }, (_, i) => {
    const criteria: Record<string, unknown>[] = [{ issues: "closed" }, { pull_requests: "merged" }];
    if (i % 10 === 0) {
      criteria.push({ file: `docs/d${i}.md`, headings: ["Intro"] });
      files[`docs/d${i}.md`] = "# Intro\n";
    }
    if (i % 20 === 0) criteria.push({ checks: ["test", "lint"] });
    return { id: `d${i}`, title: `Deliverable ${i}`, criteria };
  });
  const plan = planSchema.parse({
    version: 1,
    milestones: Array.from({ length: MILESTONES }, (_, m) => ({
      id: `m${m}`,
      title: `Milestone ${m}`,
      due: "2026-06-30",
      deliverables: deliverables.filter((_, i) => i % MILESTONES === m).map((d) => d.id),
    })),
    deliverables,
  });
  return { plan, files };
}

/** Loads one snapshot from a fake repository; the requests and points it cost. */
async function measure(params: {
  plan: Plan;
  seed: Omit<FakeRepoSeed, "owner" | "name">;
}): Promise<{ requests: number; points: number; snapshot: Snapshot }> {
  const gh = await startFakeGitHub({ repos: [{ owner: "acme", name: "big", ...params.seed }] });
  try {
    const client = createClient({ token: "t", baseUrl: gh.url, log: silentLogger, waitUnitMs: 1 });
    const snapshot = await loadSnapshot({
      owner: "acme",
      repo: "big",
      client,
      plan: params.plan,
      planPath: ".github/plan.yml",
      log: silentLogger,
    });
    if (gh.violations.length > 0) throw new Error(`loader bench: ${gh.violations[0]?.message}`);
    const points = gh.requests
      .filter((r) => r.path === "/graphql")
      .map((r) => r.body as { query: string; variables?: Record<string, unknown> })
      .reduce((sum, b) => sum + graphqlPoints(b.query, b.variables), 0);
    return { requests: gh.requests.length, points, snapshot };
  } finally {
    await gh.close();
  }
}

const LABELLED_ISSUES = 300;
const LABELLED_PULLS = 100;
const CLOSING_PULLS = 20;

/** A repository of `issues` / `pulls` of which only the named ones carry the plan's labels. */
function planSizedSeed(params: {
  issues: number;
  pulls: number;
  files: Record<string, string>;
}): Omit<FakeRepoSeed, "owner" | "name"> {
  const issues = Array.from({ length: params.issues }, (_, i) => ({
    number: i + 1,
    title: `Issue ${i + 1}`,
    // Spread the labelled ones over the whole history, like a long-lived repository.
    labels:
      i % Math.floor(params.issues / LABELLED_ISSUES) === 0 &&
      i / Math.floor(params.issues / LABELLED_ISSUES) < LABELLED_ISSUES
        ? [label((i / Math.floor(params.issues / LABELLED_ISSUES)) % DELIVERABLES)]
        : ["bug"],
    milestone: (i % MILESTONES) + 1,
  }));
  const labelled = issues.filter((i) => i.labels[0] !== "bug");
  const step = Math.floor(params.pulls / (LABELLED_PULLS + CLOSING_PULLS));
  const pullRequests = Array.from({ length: params.pulls }, (_, i) => {
    const k = i / step;
    const named = i % step === 0 && k < LABELLED_PULLS + CLOSING_PULLS;
    return {
      number: params.issues + i + 1,
      title: `PR ${i}`,
      merged: i % 3 === 0,
      state: i % 3 === 0 ? ("closed" as const) : ("open" as const),
      labels: named && k < LABELLED_PULLS ? [label(k % DELIVERABLES)] : [],
      // The unlabelled named ones close a labelled issue; the rest close unlabelled ones.
      closingIssues:
        named && k >= LABELLED_PULLS
          ? [labelled[k % labelled.length]?.number ?? 1]
          : [((i * 7) % params.issues) + 1].filter((n) => !labelled.some((l) => l.number === n)),
      reviews: [{ login: "alice", state: "APPROVED" as const }],
    };
  });
  return {
    files: params.files,
    checks: [
      { name: "test", conclusion: "success" },
      { name: "lint", conclusion: "success" },
    ],
    milestones: Array.from({ length: MILESTONES }, (_, m) => ({ title: `Milestone ${m}` })),
    labels: [...Array.from({ length: DELIVERABLES }, (_, i) => label(i)), "bug"],
    issues,
    pullRequests,
  };
}

const bench: Bench = async () => {
  const { plan, files } = makePlan();
  const small = await measure({ plan, seed: planSizedSeed({ issues: 1_000, pulls: 500, files }) });
  const large = await measure({
    plan,
    seed: planSizedSeed({ issues: 50_000, pulls: 20_000, files }),
  });
  for (const { snapshot } of [small, large]) {
    if (snapshot.issues.length !== LABELLED_ISSUES) {
      throw new Error(
        `loader bench: ${snapshot.issues.length} issues read, not ${LABELLED_ISSUES}`,
      );
    }
    if (snapshot.pullRequests.length !== LABELLED_PULLS + CLOSING_PULLS) {
      throw new Error(`loader bench: ${snapshot.pullRequests.length} pull requests read`);
    }
  }
  const named = {
    issues: LABELLED_ISSUES,
    pulls: LABELLED_PULLS + CLOSING_PULLS,
    milestones: MILESTONES,
    labels: DELIVERABLES + 3,
  };
  const planMinimum =
    pages(named.issues) + pages(named.pulls) + pages(named.milestones) + pages(named.labels) + 1;

  // The figure kept from before: every issue and pull request carries a plan label.
  const ISSUES = 5_000;
  const PULLS = 500;
  const all = await measure({
    plan,
    seed: {
      files,
      checks: [
        { name: "test", conclusion: "success" },
        { name: "lint", conclusion: "success" },
      ],
      milestones: Array.from({ length: MILESTONES }, (_, m) => ({ title: `Milestone ${m}` })),
      labels: Array.from({ length: DELIVERABLES }, (_, i) => label(i)),
      issues: Array.from({ length: ISSUES }, (_, i) => ({
        title: `Issue ${i}`,
        labels: [label(i % DELIVERABLES)],
        milestone: (i % MILESTONES) + 1,
      })),
      pullRequests: Array.from({ length: PULLS }, (_, i) => ({
        title: `PR ${i}`,
        labels: [label(i % DELIVERABLES)],
      })),
    },
  });
  if (all.snapshot.issues.length !== ISSUES || all.snapshot.pullRequests.length !== PULLS) {
    throw new Error("loader bench: the snapshot is incomplete");
  }
  const listMinimum =
    pages(ISSUES) + pages(PULLS) + pages(MILESTONES) + pages(DELIVERABLES) + 1 + 1;

  const figures: Figure[] = [
    {
      name: "loader.vs_plan_minimum",
      value: large.requests,
      unit: "requests",
      against: `plan minimum ${planMinimum} (100-item pages of the named issues, pull requests, milestones, labels; 1 file/check read) at 50,000 issues / 20,000 PRs`,
      ratio: large.requests / planMinimum,
    },
    {
      name: "loader.repo_growth",
      value: large.requests,
      unit: "requests at 50,000 issues / 20,000 PRs",
      against: `${small.requests} requests at 1,000 issues / 500 PRs, same plan`,
      ratio: large.requests / small.requests,
    },
    {
      name: "loader.points",
      value: large.points,
      unit: "GraphQL points (GitHub's formula)",
      against: `200 deliverables, ${LABELLED_ISSUES} labelled issues, ${named.pulls} named PRs, 50,000 issues / 20,000 PRs`,
      ratio: null,
    },
    {
      name: "loader.vs_minimum_requests",
      value: all.requests,
      unit: "requests",
      against: `minimum ${listMinimum} (one per 100 items of each list, 1 file batch, 1 checks read), 5,000 labelled issues / 500 labelled PRs`,
      ratio: all.requests / listMinimum,
    },
  ];
  return figures;
};

export default bench;
