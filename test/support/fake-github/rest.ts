/**
 * The REST endpoints the port (and Probot's installation auth) use, answered from the fake
 * state the way GitHub answers them: status codes, `422 already_exists` on duplicates,
 * pagination with Link headers, raw or base64 contents.
 */
import type { FakeIssue, FakeLabel, FakeMilestone, FakeRepo } from "./state.ts";
import { nextIssueNumber, nextMilestoneNumber } from "./state.ts";

export interface RestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | undefined;
  headers: Record<string, string | string[] | undefined>;
  baseUrl: string;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (repo: FakeRepo, req: RestRequest, params: string[]) => RestResponse;

/** Who the fake's tokens act as (an installation token acts as the app's bot user). */
export const BOT_LOGIN = "plan-align[bot]";

/** GitHub's limit on an issue's body, in characters; longer is refused with 422. */
const ISSUE_BODY_MAX = 65_536;

function bodyTooLong(body: unknown): RestResponse | null {
  if (typeof body !== "string" || [...body].length <= ISSUE_BODY_MAX) return null;
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [
        {
          resource: "Issue",
          code: "custom",
          field: "body",
          message: `body is too long (maximum is ${ISSUE_BODY_MAX} characters)`,
        },
      ],
    },
  };
}

const notFound: RestResponse = {
  status: 404,
  body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" },
};

function alreadyExists(resource: string, field: string): RestResponse {
  return {
    status: 422,
    body: { message: "Validation Failed", errors: [{ resource, code: "already_exists", field }] },
  };
}

/** A page of `items` with GitHub's Link header (per_page default 30, max 100). */
function paginate(items: unknown[], req: RestRequest): RestResponse {
  const perPage = Math.min(100, Number(req.query.get("per_page") ?? 30) || 30);
  const page = Math.max(1, Number(req.query.get("page") ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const links: string[] = [];
  const link = (p: number, rel: string) => {
    const q = new URLSearchParams(req.query);
    q.set("page", String(p));
    q.set("per_page", String(perPage));
    links.push(`<${req.baseUrl}${req.path}?${q}>; rel="${rel}"`);
  };
  if (page < last) {
    link(page + 1, "next");
    link(last, "last");
  }
  if (page > 1) {
    link(1, "first");
    link(page - 1, "prev");
  }
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    ...(links.length ? { headers: { link: links.join(", ") } } : {}),
  };
}

function milestoneJson(repo: FakeRepo, m: FakeMilestone) {
  const issues = repo.issues.filter((i) => i.milestone === m.number);
  return {
    ...m,
    id: m.number * 1000,
    url: `https://api.github.com/repos/${repo.owner}/${repo.name}/milestones/${m.number}`,
    open_issues: issues.filter((i) => i.state === "open").length,
    closed_issues: issues.filter((i) => i.state === "closed").length,
  };
}

function labelJson(l: FakeLabel) {
  return { ...l, id: l.name.length, default: false };
}

function issueJson(repo: FakeRepo, i: FakeIssue) {
  const milestone = repo.milestones.find((m) => m.number === i.milestone);
  return {
    id: i.number * 10,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels.map((name) =>
      labelJson(
        repo.labels.find((l) => l.name === name) ?? { name, color: "ededed", description: null },
      ),
    ),
    milestone: milestone ? milestoneJson(repo, milestone) : null,
    assignees: i.assignees.map((login) => ({ login })),
    user: { login: "someone" },
  };
}

/**
 * What GitHub stores for a milestone's `due_on`: the calendar day the sent instant falls on
 * in US Pacific time, kept as that day's Pacific midnight — `07:00:00Z` in daylight saving
 * time, `08:00:00Z` otherwise. So `2026-09-24T06:59:00Z` becomes `2026-09-23T07:00:00Z` (the
 * day before!) and noon UTC always stays on its own day. A date without a time is read as
 * midnight UTC, as GitHub reads it.
 */
export function githubStoredDueOn(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) return null;
  const day = pacific(ms, { year: "numeric", month: "2-digit", day: "2-digit" });
  // Pacific midnight of that day is 07:00Z or 08:00Z; pick the one that is midnight there.
  for (const hour of ["07", "08"]) {
    const candidate = `${day}T${hour}:00:00Z`;
    if (pacific(Date.parse(candidate), { hour: "2-digit", hourCycle: "h23" }) === "00") {
      return candidate;
    }
  }
  return `${day}T08:00:00Z`;
}

