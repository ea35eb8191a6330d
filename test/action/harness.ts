/**
 * Drives the Action's runner as the Actions runner would: INPUT_* variables, a real webhook
 * payload, GITHUB_* variables — with GitHub answered by nock (contract-checked by
 * test/support), GraphQL answered from a repository of the shared fake GitHub
 * (test/support/fake-github), and the toolkit replaced by a recording core.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type nock from "nock";
import { type RunParams, run } from "../../src/action/main.ts";
import type { Outcome } from "../../src/action/outcome.ts";
import { createClient } from "../../src/github/client.ts";
import type { Report } from "../../src/model/report.ts";
import { executeGraphQL } from "../support/fake-github/graphql.ts";
import { type FakeRepo, type FakeRepoSeed, makeRepo } from "../support/fake-github/state.ts";
import { githubNock } from "../support/nock.ts";
import { RecordingCore } from "./recording-core.ts";
import { webhookExample } from "./webhook-examples.ts";

export const OWNER = "Codertocat";
export const NAME = "Hello-World";
export const REPO_PATH = `/repos/${OWNER}/${NAME}`;
/** Fixed "now" so at-risk / overdue do not drift with the calendar. */
export const NOW = new Date("2026-01-10T12:00:00Z");
export const PLAN_TEXT = readFileSync(new URL("./fixtures/plan.yml", import.meta.url), "utf8");

export function pullRequestEvent(action: "opened" | "synchronize" = "opened") {
  const payload = webhookExample("pull_request", (p) => p.action === action);
  const pr = payload.pull_request as {
    number: number;
    head: { sha: string };
    base: { ref: string };
  };
  return {
    name: "pull_request",
    payload,
    number: pr.number,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
  };
}

export function pushEvent() {
  return { name: "push", payload: webhookExample("push", (p) => p.ref === "refs/heads/master") };
}

/** A repository with the fixture plan on its default branch, the base of the example pull request. */
export function baseRepo(overrides: Partial<FakeRepoSeed> = {}): FakeRepoSeed {
  return {
    owner: OWNER,
    name: NAME,
    defaultBranch: "master",
    headSha: "d".repeat(40),
    files: {
      ".github/plan.yml": PLAN_TEXT,
      "docs/requirements/README.md": "# Introduction\n\nWhat we build.\n",
    },
    milestones: [
      {
        number: 1,
        title: "Requirements approved",
        due_on: "2026-02-15T08:00:00Z",
        description: "<!-- plan-align:id=requirements-approved -->",
      },
      {
        number: 2,
        title: "Prototype completed",
        due_on: "2026-04-01T07:00:00Z",
        description: "<!-- plan-align:id=prototype-done -->",
      },
    ],
    labels: ["deliverable: requirements", "deliverable:queue-display"],
    issues: [
      {
        number: 10,
        state: "closed",
        state_reason: "completed",
        labels: ["deliverable: requirements"],
        milestone: 1,
      },
      { number: 11, state: "open", labels: ["deliverable:queue-display"], milestone: 2 },
    ],
    pullRequests: [],
    ...overrides,
  };
}

/** The example's two issues, both closed as completed: every issue criterion is met. */
export const ISSUES_CLOSED: FakeRepoSeed["issues"] = [
  {
    number: 10,
    state: "closed",
    state_reason: "completed",
    labels: ["deliverable: requirements"],
    milestone: 1,
  },
  {
    number: 11,
    state: "closed",
    state_reason: "completed",
    labels: ["deliverable:queue-display"],
    milestone: 2,
  },
];

/** The parts of a check-run request body the tests read. */
export interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  details_url?: string;
  output: {
    title: string;
    summary: string;
    annotations?: { path: string; annotation_level: string; start_line: number; message: string }[];
  };
}

export interface Harness {
  core: RecordingCore;
  gh: nock.Scope;
  env: Record<string, string>;
  /** Check-run bodies POSTed / PATCHed, in order. */
  checkRuns: { method: string; body: CheckRunBody }[];
  run(): Promise<Outcome | null>;
  /** The JSON report the run wrote (the `report` output). */
  report(): Report;
}

