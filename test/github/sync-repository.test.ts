/**
 * The port's one "sync a repository" (what the App, the Action's milestone mode and
 * `plan-align sync` call), against the fake GitHub: the outcome of each path, and which
 * paths write nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { syncRepository } from "../../src/github/sync-repository.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";

const PLAN = `version: 1
milestones:
  - id: spec-done
    title: Spec done
    due: 2026-03-01
    deliverables: [spec]
deliverables:
  - id: spec
    title: Specification
    criteria:
      - issues: closed
`;
const INVALID = PLAN.replace("deliverables: [spec]", "deliverables: [nope]");

let gh: FakeGitHub;
const seed = (files: Record<string, string>) =>
  startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "canteen",
        files,
        issues: [{ number: 5, labels: ["deliverable:spec"], state: "open" }],
      },
    ],
  });
const base = () => ({
  client: createClient({ token: "t", baseUrl: gh.url, log: silentLogger, waitUnitMs: 1 }),
  owner: "acme",
  repo: "canteen",
  log: silentLogger,
  now: () => new Date("2026-02-20T12:00:00Z"),
});

offlineFile();
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

describe("syncRepository", () => {
  it("no plan on the default branch: no-plan, nothing written", async () => {
    gh = await seed({});
    const outcome = await syncRepository({ ...base(), dashboard: { serverUrl: "https://x" } });
    expect(outcome.status).toBe("no-plan");
    expect(gh.writes()).toEqual([]);
  });

  it("a dry run lists the actions and writes nothing, not even the dashboard", async () => {
    gh = await seed({ ".github/plan.yml": PLAN });
    const outcome = await syncRepository({
      ...base(),
      dryRun: true,
      answerRefusedReviews: true,
      dashboard: { serverUrl: "https://github.com" },
    });
    expect(outcome.status).toBe("dry-run");
    if (outcome.status !== "dry-run") return;
    expect(outcome.report.actions.map((a) => a.type)).toContain("create-milestone");
    expect(outcome.results).toEqual([]);
    expect(gh.writes()).toEqual([]);
  });

  it("applies the actions and keeps the dashboard, when asked for it", async () => {
    gh = await seed({ ".github/plan.yml": PLAN });
    const outcome = await syncRepository({
      ...base(),
      dashboard: { serverUrl: "https://github.com" },
    });
    expect(outcome.status).toBe("synced");
    if (outcome.status !== "synced") return;
    expect(outcome.results.map((r) => r.status)).not.toContain("failed");
    expect(gh.repo("acme/canteen").milestones.map((m) => m.title)).toEqual(["Spec done"]);
    expect(outcome.dashboard?.changed).toBe(true);
  });

  it("an invalid plan changes nothing, its report says why, and the dashboard shows it", async () => {
    gh = await seed({ ".github/plan.yml": INVALID });
    const outcome = await syncRepository({
      ...base(),
      dashboard: { serverUrl: "https://github.com" },
    });
    expect(outcome.status).toBe("invalid-plan");
    if (outcome.status !== "invalid-plan") return;
    expect(outcome.report.plan.valid).toBe(false);
    expect(outcome.results).toEqual([]);
    expect(gh.repo("acme/canteen").milestones).toEqual([]);
    // Its only writes are the dashboard (and its label).
    expect(outcome.dashboard?.changed).toBe(true);
    expect(gh.writes().every((w) => /\/(issues|labels)$/.test(w.path))).toBe(true);
  });

  it("onPlan sees a given (local) plan first and may stop before GitHub is read", async () => {
    gh = await seed({});
    const seen: string[] = [];
    const outcome = await syncRepository({
      ...base(),
      plan: {
        planFile: { path: "local.yml", text: INVALID },
        loaded: loadPlan({ text: INVALID, path: "local.yml" }),
      },
      onPlan: ({ planFile, loaded }) => {
        seen.push(planFile.path);
        return loaded.valid ? "go-on" : "stop";
      },
    });
    expect(seen).toEqual(["local.yml"]);
    expect(outcome.status).toBe("stopped");
    expect(gh.requests).toEqual([]);
  });
});