function pacific(ms: number, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles", ...options }).format(
    new Date(ms),
  );
}

function invalidDueOn(): RestResponse {
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [{ resource: "Milestone", code: "invalid", field: "due_on" }],
    },
  };
}

const routes: [method: string, pattern: RegExp, handler: Handler][] = [
  [
    "GET",
    /^\/milestones$/,
    (repo, req) => {
      const state = req.query.get("state") ?? "open";
      const list = repo.milestones.filter((m) => state === "all" || m.state === state);
      return paginate(
        list.sort((a, b) => a.number - b.number).map((m) => milestoneJson(repo, m)),
        req,
      );
    },
  ],
  [
    "POST",
    /^\/milestones$/,
    (repo, req) => {
      const b = req.body ?? {};
      if (repo.milestones.some((m) => m.title === b.title))
        return alreadyExists("Milestone", "title");
      if (b.due_on != null && githubStoredDueOn(b.due_on) === null) return invalidDueOn();
      const closed = b.state === "closed";
      const m: FakeMilestone = {
        number: nextMilestoneNumber(repo),
        title: String(b.title),
        state: closed ? "closed" : "open",
        description: (b.description as string | undefined) ?? null,
        due_on: githubStoredDueOn(b.due_on),
        // Created closed: GitHub stamps the closing time, as for a later close.
        closed_at: closed ? new Date().toISOString().replace(/\.\d+Z$/, "Z") : null,
      };
      repo.milestones.push(m);
      return { status: 201, body: milestoneJson(repo, m) };
    },
  ],
  [
    "GET",
    /^\/milestones\/(\d+)$/,
    (repo, _req, [n]) => {
      const m = repo.milestones.find((x) => x.number === Number(n));
      return m ? { status: 200, body: milestoneJson(repo, m) } : notFound;
    },
  ],
  [
    "PATCH",
    /^\/milestones\/(\d+)$/,
    (repo, req, [n]) => {
      const m = repo.milestones.find((x) => x.number === Number(n));
      if (!m) return notFound;
      const b = req.body ?? {};
      if (
        typeof b.title === "string" &&
        b.title !== m.title &&
        repo.milestones.some((x) => x.title === b.title)
      ) {
        return alreadyExists("Milestone", "title");
      }
      if (typeof b.title === "string") m.title = b.title;
      if ("description" in b) m.description = (b.description as string | null) ?? null;
      if (b.due_on != null && githubStoredDueOn(b.due_on) === null) return invalidDueOn();
      if ("due_on" in b) m.due_on = githubStoredDueOn(b.due_on);
      if (b.state === "closed" && m.state !== "closed") {
        m.state = "closed";
        m.closed_at = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      } else if (b.state === "open") {
        m.state = "open";
        m.closed_at = null;
      }
      return { status: 200, body: milestoneJson(repo, m) };
    },
  ],
  ["GET", /^\/labels$/, (repo, req) => paginate(repo.labels.map(labelJson), req)],
  [
    "POST",
    /^\/labels$/,
    (repo, req) => {
      const b = req.body ?? {};
      const name = String(b.name);
      if (repo.labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
        return alreadyExists("Label", "name");
      const label = {
        name,
        color: String(b.color ?? "ededed"),
        description: (b.description as string | undefined) ?? null,
      };
      repo.labels.push(label);
      return { status: 201, body: labelJson(label) };
    },
  ],
  [
    "GET",
    /^\/issues$/,
    (repo, req) => {
      const state = req.query.get("state") ?? "open";
      // GitHub's REST `labels` filter is AND: every listed label must be present.
      const labels = req.query.get("labels")?.split(",").filter(Boolean) ?? [];
      const issues = repo.issues
        .filter((i) => state === "all" || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .map((i) => issueJson(repo, i));
      const pulls = repo.pullRequests
        .filter((p) => state === "all" || p.state === state)
        .filter((p) => labels.every((l) => p.labels.includes(l)))
        .map((p) => ({
          ...issueJson(repo, {
            ...p,
            body: "",
            state_reason: null,
            assignees: [],
            closed_by: null,
          }),
          pull_request: { url: "" },
        }));
      return paginate(
        [...issues, ...pulls].sort((a, b) => b.number - a.number),
        req,
      );
    },
  ],
  [
    "POST",
    /^\/issues$/,
    (repo, req) => {
      const b = req.body ?? {};
      const tooLong = bodyTooLong(b.body);
      if (tooLong) return tooLong;
      const milestone = typeof b.milestone === "number" ? b.milestone : null;
      if (milestone !== null && !repo.milestones.some((m) => m.number === milestone)) {
        return {
          status: 422,
          body: {
            message: "Validation Failed",
            errors: [{ resource: "Issue", code: "invalid", field: "milestone" }],
          },
        };
      }
      const labels = (b.labels as string[] | undefined) ?? [];
      for (const name of labels) {
        if (!repo.labels.some((l) => l.name === name))
          repo.labels.push({ name, color: "ededed", description: null });
      }
      const issue: FakeIssue = {
        number: nextIssueNumber(repo),
        title: String(b.title),
        body: (b.body as string | undefined) ?? null,
        state: "open",
        state_reason: null,
        labels,
        milestone,
        assignees: (b.assignees as string[] | undefined) ?? [],
        closed_by: null,
      };
      repo.issues.push(issue);
      return { status: 201, body: issueJson(repo, issue) };
    },
  ],
  [
    "GET",
    /^\/issues\/(\d+)$/,
    (repo, _req, [n]) => {
      const i = repo.issues.find((x) => x.number === Number(n));
      return i ? { status: 200, body: issueJson(repo, i) } : notFound;
    },
  ],
  [
    "PATCH",
    /^\/issues\/(\d+)$/,
    (repo, req, [n]) => {
      const i = repo.issues.find((x) => x.number === Number(n));
      if (!i) return notFound;
      const b = req.body ?? {};
      const tooLong = bodyTooLong(b.body);
      if (tooLong) return tooLong;
      if ("milestone" in b) {
        const number = b.milestone as number | null;
        if (number !== null && !repo.milestones.some((m) => m.number === number)) {
          return {
            status: 422,
            body: {
              message: "Validation Failed",
              errors: [{ resource: "Issue", code: "invalid", field: "milestone" }],
            },
          };
        }
        i.milestone = number;
      }
      if (typeof b.title === "string") i.title = b.title;
      if ("body" in b) i.body = (b.body as string | null) ?? null;
      if (Array.isArray(b.labels)) i.labels = b.labels as string[];
      if (Array.isArray(b.assignees)) i.assignees = b.assignees as string[];
      if (b.state === "closed" || b.state === "open") {
        // Closing records who closed it: with an installation token, the app's bot account.
        if (b.state === "closed" && i.state !== "closed") i.closed_by = BOT_LOGIN;
        i.state = b.state;
        i.state_reason =
          b.state === "closed"
            ? ((b.state_reason as FakeIssue["state_reason"]) ?? "completed")
            : "reopened";
      }
      return { status: 200, body: issueJson(repo, i) };
    },
  ],
  [
    "GET",
    /^\/contents\/(.+)$/,
    (repo, req, [path]) => {
      const ref = req.query.get("ref");
      const file = decodeURIComponent(path ?? "");
      let files = repo.files;
      if (ref && ref !== repo.defaultBranch && ref !== repo.headSha) {
        const pr = repo.pullRequests.find((p) => p.headSha === ref || p.headRef === ref);
        if (!pr) return { status: 404, body: { message: `No commit found for the ref ${ref}` } };
        files = pr.headFiles;
      }
      const text = files[file];
      if (text === undefined) return notFound;
      const accept = String(req.headers.accept ?? "");
      if (accept.includes("raw"))
        return {
          status: 200,
          body: text,
          headers: { "content-type": "text/plain; charset=utf-8" },
        };
      return {
        status: 200,
        body: {
          type: "file",
          encoding: "base64",
          path: file,
          name: file.split("/").pop(),
          size: Buffer.byteLength(text),
          content: Buffer.from(text).toString("base64"),
        },
      };
    },
  ],
  [
    "POST",
    /^\/check-runs$/,
    (repo, req) => {
      const b = req.body ?? {};
      const output =
        (b.output as
          | { title?: string; summary?: string; annotations?: Record<string, unknown>[] }
          | undefined) ?? null;
      const run = {
        id: repo.checkRuns.length + 1,
        name: String(b.name),
        head_sha: String(b.head_sha),
        // GitHub: "Providing conclusion will automatically set the status to completed."
        status: b.conclusion ? "completed" : String(b.status ?? "queued"),
        conclusion: (b.conclusion as string | undefined) ?? null,
        output: output ? { title: output.title, summary: output.summary } : null,
        annotations: output?.annotations ?? [],
        ...(b.details_url ? { details_url: String(b.details_url) } : {}),
        ...(b.external_id ? { external_id: String(b.external_id) } : {}),
      };
      repo.checkRuns.push(run);
      return {
        status: 201,
        body: { ...run, html_url: `https://github.com/${repo.owner}/${repo.name}/runs/${run.id}` },
      };
    },
  ],
  [
    "PATCH",
    /^\/check-runs\/(\d+)$/,
    (repo, req, [id]) => {
      const run = repo.checkRuns.find((r) => r.id === Number(id));
      if (!run) return notFound;
      const b = req.body ?? {};
      const output = b.output as
        | { title?: string; summary?: string; annotations?: Record<string, unknown>[] }
        | undefined;
      if (output) {
        run.output = { title: output.title, summary: output.summary };
        run.annotations.push(...(output.annotations ?? []));
      }
      if (typeof b.status === "string") run.status = b.status;
      if (typeof b.conclusion === "string") {
        run.conclusion = b.conclusion;
        run.status = "completed";
      }
      return { status: 200, body: { ...run, html_url: "" } };
    },
  ],
  [
    "GET",
    /^\/installation$/,
    (repo) => ({
      status: 200,
      body: { id: 1, account: { login: repo.owner }, app_id: 1, permissions: {} },
    }),
  ],
];

/** Answers one REST request, or null when no route matches. */
export function handleRest(repos: FakeRepo[], req: RestRequest): RestResponse {
  const app = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(req.path);
  if (app && req.method === "POST") {
    return {
      status: 201,
      body: {
        token: `ghs_fake${app[1]}`,
        expires_at: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z"),
        permissions: {
          checks: "write",
          issues: "write",
          pull_requests: "read",
          contents: "read",
          metadata: "read",
        },
        repository_selection: "all",
      },
    };
  }
  const listed = listInstallations(repos, req);
  if (listed) return listed;
  const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(req.path);
  if (!m) return notFound;
  const repo = repos.find((r) => r.owner === m[1] && r.name === m[2]);
  if (!repo) return notFound;
  const rest = m[3] ?? "";
  for (const [method, pattern, handler] of routes) {
    const hit = method === req.method ? pattern.exec(rest) : null;
    if (hit) return handler(repo, req, hit.slice(1));
  }
  return notFound;
}

/**
 * The App's one installation (id 42, every repository of the fake) and its repositories, as
 * the App's reconcile lists them. One page: the fake holds a handful of repositories.
 */
function listInstallations(repos: FakeRepo[], req: RestRequest): RestResponse | null {
  if (req.method !== "GET") return null;
  const owner = repos[0]?.owner ?? "acme";
  if (req.path === "/app/installations") {
    return {
      status: 200,
      body: [
        {
          id: 42,
          account: { login: owner, html_url: `https://github.com/${owner}` },
          app_id: 1,
          permissions: {},
        },
      ],
    };
  }
  if (req.path === "/installation/repositories") {
    return {
      status: 200,
      body: {
        total_count: repos.length,
        repositories: repos.map((r, i) => ({
          id: i + 1,
          name: r.name,
          full_name: `${r.owner}/${r.name}`,
          owner: { login: r.owner },
          html_url: `https://github.com/${r.owner}/${r.name}`,
          archived: false,
          default_branch: r.defaultBranch,
        })),
      },
    };
  }
  return null;
}