export function harness(params: {
  event: { name: string; payload: unknown };
  inputs?: Record<string, string>;
  extraEnv?: Record<string, string>;
}): Harness {
  const temp = mkdtempSync(join(tmpdir(), "plan-align-action-"));
  const env: Record<string, string> = {
    INPUT_TOKEN: "ghs_test",
    INPUT_MODE: "auto",
    "INPUT_DRY-RUN": "false",
    INPUT_PLAN: "",
    GITHUB_EVENT_NAME: params.event.name,
    GITHUB_REPOSITORY: `${OWNER}/${NAME}`,
    GITHUB_API_URL: "https://api.github.com",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242",
    RUNNER_TEMP: temp,
    ...Object.fromEntries(
      Object.entries(params.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    ),
    ...params.extraEnv,
  };
  const core = new RecordingCore();
  const checkRuns: Harness["checkRuns"] = [];
  const runParams: RunParams = {
    env,
    core,
    payload: params.event.payload,
    now: () => NOW,
    createClient: (p) =>
      createClient({ ...p, waitUnitMs: 1, fetch: (...a) => globalThis.fetch(...a) }),
  };
  return {
    core,
    gh: githubNock(),
    env,
    checkRuns,
    run: () => run(runParams),
    report: () => JSON.parse(readFileSync(core.outputs.report ?? "", "utf8")) as Report,
  };
}

/** GET of a file through the contents API (any ref when `ref` is absent). */
export function mockFile(
  gh: nock.Scope,
  params: { path: string; ref?: string; text: string | null },
) {
  const scope = gh
    .get(`${REPO_PATH}/contents/${encodeURIComponent(params.path)}`)
    .query((q) => (params.ref === undefined ? q.ref === undefined : q.ref === params.ref));
  return params.text === null
    ? scope.reply(404, { message: "Not Found" })
    : scope.reply(200, params.text);
}

/** `count` GraphQL requests answered from `seed` by the shared fake GitHub. */
export function mockGraphQL(gh: nock.Scope, seed: FakeRepoSeed, count = 1) {
  const repo = fakeRepo(seed);
  return gh
    .post("/graphql")
    .times(count)
    .reply(200, async (req: Request) => answerGraphQL(repo, await req.text()));
}

/** The fake GitHub's answer to one GraphQL request body about `repo`. */
export function answerGraphQL(repo: FakeRepo, body: string) {
  const { query, variables } = JSON.parse(body) as {
    query: string;
    variables?: Record<string, unknown>;
  };
  return executeGraphQL({ repos: [repo], query, ...(variables ? { variables } : {}) });
}

/**
 * The fake GitHub's repository for a seed, with this suite's conveniences: issues and pull
 * requests titled by their number, and a pull request's head holding the default branch's
 * files plus its own `headFiles`.
 */
export function fakeRepo(seed: FakeRepoSeed): FakeRepo {
  return makeRepo({
    ...seed,
    issues: (seed.issues ?? []).map((i) => ({ title: `Issue ${i.number}`, ...i })),
    pullRequests: (seed.pullRequests ?? []).map((p) => ({
      title: `Pull request ${p.number}`,
      headRef: `branch-${p.number}`,
      ...p,
      headFiles: { ...seed.files, ...p.headFiles },
    })),
  });
}

/** The check run create (and, for more than 50 annotations, its updates), recorded. */
export function mockCheckRun(h: Harness, params: { updates?: number; status?: number } = {}) {
  const record = (method: string) => (body: CheckRunBody) => {
    h.checkRuns.push({ method, body });
    return true;
  };
  if (params.status && params.status !== 201) {
    h.gh.post(`${REPO_PATH}/check-runs`, record("POST")).reply(params.status, {
      message: "Resource not accessible by integration",
      documentation_url: "https://docs.github.com/rest/checks/runs#create-a-check-run",
    });
    return;
  }
  h.gh
    .post(`${REPO_PATH}/check-runs`, record("POST"))
    .reply(201, { id: 77, html_url: `https://github.com/${OWNER}/${NAME}/runs/77` });
  if (params.updates) {
    h.gh
      .patch(`${REPO_PATH}/check-runs/77`, record("PATCH"))
      .times(params.updates)
      .reply(200, { id: 77 });
  }
}
