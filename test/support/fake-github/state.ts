/**
 * The fake GitHub's state: plain data a test seeds and then asserts on. Field names follow
 * GitHub's REST shapes where the fake answers REST with them (snake_case), so assertions read
 * like GitHub's own answers.
 */

export interface FakeMilestone {
  number: number;
  title: string;
  state: "open" | "closed";
  description: string | null;
  /** GitHub's timestamp, e.g. `2026-02-15T08:00:00Z`, or null. */
  due_on: string | null;
  closed_at: string | null;
}

export interface FakeLabel {
  name: string;
  color: string;
  description: string | null;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  state_reason: "completed" | "not_planned" | "reopened" | "duplicate" | null;
  labels: string[];
  milestone: number | null;
  assignees: string[];
  closed_by: string | null;
}

export interface FakeCheck {
  name: string;
  /** `success`, `failure`, … or null while not completed. */
  conclusion: string | null;
  status?: "queued" | "in_progress" | "completed";
  at?: string;
}

export interface FakePullRequest {
  number: number;
  title: string;
  state: "open" | "closed";
  merged: boolean;
  labels: string[];
  milestone: number | null;
  closingIssues: number[];
  /** Reviews in order; the latest opinionated one per author counts. */
  reviews: { login: string; state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" }[];
  headSha: string;
  baseRef: string;
  headRef: string;
  headRepository: string | null;
  changedFiles: string[];
  /** The full tree at the head (only what tests care about). */
  headFiles: Record<string, string>;
  headChecks: FakeCheck[];
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string } | null;
  annotations: Record<string, unknown>[];
  details_url?: string;
  external_id?: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  /** The default branch's head commit. */
  headSha: string;
  milestones: FakeMilestone[];
  labels: FakeLabel[];
  issues: FakeIssue[];
  pullRequests: FakePullRequest[];
  /** Files on the default branch. */
  files: Record<string, string>;
  /** When the last commit on the default branch changed each path (ISO time); absent: never. */
  fileCommits?: Record<string, string>;
  /** Check runs and statuses on the default branch head, as GitHub's rollup shows them. */
  checks: FakeCheck[];
  /** Check runs created through the API. */
  checkRuns: FakeCheckRun[];
  /** Highest numbers ever issued: GitHub never reuses a deleted milestone's or issue's number. */
  issued?: { milestone: number; issue: number };
}

type Seed<T> = Partial<T>;
export interface FakeRepoSeed
  extends Partial<Omit<FakeRepo, "milestones" | "labels" | "issues" | "pullRequests">> {
  owner: string;
  name: string;
  milestones?: Seed<FakeMilestone>[];
  labels?: (string | Seed<FakeLabel>)[];
  issues?: Seed<FakeIssue>[];
  pullRequests?: Seed<FakePullRequest>[];
}

export function makeRepo(seed: FakeRepoSeed): FakeRepo {
  let next = 1;
  const take = (n?: number) => {
    const number = n ?? next;
    next = Math.max(next, number + 1);
    return number;
  };
  const milestones = (seed.milestones ?? []).map((m, i) => ({
    title: `Milestone ${i + 1}`,
    state: "open" as const,
    description: "",
    due_on: null,
    closed_at: null,
    ...m,
    number: m.number ?? i + 1,
  }));
  const issues = (seed.issues ?? []).map((s) => ({
    title: "Issue",
    body: "",
    state: "open" as const,
    state_reason: null,
    labels: [],
    milestone: null,
    assignees: [],
    closed_by: null,
    ...s,
    number: take(s.number),
  }));
  const pullRequests = (seed.pullRequests ?? []).map((s) => ({
    title: "Pull request",
    state: "open" as const,
    merged: false,
    labels: [],
    milestone: null,
    closingIssues: [],
    reviews: [],
    headSha: "c".repeat(40),
    baseRef: seed.defaultBranch ?? "main",
    headRef: "feature",
    headRepository: `${seed.owner}/${seed.name}`,
    changedFiles: [],
    headFiles: {},
    headChecks: [],
    ...s,
    number: take(s.number),
  }));
  return {
    defaultBranch: "main",
    headSha: "b".repeat(40),
    files: {},
    checks: [],
    checkRuns: [],
    ...seed,
    milestones,
    labels: (seed.labels ?? []).map((l) =>
      typeof l === "string"
        ? { name: l, color: "ededed", description: null }
        : { color: "ededed", description: null, name: "label", ...l },
    ),
    issues,
    pullRequests,
  };
}

/** The next issue/pull-request number (they share one sequence on GitHub). */
export function nextIssueNumber(repo: FakeRepo): number {
  const issued = issuedSoFar(repo);
  issued.issue =
    Math.max(
      issued.issue,
      ...repo.issues.map((i) => i.number),
      ...repo.pullRequests.map((p) => p.number),
    ) + 1;
  return issued.issue;
}

/** The next milestone number; like GitHub, a deleted milestone's number is not given again. */
export function nextMilestoneNumber(repo: FakeRepo): number {
  const issued = issuedSoFar(repo);
  issued.milestone = Math.max(issued.milestone, ...repo.milestones.map((m) => m.number)) + 1;
  return issued.milestone;
}

function issuedSoFar(repo: FakeRepo): { milestone: number; issue: number } {
  repo.issued ??= { milestone: 0, issue: 0 };
  return repo.issued;
}
