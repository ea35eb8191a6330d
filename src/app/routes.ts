/**
 * Which work a webhook asks for (docs/app.md). Pure: a webhook's name and payload in,
 * requests out; the handlers only enqueue them. Kept apart from Probot so every routing
 * rule is tested with the real example payloads and no server.
 */

import { z } from "zod";
import { readMergeGroup } from "../github/merge-group.ts";
import { DASHBOARD_LABEL } from "../model/names/labels.ts";
import { DEFAULT_PLAN_PATHS } from "../plan/schema.ts";
import type { PlanCheckRef, PullRequestRef } from "./work.ts";

export interface WorkRequest {
  owner: string;
  repo: string;
  serverUrl: string;
  sync: boolean;
  pullRequests: PullRequestRef[];
  planChecks: PlanCheckRef[];
  event: string;
}

/** The events the App subscribes to, with the actions that can change a result. */
export const HANDLED_EVENTS = [
  "installation.created",
  "installation_repositories.added",
  "push",
  "milestone",
  "issues.opened",
  "issues.labeled",
  "issues.unlabeled",
  "issues.milestoned",
  "issues.demilestoned",
  "issues.closed",
  "issues.reopened",
  "issues.edited",
  // A deleted or transferred issue leaves its deliverable's scope.
  "issues.deleted",
  "issues.transferred",
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.edited",
  "pull_request.closed",
  "pull_request.labeled",
  "pull_request.unlabeled",
  // The pull request's GitHub milestone decides its milestone-mismatch warning.
  "pull_request.milestoned",
  "pull_request.demilestoned",
  "pull_request_review.submitted",
  // A dismissed approval no longer counts towards `approvals`.
  "pull_request_review.dismissed",
  "check_run.completed",
  "check_suite.completed",
  "label",
  // A merge queue asks for the checks of a group: `plan-align` on the group's head commit.
  "merge_group.checks_requested",
] as const;

const PR_CHECK_ACTIONS = new Set([
  "opened",
  "synchronize",
  "reopened",
  "edited",
  "labeled",
  "unlabeled",
  "milestoned",
  "demilestoned",
]);
/** Pull request changes that can change the repository's evaluation (merged PRs, labels). */
const PR_SYNC_ACTIONS = new Set(["closed", "labeled", "unlabeled"]);

interface Repo {
  name: string;
  full_name: string;
  owner: { login: string };
  default_branch?: string;
  html_url?: string;
}
type Payload = Record<string, unknown> & { action?: string; repository?: Repo };

/** A signed payload whose fields are not where GitHub puts them; the message says which. */
export class PayloadShapeError extends Error {}

const repositoryShape = z.object({
  name: z.string(),
  full_name: z.string(),
  owner: z.object({ login: z.string() }),
});
const listedRepository = z.object({ name: z.string(), full_name: z.string() });
/** The fields routing reads; everything else is GitHub's business. */
const payloadShape = z.object({
  action: z.string().optional(),
  repository: repositoryShape.optional(),
  repositories: z.array(listedRepository).optional(),
  repositories_added: z.array(listedRepository).optional(),
  pull_request: z.object({ number: z.number() }).optional(),
});

/** Throws a PayloadShapeError naming the first field that is missing or of the wrong type. */
function checkShape(payload: unknown): void {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new PayloadShapeError("the payload is not a JSON object");
  }
  const result = payloadShape.safeParse(payload);
  if (result.success) return;
  const issue = result.error.issues[0];
  const where = issue?.path.map(String).join(".") || "the payload";
  throw new PayloadShapeError(`${where} is missing or of the wrong type`);
}

/** Throws a PayloadShapeError when the fields it reads are missing or of the wrong type. */
export function routeWebhook(params: {
  name: string;
  payload: unknown;
  /** PLAN_ALIGN_PLAN_PATH, or absent for the default locations. */
  planPath?: string;
  /** This app's id: its own check runs and suites are ignored. */
  appId?: number;
}): WorkRequest[] {
  checkShape(params.payload);
  const payload = params.payload as Payload;
  const event = payload.action ? `${params.name}.${payload.action}` : params.name;
  const repo = payload.repository;
  const base = (r: Repo) => ({
    owner: r.owner?.login ?? r.full_name.split("/")[0] ?? "",
    repo: r.name,
    serverUrl: serverUrlOf(r),
    sync: false,
    pullRequests: [] as PullRequestRef[],
    planChecks: [] as PlanCheckRef[],
    event,
  });

  switch (params.name) {
    case "installation":
    case "installation_repositories": {
      const list = (payload.repositories ?? payload.repositories_added ?? []) as {
        full_name: string;
        name: string;
      }[];
      const account = (payload.installation as { account?: { login?: string; html_url?: string } })
        ?.account;
      return list.map((r) => {
        const [owner = "", name = r.name] = r.full_name.split("/");
        return {
          owner,
          repo: name,
          serverUrl: serverFromAccount(account?.html_url, account?.login),
          sync: true,
          pullRequests: [],
          planChecks: [],
          event,
        };
      });
    }
    case "push":
      return repo ? [pushRequest({ payload, base: base(repo), planPath: params.planPath })] : [];
    case "issues": {
      if (!repo) return [];
      const issue = payload.issue as { labels?: { name: string }[] } | undefined;
      // Our own dashboard edits would otherwise wake us for nothing.
      if (issue?.labels?.some((l) => l.name === DASHBOARD_LABEL.name)) return [];
      return [{ ...base(repo), sync: true }];
    }
    case "pull_request":
      return repo ? [pullRequestRequest(payload, base(repo))] : [];
    case "pull_request_review": {
      if (!repo) return [];
      const req = { ...base(repo), sync: true };
      const pr = pullRequestRef(payload.pull_request);
      if (pr && isOpen(payload.pull_request)) req.pullRequests = [pr];
      return [req];
    }
    case "check_run":
    case "check_suite":
      return repo ? checkRequest({ payload, base: base(repo), appId: params.appId }) : [];
    case "merge_group": {
      const group = readMergeGroup(payload.merge_group);
      if (!repo || payload.action !== "checks_requested" || "error" in group) return [];
      const { pullRequest: number, baseRef, headSha: checkSha } = group;
      return [{ ...base(repo), pullRequests: [{ number, baseRef, checkSha }] }];
    }
    case "milestone":
    case "label":
      return repo ? [{ ...base(repo), sync: true }] : [];
    default:
      return [];
  }
}

