/**
 * Faults from GitHub during a sync (read plan → snapshot → apply actions), injected into the
 * stateful fake GitHub (gh.fault) or into the client's fetch. For each: what was retried
 * (the requests GitHub saw), what was reported (action results and the log), and that a
 * re-run after the fault clears reaches exactly the state a fault-free run reaches, with
 * nothing created twice and nothing deleted.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";
import { duplicates, type RunResult, seed, stateOf, syncOnce, TOKEN } from "./support.ts";

/** Loopback only (the fake GitHub, the App); anything else fails the file. */
offlineFile();

let gh: FakeGitHub;
let BASELINE: ReturnType<typeof stateOf>;

beforeAll(async () => {
  const clean = await startFakeGitHub({ repos: [seed()] });
  const first = await syncOnce({ gh: clean });
  expect(first.error).toBeUndefined();
  expect(first.results.every((r) => r.status === "applied")).toBe(true);
  BASELINE = stateOf(clean.repo("acme/canteen"));
  // Fault-free, a second run has nothing to do: the baseline is the converged state.
  expect((await syncOnce({ gh: clean })).results).toEqual([]);
  await clean.close();
});

beforeEach(async () => {
  gh = await startFakeGitHub({ repos: [seed()] });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  expect(gh.requests.filter((r) => r.method === "DELETE")).toEqual([]);
  await gh.close();
});

const repo = () => gh.repo("acme/canteen");
const statuses = (path: string | RegExp, method?: string) =>
  gh.requests
    .filter((r) => (typeof path === "string" ? r.path === path : path.test(r.path)))
    .filter((r) => !method || r.method === method)
    .map((r) => r.status);
const summary = (run: RunResult) => run.results.map((r) => `${r.action.type}:${r.status}`);

/** After the fault: one more run converges to the fault-free state, and then there is nothing left to do. */
async function expectConverges() {
  const again = await syncOnce({ gh });
  expect(again.error).toBeUndefined();
  expect(again.results.filter((r) => r.status === "failed")).toEqual([]);
  expect(stateOf(repo())).toEqual(BASELINE);
  expect(duplicates(repo())).toEqual([]);
  expect((await syncOnce({ gh })).results).toEqual([]);
}

const MILESTONES = "/repos/acme/canteen/milestones";
const LABELS = "/repos/acme/canteen/labels";

