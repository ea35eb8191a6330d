/**
 * Replays the recorded history against the App running as a real server on loopback, with
 * GitHub played by the stateful fake, and reads back GitHub's final state.
 */
import { sendWebhook, startApp } from "../../app/support/server.ts";
import { type FakeGitHub, type FakeRepo, startFakeGitHub } from "../fake-github/index.ts";
import { installationPayload } from "./payloads.ts";
import { NOW, REPO, type ReplayEvent, replaySeed } from "./scenario.ts";
import { makeSchedule } from "./schedule.ts";

/** Events for one repository arriving within this window are one evaluation (default). */
const COALESCE_MS = 2;

export interface ReplayResult {
  state: GitHubState;
  /** Webhooks sent (first deliveries and redeliveries). */
  sent: number;
  /** Sends that repeated a delivery id. */
  redelivered: number;
  /** What the App's queue saw. */
  queue: { enqueued: number; duplicates: number; runs: number; failures: number };
  evaluations: number;
  /** Statuses other than 200. */
  refused: number[];
  /** Contract violations, DELETE requests, warnings and errors in the App's log. */
  violations: string[];
  deletes: number;
  problems: string[];
  /** `plan-align / plan` check runs per pushed commit. */
  planChecks: Record<string, number>;
}

async function withApp<T>(
  gh: FakeGitHub,
  fn: (app: Awaited<ReturnType<typeof startApp>>) => Promise<T>,
  coalesceMs = COALESCE_MS,
): Promise<T> {
  const app = await startApp({ githubUrl: gh.url, coalesceMs, now: () => NOW });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

const installation = () => ({
  name: "installation",
  payload: installationPayload([REPO]),
  id: "replay-install",
});

/** One replay: install, then the history's changes in order with their webhooks shuffled. */
export async function replay(params: {
  events: ReplayEvent[];
  seed: number;
  coalesceMs?: number;
}): Promise<ReplayResult> {
  const { events, seed } = params;
  const gh = await startFakeGitHub({ repos: [replaySeed()] });
  try {
    return await withApp(
      gh,
      async (app) => {
        const repo = gh.repo(`${REPO.owner}/${REPO.name}`);
        const refused: number[] = [];
        let sent = 0;
        const send = async (index: number) => {
          const e = events[index] as ReplayEvent;
          sent++;
          const res = await sendWebhook(app.url, { name: e.name, payload: e.payload, id: e.id });
          if (res.status !== 200) refused.push(res.status);
        };
        // GitHub sends a repository's events only once the App is installed on it.
        const first = await sendWebhook(app.url, installation());
        if (first.status !== 200) refused.push(first.status);
        await app.settle();

        const schedule = makeSchedule({ events: events.length, seed });
        for (let step = 0; step < events.length; step++) {
          (events[step] as ReplayEvent).apply(repo);
          await Promise.all((schedule.sends[step] ?? []).map(send));
          if (schedule.pauses.has(step)) await app.settle();
        }
        for (const index of schedule.late) await send(index);
        await app.settle();

        const q = app.handle.queue?.stats ?? { enqueued: 0, duplicates: 0, runs: 0, failures: 0 };
        return {
          state: gitHubState(repo),
          sent,
          redelivered: schedule.duplicates,
          queue: { ...q },
          evaluations: app.handle.stats.evaluations,
          refused,
          violations: gh.violations.map((v) => `${v.method} ${v.path}: ${v.message}`),
          deletes: gh.requests.filter((r) => r.method === "DELETE").length,
          problems: app.logs.problems(),
          planChecks: planChecks(repo),
        };
      },
      params.coalesceMs,
    );
  } finally {
    await gh.close();
  }
}

/**
 * The reference: the App installed on the history's starting state (so the milestones the
 * history's people edit exist), then down for the whole history — every change made, no
 * webhook delivered — then one clean sync of the final state, run to its fixed point (a
 * second and third evaluation of the same state, as the `milestone.created` webhooks for
 * the milestones it created would trigger).
 */
export async function cleanSync(events: ReplayEvent[]): Promise<ReplayResult> {
  const gh = await startFakeGitHub({ repos: [replaySeed()] });
  try {
    const repo = gh.repo(`${REPO.owner}/${REPO.name}`);
    return await withApp(gh, async (app) => {
      const refused: number[] = [];
      const evaluate = async () => {
        const res = await sendWebhook(app.url, { ...installation(), id: undefined });
        if (res.status !== 200) refused.push(res.status);
        await app.settle();
      };
      await evaluate();
      for (const e of events) e.apply(repo);
      for (let run = 0; run < 3; run++) await evaluate();
      const q = app.handle.queue?.stats ?? { enqueued: 0, duplicates: 0, runs: 0, failures: 0 };
      return {
        state: gitHubState(repo),
        sent: 4,
        redelivered: 0,
        queue: { ...q },
        evaluations: app.handle.stats.evaluations,
        refused,
        violations: gh.violations.map((v) => `${v.method} ${v.path}: ${v.message}`),
        deletes: gh.requests.filter((r) => r.method === "DELETE").length,
        problems: app.logs.problems(),
        planChecks: planChecks(repo),
      };
    });
  } finally {
    await gh.close();
  }
}

function planChecks(repo: FakeRepo): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of repo.checkRuns.filter((c) => c.name === "plan-align / plan")) {
    out[r.head_sha] = (out[r.head_sha] ?? 0) + 1;
  }
  return out;
}

