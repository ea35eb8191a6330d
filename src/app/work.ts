/**
 * What the App has to do for one repository, accumulated from webhooks and merged while
 * they wait in the queue: a burst of twenty events becomes one `RepoWork`.
 */
import type { GitHubClient, Logger } from "../github/types.ts";

export interface PullRequestRef {
  number: number;
  /** The base branch: the pull request is judged against the plan there. */
  baseRef: string;
  /** A merge queue's group: its head commit gets the check run, not the pull request's. */
  checkSha?: string;
}

export interface PlanCheckRef {
  /** The pushed commit that gets the `plan-align / plan` check run. */
  sha: string;
  /** The plan path the push changed. */
  path: string;
}

/** What is asked of a repository: plain data, so it can wait in Redis as a job. */
export interface WorkFields {
  owner: string;
  repo: string;
  /** Web address of the GitHub server, for links in the dashboard. */
  serverUrl: string;
  /** Evaluate the repository and apply the sync. */
  sync: boolean;
  pullRequests: PullRequestRef[];
  planChecks: PlanCheckRef[];
  /** The events behind this work, for the log. */
  events: string[];
}

export interface RepoWork extends WorkFields {
  /**
   * The installation's client, made when the work runs (Probot caches the token): 20,000
   * waiting repositories hold 20,000 small closures, not 20,000 Octokit instances.
   */
  client: () => Promise<GitHubClient>;
  log: Logger;
}

/** A job in Redis: the work and the installation whose token the worker asks for. */
export interface RepoJobData extends WorkFields {
  installationId: number;
}

export function repoKey(work: Pick<RepoWork, "owner" | "repo">): string {
  return `${work.owner}/${work.repo}`.toLowerCase();
}

/** Newer event data wins (client, base branch); requests accumulate without repeats. */
export function mergeWork<W extends WorkFields>(waiting: W, incoming: W): W {
  const prKey = (p: PullRequestRef) => `${p.number}:${p.checkSha ?? ""}`;
  const prs = new Map(waiting.pullRequests.map((p) => [prKey(p), p]));
  for (const p of incoming.pullRequests) prs.set(prKey(p), p);
  const checks = new Map(waiting.planChecks.map((c) => [`${c.sha}:${c.path}`, c]));
  for (const c of incoming.planChecks) checks.set(`${c.sha}:${c.path}`, c);
  return {
    ...incoming,
    sync: waiting.sync || incoming.sync,
    pullRequests: [...prs.values()],
    planChecks: [...checks.values()],
    // Only the first few: a burst of 1,000 events must not grow the log line without bound.
    events: [...waiting.events, ...incoming.events].slice(0, 20),
  };
}
