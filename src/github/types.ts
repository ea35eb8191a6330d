/**
 * The GitHub port's contract. Front ends (action/, app/, cli/) only call these;
 * every request to GitHub lives under src/github/. The client is an Octokit with the REST
 * endpoint methods, `paginate` and `graphql` — what both `@octokit/rest` and Probot's
 * `context.octokit` provide.
 */
import type { Octokit } from "@octokit/rest";
import type { SyncAction } from "../model/actions.ts";
import type { Finding } from "../model/findings.ts";
import type { Conclusion } from "../model/report.ts";
import type { Plan } from "../plan/schema.ts";
import type { Failure } from "./errors.ts";

export type GitHubClient = Octokit;

/** The logger is passed in, never imported globally. Matches pino, Probot's log and a core-backed adapter. */
export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface LoadSnapshotParams extends RepoRef {
  client: GitHubClient;
  /** The (base) plan: decides which files and checks are read. Null: read only the basics. */
  plan: Plan | null;
  /** Where the plan lives, recorded in the snapshot and read from the PR head when changed. */
  planPath: string;
  /** Load this pull request too (changed files, head files, head checks, reviews). */
  pr?: number;
  log: Logger;
  /** Clock, for `fetchedAt` (tests pass a fixed one). */
  now?: () => Date;
}

export interface PlanFile {
  path: string;
  text: string;
  /** The ref it was read at. */
  ref: string;
}

export interface ActionResult {
  action: SyncAction;
  status: "applied" | "skipped" | "adopted" | "failed";
  detail?: string;
  /** Set when `status` is "failed": what kind of failure, and GitHub's HTTP status. */
  failure?: Failure;
  /**
   * create-milestone: the GitHub milestone it created or adopted, so what is rendered after
   * the run (the App's dashboard) shows it without reading GitHub again.
   */
  milestone?: { number: number; state: "open" | "closed" };
}

export interface CheckRunParams extends RepoRef {
  client: GitHubClient;
  name: string;
  headSha: string;
  title: string;
  summary: string;
  conclusion: Conclusion;
  /** Findings on the plan file; sent 50 per request. */
  annotations: { path: string; finding: Finding }[];
  detailsUrl?: string;
  externalId?: string;
}

/** Thrown by writeCheckRun when the token may not create check runs (fork pull requests: 403). */
export class CheckRunForbiddenError extends Error {
  override name = "CheckRunForbiddenError";
}