/** Everything of GitHub's state the App can change, as a user would compare it. */
export interface GitHubState {
  milestones: {
    number: number;
    title: string;
    state: string;
    due: string | null;
    description: string | null;
  }[];
  labels: string[];
  issues: {
    number: number;
    title: string;
    state: string;
    stateReason: string | null;
    labels: string[];
    milestone: string | null;
    assignees: string[];
    body: string | null;
  }[];
  reviewIssues: string[];
  dashboard: string | null;
}

export function gitHubState(repo: FakeRepo): GitHubState {
  const titleOf = (n: number | null) =>
    n === null ? null : (repo.milestones.find((m) => m.number === n)?.title ?? `#${n}?`);
  const issues = [...repo.issues].sort((a, b) => a.number - b.number);
  return {
    milestones: [...repo.milestones]
      .sort((a, b) => a.number - b.number)
      .map((m) => ({
        number: m.number,
        title: m.title,
        state: m.state,
        due: m.due_on?.slice(0, 10) ?? null,
        description: m.description,
      })),
    labels: repo.labels.map((l) => l.name).sort(),
    issues: issues.map((i) => ({
      number: i.number,
      title: i.title,
      state: i.state,
      stateReason: i.state_reason,
      labels: [...i.labels].sort(),
      milestone: titleOf(i.milestone),
      assignees: [...i.assignees].sort(),
      body: i.body,
    })),
    reviewIssues: issues
      .filter((i) => i.labels.includes("plan-align:review"))
      .map((i) => `${i.title} | ${i.state} | ${titleOf(i.milestone)} | ${i.assignees.join(",")}`),
    dashboard:
      issues.find((i) => i.labels.includes("plan-align:dashboard") && i.state === "open")?.body ??
      null,
  };
}

/**
 * The state with the numbers of the issues the App created (dashboard, review) replaced by
 * their titles: GitHub numbers them in the order they are created, which differs between a
 * history (dashboard first, at installation) and one clean sync (review first). A review
 * issue's body links the dashboard when one existed as it was opened, so it is left out.
 */
export function withoutCreationOrder(state: GitHubState): GitHubState {
  const created = state.issues.filter((i) => i.number > 500);
  let dashboard = state.dashboard;
  for (const i of created) {
    const name = `#<${i.title}>`;
    dashboard =
      dashboard
        ?.replaceAll(new RegExp(`#${i.number}\\b`, "g"), name)
        .replaceAll(new RegExp(`/issues/${i.number}\\b`, "g"), `/issues/${name}`) ?? null;
  }
  return {
    ...state,
    issues: state.issues
      .map((i) => {
        if (i.number <= 500) return i;
        // The dashboard's body is compared (renumbered) as `dashboard`.
        const body = i.labels.includes("plan-align:dashboard") ? "(the dashboard)" : "(the review)";
        return { ...i, number: 0, body };
      })
      .sort((a, b) => a.number - b.number || a.title.localeCompare(b.title)),
    dashboard,
  };
}
