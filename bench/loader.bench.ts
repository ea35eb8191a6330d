/**
 * loader.vs_minimum_requests — API requests the snapshot loader makes for a large repository
 * (5,000 issues, 500 pull requests, 200 deliverables with their labels, 30 milestones), served
 * by the fake GitHub, against the minimum a list-by-list reader needs: one request per 100
 * items of each paginated list, plus one batched read of the plan's files and one of its checks.
 * Batching the lists into one GraphQL query per round is what lets the loader go below it.
 */
import { createClient, silentLogger } from "../src/github/client.ts";
import { loadSnapshot } from "../src/github/load-snapshot.ts";
import { planSchema } from "../src/plan/schema.ts";
import { startFakeGitHub } from "../test/support/fake-github/index.ts";
import type { Bench, Figure } from "./run.ts";

const ISSUES = 5_000;
const PULLS = 500;
const DELIVERABLES = 200;
const MILESTONES = 30;

const bench: Bench = async () => {
  const label = (i: number) => `deliverable:d${i}`;
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
  const gh = await startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "big",
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
    ],
  });
  try {
    const client = createClient({ token: "t", baseUrl: gh.url, log: silentLogger, waitUnitMs: 1 });
    const snapshot = await loadSnapshot({
      owner: "acme",
      repo: "big",
      client,
      plan,
      planPath: ".github/plan.yml",
      log: silentLogger,
    });
    if (snapshot.issues.length !== ISSUES || snapshot.pullRequests.length !== PULLS) {
      throw new Error("loader bench: the snapshot is incomplete");
    }
    if (gh.violations.length > 0) throw new Error(`loader bench: ${gh.violations[0]?.message}`);
    const requests = gh.requests.length;
    const pages = (n: number) => Math.ceil(n / 100);
    const minimum = pages(ISSUES) + pages(PULLS) + pages(MILESTONES) + pages(DELIVERABLES) + 1 + 1;
    const figure: Figure = {
      name: "loader.vs_minimum_requests",
      value: requests,
      unit: "requests",
      against: `minimum ${minimum} (one per 100 items of each list, 1 file batch, 1 checks read)`,
      ratio: requests / minimum,
    };
    return [figure];
  } finally {
    await gh.close();
  }
};

export default bench;
