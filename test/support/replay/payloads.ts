/**
 * Webhook payloads for any repository, built from GitHub's real example payloads
 * (@octokit/webhooks-examples) with the fields GitHub would fill for the change just made:
 * the repository, the installation, and the issue / pull request / commit / check it is about.
 */
import { example, type Payload } from "../../app/support/webhooks.ts";

export const INSTALLATION_ID = 42;

export interface RepoName {
  owner: string;
  name: string;
}

/** An example of `name` (with `action` when the examples have one; else the first, re-actioned). */
function base(name: string, action: string | undefined, repo: RepoName): Payload {
  let p: Payload;
  try {
    p = example(name, action);
  } catch {
    p = example(name);
    p.action = action;
  }
  if (p.repository) {
    p.repository.name = repo.name;
    p.repository.full_name = `${repo.owner}/${repo.name}`;
    p.repository.owner.login = repo.owner;
    p.repository.html_url = `https://github.com/${repo.owner}/${repo.name}`;
    p.repository.default_branch = "main";
  }
  p.installation = { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=" };
  return p;
}

export function installationPayload(repos: RepoName[]): Payload {
  const p = example("installation", "created");
  const owner = repos[0]?.owner ?? "acme";
  p.installation.id = INSTALLATION_ID;
  p.installation.account.login = owner;
  p.installation.account.html_url = `https://github.com/${owner}`;
  p.repositories = repos.map((r, i) => ({
    id: 1000 + i,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    private: false,
  }));
  return p;
}

export interface IssueFields {
  number: number;
  title?: string;
  state?: "open" | "closed";
  labels?: string[];
}

export function issuesPayload(repo: RepoName, action: string, issue: IssueFields): Payload {
  const p = base("issues", action, repo);
  p.issue.number = issue.number;
  p.issue.title = issue.title ?? `Issue ${issue.number}`;
  p.issue.state = issue.state ?? (action === "closed" ? "closed" : "open");
  p.issue.labels = (issue.labels ?? []).map((name) => ({ name }));
  return p;
}

export function milestonePayload(repo: RepoName, action: string, number: number): Payload {
  const p = base("milestone", action, repo);
  p.milestone.number = number;
  return p;
}

export function labelPayload(repo: RepoName, action: string, name: string): Payload {
  const p = base("label", action, repo);
  p.label.name = name;
  return p;
}

export interface PullFields {
  number: number;
  state: "open" | "closed";
  merged?: boolean;
  headSha: string;
  labels?: string[];
}

export function pullRequestPayload(repo: RepoName, action: string, pr: PullFields): Payload {
  const p = base("pull_request", action, repo);
  fillPull(p.pull_request, pr);
  return p;
}

export function reviewPayload(
  repo: RepoName,
  pr: PullFields,
  review: { login: string; state: string },
): Payload {
  const p = base("pull_request_review", "submitted", repo);
  fillPull(p.pull_request, pr);
  p.review.state = review.state.toLowerCase();
  p.review.user.login = review.login;
  return p;
}

function fillPull(target: Payload, pr: PullFields): void {
  target.number = pr.number;
  target.state = pr.state;
  target.merged = pr.merged ?? false;
  target.base.ref = "main";
  target.head.sha = pr.headSha;
  target.labels = (pr.labels ?? []).map((name) => ({ name }));
}

export function pushPayload(
  repo: RepoName,
  push: { ref: string; after: string; before: string; added?: string[]; modified?: string[] },
): Payload {
  const p = base("push", undefined, repo);
  p.ref = push.ref;
  p.before = push.before;
  p.after = push.after;
  p.deleted = false;
  p.created = false;
  const commit = {
    id: push.after,
    added: push.added ?? [],
    modified: push.modified ?? [],
    removed: [],
  };
  p.commits = [commit];
  p.head_commit = { ...(p.head_commit ?? {}), ...commit };
  return p;
}

/** A check run of another app (CI) completed on the default branch. */
export function checkRunPayload(
  repo: RepoName,
  run: { name: string; conclusion: string; headSha: string },
): Payload {
  const p = base("check_run", "completed", repo);
  p.check_run.name = run.name;
  p.check_run.conclusion = run.conclusion;
  p.check_run.head_sha = run.headSha;
  p.check_run.app = { ...(p.check_run.app ?? {}), id: 15368 }; // GitHub Actions, not us
  p.check_run.pull_requests = [];
  p.check_run.check_suite = {
    ...(p.check_run.check_suite ?? {}),
    head_branch: "main",
    app: { id: 15368 },
    pull_requests: [],
  };
  return p;
}