function pushRequest(params: {
  payload: Payload;
  base: WorkRequest;
  planPath?: string;
}): WorkRequest {
  const { payload, base } = params;
  const req = { ...base };
  const deleted = payload.deleted === true;
  const after = typeof payload.after === "string" ? payload.after : "";
  if (deleted || /^0+$/.test(after)) return req;
  const defaultRef = `refs/heads/${payload.repository?.default_branch ?? ""}`;
  req.sync = payload.ref === defaultRef;
  const watched = params.planPath ? [params.planPath] : [...DEFAULT_PLAN_PATHS];
  const commits = (payload.commits ?? []) as { added?: string[]; modified?: string[] }[];
  const touched = new Set(commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? [])]));
  req.planChecks = watched.filter((p) => touched.has(p)).map((path) => ({ sha: after, path }));
  return req;
}

function pullRequestRequest(payload: Payload, base: WorkRequest): WorkRequest {
  const action = payload.action ?? "";
  const req = { ...base, sync: PR_SYNC_ACTIONS.has(action) };
  const pr = pullRequestRef(payload.pull_request);
  if (pr && PR_CHECK_ACTIONS.has(action) && isOpen(payload.pull_request)) req.pullRequests = [pr];
  return req;
}

/**
 * A finished check on the default branch can meet a `checks:` criterion; one on a pull
 * request's head changes that pull request's projection. Our own runs are skipped, or
 * posting a check would trigger another.
 */
function checkRequest(params: {
  payload: Payload;
  base: WorkRequest;
  appId?: number;
}): WorkRequest[] {
  const { payload, base } = params;
  const run = payload.check_run as
    | { name?: string; app?: { id?: number }; check_suite?: CheckSuite; pull_requests?: PrStub[] }
    | undefined;
  const suite = (payload.check_suite ?? run?.check_suite) as CheckSuite | undefined;
  const app = run?.app ?? suite?.app;
  if (params.appId !== undefined && app?.id === params.appId) return [];
  if (run?.name?.startsWith("plan-align")) return [];
  const req = { ...base };
  req.sync = suite?.head_branch === payload.repository?.default_branch;
  const prs = (run?.pull_requests ?? suite?.pull_requests ?? []) as PrStub[];
  req.pullRequests = prs
    .filter((p) => p.base?.repo?.id === undefined || p.base.repo.id === repoId(payload))
    .map((p) => ({ number: p.number, baseRef: p.base?.ref ?? "" }))
    .filter((p) => p.baseRef !== "");
  return req.sync || req.pullRequests.length > 0 ? [req] : [];
}

interface CheckSuite {
  head_branch?: string | null;
  app?: { id?: number };
  pull_requests?: PrStub[];
}
interface PrStub {
  number: number;
  base?: { ref?: string; repo?: { id?: number } };
}

function repoId(payload: Payload): number | undefined {
  return (payload.repository as { id?: number } | undefined)?.id;
}

function pullRequestRef(pr: unknown): PullRequestRef | null {
  const p = pr as { number?: number; base?: { ref?: string } } | undefined;
  if (!p || typeof p.number !== "number" || !p.base?.ref) return null;
  return { number: p.number, baseRef: p.base.ref };
}

function isOpen(pr: unknown): boolean {
  return (pr as { state?: string } | undefined)?.state === "open";
}

/** `https://github.com/acme/canteen` → `https://github.com` (or the GHES host). */
function serverUrlOf(repo: Repo): string {
  const url = repo.html_url ?? "";
  const suffix = `/${repo.full_name}`;
  return url.endsWith(suffix) ? url.slice(0, -suffix.length) : "https://github.com";
}

function serverFromAccount(htmlUrl?: string, login?: string): string {
  if (htmlUrl && login && htmlUrl.endsWith(`/${login}`)) return htmlUrl.slice(0, -login.length - 1);
  return "https://github.com";
}
