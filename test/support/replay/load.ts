/**
 * The load scenario shared by test/load (small) and bench/app-load.bench.ts (1,000 webhooks):
 * R repositories, each with a plan of one milestone proved by its issues being closed, and
 * W webhooks spread over them. Each webhook reports one issue being closed (the change is
 * made on the fake GitHub just before it is sent), so a repository's milestone is achieved
 * only once its LAST issue is closed: if the App did not evaluate a repository after its
 * last webhook, its milestone stays open and the repository counts as lost.
 */

import type { Payload } from "../../app/support/webhooks.ts";
import type { FakeRepo, FakeRepoSeed } from "../fake-github/index.ts";
import { issuesPayload, type RepoName } from "./payloads.ts";
import { random, shuffled } from "./schedule.ts";

export const LOAD_NOW = new Date("2026-02-20T12:00:00Z");

const PLAN = `version: 1
milestones:
  - id: done
    title: Done
    due: 2026-03-01
    deliverables: [work]
deliverables:
  - id: work
    title: The work
    criteria:
      - issues: closed
`;

export interface LoadDelivery {
  id: string;
  name: string;
  payload: Payload;
  repo: number;
  issue: number;
}

export interface LoadScenario {
  repos: RepoName[];
  seeds: FakeRepoSeed[];
  /** First deliveries, interleaved across repositories. */
  deliveries: LoadDelivery[];
  /** The change each delivery reports: its issue closed. */
  apply(repos: FakeRepo[], d: LoadDelivery): void;
}

export function loadScenario(params: {
  repos: number;
  webhooks: number;
  seed?: number;
}): LoadScenario {
  const perRepo = Math.ceil(params.webhooks / params.repos);
  const repos = Array.from({ length: params.repos }, (_, r) => ({
    owner: "load",
    name: `repo-${String(r).padStart(3, "0")}`,
  }));
  const seeds = repos.map((r) => ({
    ...r,
    files: { ".github/plan.yml": PLAN },
    issues: Array.from({ length: perRepo }, (_, i) => ({
      number: i + 1,
      title: `Task ${i + 1}`,
      labels: ["deliverable:work"],
    })),
  }));
  const all: LoadDelivery[] = [];
  for (let r = 0; r < params.repos; r++) {
    for (let i = 1; i <= perRepo && all.length < params.webhooks; i++) {
      all.push({
        id: `load-${r}-${i}`,
        name: "issues",
        payload: issuesPayload(repos[r] as RepoName, "closed", {
          number: i,
          state: "closed",
          labels: ["deliverable:work"],
        }),
        repo: r,
        issue: i,
      });
    }
  }
  return {
    repos,
    seeds,
    deliveries: shuffled(all, random(params.seed ?? 7)),
    apply(state, d) {
      const repo = state.find((x) => x.name === repos[d.repo]?.name);
      const issue = repo?.issues.find((i) => i.number === d.issue);
      if (issue) Object.assign(issue, { state: "closed", state_reason: "completed" });
    },
  };
}

/**
 * Repositories whose final state is not what their events call for: the milestone "Done"
 * closed with its evidence, every issue in it, exactly one of each milestone and one open
 * dashboard. Each is described, so a failure says what is wrong where.
 */
export function wrongRepos(state: FakeRepo[]): string[] {
  const wrong: string[] = [];
  for (const repo of state) {
    const where = `${repo.owner}/${repo.name}`;
    const done = repo.milestones.filter((m) => m.title === "Done");
    if (done.length !== 1) {
      wrong.push(`${where}: ${done.length} milestones "Done"`);
      continue;
    }
    const m = done[0] as FakeRepo["milestones"][number];
    if (m.state !== "closed") wrong.push(`${where}: "Done" is ${m.state}`);
    if (!(m.description ?? "").includes("**Achieved on 2026-02-20**"))
      wrong.push(`${where}: "Done" has no Achieved-on footer`);
    const tasks = repo.issues.filter((i) => i.labels.includes("deliverable:work"));
    const astray = tasks.filter((i) => i.milestone !== m.number || i.state !== "closed");
    if (astray.length > 0) wrong.push(`${where}: ${astray.length} issues not closed in "Done"`);
    const dashboards = repo.issues.filter(
      (i) => i.labels.includes("plan-align:dashboard") && i.state === "open",
    );
    if (dashboards.length !== 1) wrong.push(`${where}: ${dashboards.length} open dashboards`);
    else if (!/\*\*1 of 1 milestones? achieved\*\*/.test(dashboards[0]?.body ?? ""))
      wrong.push(`${where}: the dashboard does not show "Done" achieved`);
  }
  return wrong;
}

/** Sends every delivery through `send`, `inFlight` at a time; returns ack times in ms. */
export async function sendAll<T>(params: {
  items: T[];
  inFlight: number;
  send: (item: T) => Promise<void>;
}): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < params.items.length) {
      const item = params.items[next++] as T;
      await params.send(item);
    }
  };
  await Promise.all(Array.from({ length: params.inFlight }, worker));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}
