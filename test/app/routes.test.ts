import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HANDLED_EVENTS, routeWebhook } from "../../src/app/routes.ts";
import { canteenExample, example } from "./support/webhooks.ts";

const route = (name: string, payload: unknown, extra: { planPath?: string; appId?: number } = {}) =>
  routeWebhook({ name, payload, ...extra });

describe("routeWebhook (real example payloads)", () => {
  it("syncs every repository of a new installation", () => {
    const out = route("installation", example("installation", "created"));
    expect(out).toEqual([
      expect.objectContaining({
        owner: "Codertocat",
        repo: "Hello-World",
        sync: true,
        serverUrl: "https://github.com",
      }),
    ]);
  });

  it("syncs repositories added to an installation", () => {
    const p = example("installation_repositories", "added");
    const out = route("installation_repositories", p);
    expect(out.map((r) => `${r.owner}/${r.repo}`)).toEqual(
      p.repositories_added.map((r: { full_name: string }) => r.full_name),
    );
    expect(out.every((r) => r.sync)).toBe(true);
  });

  it("syncs on a push to the default branch, and checks the plan when the push changes it", () => {
    const p = canteenExample("push");
    p.ref = "refs/heads/main";
    p.commits = [{ added: [], modified: [".github/plan.yml"], removed: [] }];
    const [r] = route("push", p);
    expect(r).toMatchObject({
      sync: true,
      planChecks: [{ sha: p.after, path: ".github/plan.yml" }],
    });
  });

  it("only checks the plan on a push to another branch", () => {
    const p = canteenExample("push");
    p.ref = "refs/heads/feature";
    p.commits = [{ added: [".github/plan.yaml"], modified: ["README.md"], removed: [] }];
    const [r] = route("push", p);
    expect(r).toMatchObject({
      sync: false,
      planChecks: [{ sha: p.after, path: ".github/plan.yaml" }],
    });
  });

  it("watches the configured plan path instead of the defaults", () => {
    const p = canteenExample("push");
    p.ref = "refs/heads/feature";
    p.commits = [{ added: [], modified: [".github/plan.yml", "plans/team.yml"], removed: [] }];
    const [r] = route("push", p, { planPath: "plans/team.yml" });
    expect(r?.planChecks).toEqual([{ sha: p.after, path: "plans/team.yml" }]);
  });

  it("ignores a push that deletes a branch", () => {
    const p = canteenExample("push");
    p.deleted = true;
    p.after = "0".repeat(40);
    p.commits = [{ added: [], modified: [".github/plan.yml"], removed: [] }];
    expect(route("push", p)[0]).toMatchObject({ sync: false, planChecks: [] });
  });

  it.each(["opened", "labeled", "milestoned", "demilestoned", "reopened", "edited"])(
    "syncs on issues.%s",
    (action) => {
      const p = canteenExample("issues", action);
      expect(route("issues", p)).toEqual([
        expect.objectContaining({ owner: "acme", repo: "canteen", sync: true }),
      ]);
    },
  );

  it("is not woken by its own dashboard issue", () => {
    const p = canteenExample("issues", "edited");
    p.issue.labels = [{ name: "plan-align:dashboard" }];
    expect(route("issues", p)).toEqual([]);
  });

  it("checks an opened pull request against its base branch without a repository sync", () => {
    const p = canteenExample("pull_request", "opened");
    const [r] = route("pull_request", p);
    expect(r).toMatchObject({
      sync: false,
      pullRequests: [{ number: p.pull_request.number, baseRef: p.pull_request.base.ref }],
    });
  });

  it("syncs when a pull request is closed (merged), with no check on a closed one", () => {
    const p = canteenExample("pull_request", "closed");
    const [r] = route("pull_request", p);
    expect(r).toMatchObject({ sync: true, pullRequests: [] });
  });

  it("syncs and re-checks on a labelled open pull request", () => {
    const p = canteenExample("pull_request", "labeled");
    p.pull_request.state = "open";
    expect(route("pull_request", p)[0]).toMatchObject({
      sync: true,
      pullRequests: [{ number: p.pull_request.number }],
    });
  });

  it("syncs on a submitted review and re-checks the open pull request", () => {
    const p = canteenExample("pull_request_review", "submitted");
    p.pull_request.state = "open";
    expect(route("pull_request_review", p)[0]).toMatchObject({
      sync: true,
      pullRequests: [{ number: p.pull_request.number }],
    });
  });

  it("syncs when a check suite completes on the default branch, and re-checks its pull requests", () => {
    const p = canteenExample("check_suite", "completed");
    p.check_suite.head_branch = "main";
    const [r] = route("check_suite", p);
    expect(r?.sync).toBe(true);
    expect(r?.pullRequests).toEqual(
      p.check_suite.pull_requests.map((x: { number: number; base: { ref: string } }) => ({
        number: x.number,
        baseRef: x.base.ref,
      })),
    );
  });

  it("ignores its own check suites and check runs", () => {
    const suite = canteenExample("check_suite", "completed");
    suite.check_suite.head_branch = "main";
    expect(route("check_suite", suite, { appId: suite.check_suite.app.id })).toEqual([]);
    const run = canteenExample("check_run", "completed");
    run.check_run.name = "plan-align";
    expect(route("check_run", run)).toEqual([]);
  });

  it("ignores a check on another branch with no pull request", () => {
    const p = canteenExample("check_run", "completed");
    p.check_run.check_suite.head_branch = "feature";
    p.check_run.pull_requests = [];
    expect(route("check_run", p)).toEqual([]);
  });

  it.each([
    ["milestone", "created"],
    ["milestone", "closed"],
    ["label", "created"],
  ])("syncs on %s.%s", (name, action) => {
    expect(route(name, canteenExample(name, action))[0]?.sync).toBe(true);
  });

  it("re-checks an open pull request whose milestone changed, without a repository sync", () => {
    const p = canteenExample("pull_request", "labeled");
    p.action = "milestoned";
    p.pull_request.state = "open";
    expect(route("pull_request", p)[0]).toMatchObject({
      sync: false,
      pullRequests: [{ number: p.pull_request.number }],
    });
  });

  it("checks the pull request a merge queue's group adds, on the group's head commit", () => {
    const p = canteenExample("merge_group", "checks_requested");
    expect(route("merge_group", p)).toEqual([
      expect.objectContaining({
        owner: "acme",
        repo: "canteen",
        sync: false,
        pullRequests: [{ number: 104, baseRef: "main", checkSha: p.merge_group.head_sha }],
      }),
    ]);
    expect(route("merge_group", { ...p, action: "destroyed" })).toEqual([]);
    p.merge_group.head_ref = "refs/heads/not-a-queue";
    expect(route("merge_group", p)).toEqual([]);
  });

  it("app.yml subscribes to exactly the events the handlers take, each allowed by a permission", () => {
    const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as {
      default_events: string[];
      default_permissions: Record<string, string>;
    };
    // installation and installation_repositories reach every app without a subscription.
    const always = new Set(["installation", "installation_repositories"]);
    const handled = [...new Set(HANDLED_EVENTS.map((e) => e.split(".")[0] ?? e))].filter(
      (e) => !always.has(e),
    );
    expect([...manifest.default_events].sort()).toEqual(handled.sort());
    // GitHub offers an event to an app only with one of these permissions (docs: webhook events).
    const needs: Record<string, string[]> = {
      check_run: ["checks"],
      check_suite: ["checks"],
      issues: ["issues"],
      label: ["metadata"],
      merge_group: ["merge_queues"],
      milestone: ["issues", "pull_requests"],
      pull_request: ["pull_requests"],
      pull_request_review: ["pull_requests"],
      push: ["contents"],
    };
    for (const e of manifest.default_events) {
      expect(
        needs[e]?.some((p) => p in manifest.default_permissions),
        e,
      ).toBe(true);
    }
  });

  it("takes the server address from the repository for GitHub Enterprise Server links", () => {
    const p = canteenExample("milestone", "created");
    p.repository.html_url = "https://ghe.example.com/acme/canteen";
    expect(route("milestone", p)[0]?.serverUrl).toBe("https://ghe.example.com");
  });
});