describe("transient server errors", () => {
  it.each([500, 502, 503])(
    "%i twice on the GraphQL read: retried, then the run completes",
    async (status) => {
      gh.fault({ method: "POST", path: "/graphql", status, times: 2 });
      const run = await syncOnce({ gh });
      expect(run.error).toBeUndefined();
      expect(statuses("/graphql")).toEqual([status, status, 200]);
      expect(stateOf(repo())).toEqual(BASELINE);
      await expectConverges();
    },
  );

  it("502 on reading the plan: retried", async () => {
    gh.fault({ method: "GET", path: /\/contents\//, status: 502 });
    const run = await syncOnce({ gh });
    expect(run.error).toBeUndefined();
    expect(statuses(/\/contents\//)).toEqual([502, 200]);
    expect(stateOf(repo())).toEqual(BASELINE);
  });

  it.each([500, 502, 503])("%i once on a write: retried, applied once", async (status) => {
    gh.fault({ method: "POST", path: MILESTONES, status });
    const run = await syncOnce({ gh });
    expect(run.results.every((r) => r.status === "applied")).toBe(true);
    expect(statuses(MILESTONES, "POST")).toEqual([status, 201, 201]);
    expect(stateOf(repo())).toEqual(BASELINE);
    await expectConverges();
  });

  it("503 on every milestone write for longer than the retries: reported per action, the rest still done, re-run converges", async () => {
    // 3 retries: 4 attempts for each of the two creates.
    gh.fault({ method: "POST", path: MILESTONES, status: 503, times: 8 });
    const run = await syncOnce({ gh });
    expect(statuses(MILESTONES, "POST")).toEqual(Array(8).fill(503));
    expect(summary(run)).toEqual([
      "create-label:applied",
      "create-label:applied",
      "create-milestone:failed",
      "create-milestone:failed",
      "set-issue-milestone:failed",
      "set-issue-milestone:failed",
    ]);
    expect(run.results[2]?.detail).toMatch(/503/);
    expect(run.results[4]?.detail).toMatch(/does not exist on GitHub/);
    expect(run.log.filter((l) => l.startsWith("error: create-milestone"))).toHaveLength(2);
    // Half done is not wrongly done: labels exist, no milestone, no issue moved.
    expect(repo().milestones.map((m) => m.title)).toEqual(["Backlog"]);
    expect(repo().issues.map((i) => i.milestone)).toEqual([null, null]);
    await expectConverges();
  });
});

describe("rate limits", () => {
  const reset = () => String(Math.ceil(Date.now() / 1000) + 2);

  it.each([403, 429])(
    "primary (%i, x-ratelimit-remaining: 0): waited until the reset, then retried",
    async (status) => {
      gh.fault({
        method: "POST",
        path: "/graphql",
        status,
        body: { message: "API rate limit exceeded for installation ID 42." },
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset() },
      });
      const run = await syncOnce({ gh });
      expect(run.error).toBeUndefined();
      expect(statuses("/graphql")).toEqual([status, 200]);
      expect(run.log.join("\n")).toMatch(
        /warn: GitHub rate limit on POST \/graphql; retrying in \d+s \(1\/3\)/,
      );
      expect(stateOf(repo())).toEqual(BASELINE);
    },
  );

  it("secondary (403 with retry-after) on a write: waited, retried, applied once", async () => {
    gh.fault({
      method: "POST",
      path: LABELS,
      status: 403,
      body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes." },
      headers: { "retry-after": "3" },
    });
    const run = await syncOnce({ gh });
    expect(statuses(LABELS, "POST")).toEqual([403, 201, 201]);
    expect(run.log.join("\n")).toMatch(
      /warn: GitHub secondary rate limit on POST .*retrying in 3s/,
    );
    expect(run.results.every((r) => r.status === "applied")).toBe(true);
    expect(stateOf(repo())).toEqual(BASELINE);
    await expectConverges();
  });

  it("a primary limit that outlasts the retries: the read fails with GitHub's answer, nothing written, re-run converges", async () => {
    gh.fault({
      method: "POST",
      path: "/graphql",
      status: 403,
      times: 4,
      body: { message: "API rate limit exceeded for installation ID 42." },
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset() },
    });
    const run = await syncOnce({ gh });
    expect(run.error?.message).toMatch(/rate limit/i);
    expect(run.log.join("\n")).toMatch(/giving up after 3 retries/);
    expect(gh.writes()).toEqual([]);
    await expectConverges();
  });
});

describe("connections that break or hang", () => {
  /** A fetch that fails the first `times` GraphQL requests as a reset connection would. */
  const resetting = (times: number): typeof fetch => {
    let left = times;
    return (input, init) => {
      if (String(input).endsWith("/graphql") && left-- > 0) {
        const cause = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
        return Promise.reject(new TypeError("fetch failed", { cause }));
      }
      return globalThis.fetch(input, init);
    };
  };

  it("ECONNRESET twice on the read: retried, the run completes", async () => {
    const run = await syncOnce({ gh, fetch: resetting(2) });
    expect(run.error).toBeUndefined();
    expect(stateOf(repo())).toEqual(BASELINE);
  });

  it("ECONNRESET on every attempt: the run stops before writing and says why; re-run converges", async () => {
    const run = await syncOnce({ gh, fetch: resetting(4) });
    expect(run.error?.message).toMatch(/ECONNRESET/);
    expect(gh.writes()).toEqual([]);
    await expectConverges();
  });

  it("a reply that never comes: aborted after the timeout, retried, the run completes", async () => {
    let hung = 0;
    const hanging: typeof fetch = (input, init) => {
      if (String(input).endsWith("/graphql") && hung++ === 0) {
        // Never answers; only the client's abort signal ends it.
        return new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        });
      }
      return globalThis.fetch(input, init);
    };
    const run = await syncOnce({ gh, fetch: hanging, timeoutMs: 200 });
    expect(run.error).toBeUndefined();
    expect(hung).toBeGreaterThanOrEqual(2);
    expect(stateOf(repo())).toEqual(BASELINE);
  });
});

describe("GitHub's state changing under the run", () => {
  it("422 already_exists (someone created the milestone meanwhile): adopted, not duplicated", async () => {
    let raced = false;
    const racing: typeof fetch = (input, init) => {
      if (!raced && init?.method === "POST" && String(input).endsWith(MILESTONES)) {
        raced = true;
        const body = JSON.parse(String(init.body)) as { title: string; description: string };
        // A concurrent run created the very same milestone a moment earlier.
        repo().milestones.push({
          number: 50,
          title: body.title,
          state: "open",
          description: body.description,
          due_on: "2026-03-01T08:00:00Z",
          closed_at: null,
        });
      }
      return globalThis.fetch(input, init);
    };
    const run = await syncOnce({ gh, fetch: racing });
    expect(statuses(MILESTONES, "POST")).toEqual([422, 201]);
    expect(run.results[2]).toMatchObject({ status: "adopted" });
    expect(run.results[4]).toMatchObject({ status: "applied", detail: "issue #5 → milestone #50" });
    expect(duplicates(repo())).toEqual([]);
    // The adopted one was open; the next run closes it: the same end state.
    await expectConverges();
  });

  it.each([
    ["closing", { state: "open" as const, due: "2026-03-01" }, "close-milestone"],
    ["updating", { state: "closed" as const, due: "2026-03-09" }, "update-milestone"],
  ])(
    "404 on %s a milestone someone deleted: reported, and the re-run recreates it",
    async (_what, m, type) => {
      // Number 9: GitHub never reuses a deleted milestone's number, but the fake numbers new
      // ones max + 1, so a low number would come back as the next created milestone.
      repo().milestones.push({
        number: 9,
        title: "Spec done",
        state: m.state,
        description: "The specification is written.\n\n<!-- plan-align:id=spec-done -->",
        due_on: `${m.due}T08:00:00Z`,
        closed_at: null,
      });
      const deleting: typeof fetch = (input, init) => {
        if (/\/milestones\/9$/.test(String(input))) {
          // Deleted by a person between the snapshot and this request.
          const list = repo().milestones;
          const at = list.findIndex((x) => x.number === 9);
          if (at >= 0) list.splice(at, 1);
          // As on GitHub, its issues are left without a milestone.
          for (const i of repo().issues) if (i.milestone === 9) i.milestone = null;
        }
        return globalThis.fetch(input, init);
      };
      const run = await syncOnce({ gh, fetch: deleting });
      const failed = run.results.find((r) => r.action.type === type);
      expect(failed?.status).toBe("failed");
      expect(failed?.detail).toMatch(/404|Not Found/);
      // 404 is not retried.
      expect(statuses(/\/milestones\/9$/)).toEqual([404]);
      if (type === "update-milestone") {
        // The issue that was to go into it afterwards is refused by GitHub (422), not put elsewhere.
        const move = run.results.find((r) => r.action.type === "set-issue-milestone");
        expect(move?.status).toBe("failed");
      }
      expect(run.log.some((l) => l.startsWith(`error: ${type} spec-done: failed`))).toBe(true);
      await expectConverges();
    },
  );
});

describe("the token expires mid-run", () => {
  it("401 Bad credentials after some requests: not retried, every later action reported failed, re-run converges", async () => {
    let sent = 0;
    const expiring: typeof fetch = (input, init) => {
      if (++sent > 4) {
        return Promise.resolve(
          new Response(
            JSON.stringify({
              message: "Bad credentials",
              documentation_url: "https://docs.github.com/rest",
            }),
            { status: 401, headers: { "content-type": "application/json" } },
          ),
        );
      }
      return globalThis.fetch(input, init);
    };
    const run = await syncOnce({ gh, fetch: expiring });
    // plan, graphql, two labels: then every request is refused, each tried once.
    expect(summary(run)).toEqual([
      "create-label:applied",
      "create-label:applied",
      "create-milestone:failed",
      "create-milestone:failed",
      "set-issue-milestone:failed",
      "set-issue-milestone:failed",
    ]);
    // plan, GraphQL, two labels, then the two milestone creates (each tried once); the issue
    // moves need those milestones and are reported failed without a request.
    expect(sent).toBe(6);
    expect(run.results[2]?.detail).toMatch(/401|Bad credentials/);
    expect(run.log.join("\n")).not.toContain(TOKEN);
    expect(run.results.map((r) => r.detail ?? "").join("\n")).not.toContain(TOKEN);
    await expectConverges();
  });
});
