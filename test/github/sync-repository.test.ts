/**
 * The port's one "sync a repository" (what the App, the Action's milestone mode and
 * `plan-align sync` call), against the fake GitHub: the outcome of each path, and which
 * paths write nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createClient, silentLogger } from "../../src/github/client.ts";
import { syncRepository } from "../../src/github/sync-repository.ts";
import { historyBlock, readHistory } from "../../src/model/names/history.ts";
import { DASHBOARD_LABEL } from "../../src/model/names/labels.ts";
import { loadPlan } from "../../src/plan/load.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";
import { SPEC_PLAN } from "../support/spec-plan.ts";

const INVALID = SPEC_PLAN.replace("deliverables: [spec]", "deliverables: [nope]");

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
const dashboardSeed = (body: string) =>
  startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "canteen",
        files: { ".github/plan.yml": SPEC_PLAN },
        issues: [
          { number: 5, labels: ["deliverable:spec"], state: "open" },
          { number: 9, title: "Our plan", labels: [DASHBOARD_LABEL.name], state: "open", body },
        ],
      },
    ],
  });
const dashboardBody = () => gh.repo("acme/canteen").issues.find((i) => i.number === 9)?.body ?? "";
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
    gh = await seed({ ".github/plan.yml": SPEC_PLAN });
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
    gh = await seed({ ".github/plan.yml": SPEC_PLAN });
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

  it("keeps the history in the dashboard: a hand-edited dashboard is adopted and its history survives", async () => {
    // Fifteen days of history (one criterion, never met: the pace is zero), in an issue a
    // person wrote by hand — visible text of their own, no plan-align marker.
    const days = Array.from({ length: 15 }, (_, i) => ({
      date: `2026-02-${String(5 + i).padStart(2, "0")}`,
      met: 0,
      total: 1,
    }));
    gh = await dashboardSeed(`Notes a person wrote.\n\n${historyBlock(days)}\n`);
    const dashboard = { serverUrl: "https://github.com" };
    const first = await syncRepository({ ...base(), dashboard });
    expect(first.status).toBe("synced");
    if (first.status !== "synced") return;
    // Adopted, not duplicated; the forecast came from the history it kept.
    expect(first.dashboard?.number).toBe(9);
    expect(
      gh.repo("acme/canteen").issues.filter((i) => i.labels.includes(DASHBOARD_LABEL.name)),
    ).toHaveLength(1);
    expect(first.report.forecast).toEqual({ date: null, pacePerWeek: 0 });
    expect(first.report.milestones[0]?.forecastLate).toBe(true);
    expect(readHistory(dashboardBody()).map((e) => e.date)).toEqual([
      ...days.map((d) => d.date),
      "2026-02-20",
    ]);

    // Someone edits the visible part; the next day's run keeps every entry and adds its own.
    const issue = gh.repo("acme/canteen").issues.find((i) => i.number === 9);
    if (!issue) throw new Error("no dashboard");
    issue.body = (issue.body ?? "").replace(
      "# Plan dashboard",
      "# Plan dashboard (edited by hand)",
    );
    const next = await syncRepository({
      ...base(),
      now: () => new Date("2026-02-21T12:00:00Z"),
      dashboard,
    });
    expect(next.status).toBe("synced");
    expect(readHistory(dashboardBody())).toHaveLength(17);
    expect(dashboardBody()).not.toContain("edited by hand");
  });

  it("an unreadable history block is started afresh and the dashboard is still written", async () => {
    gh = await dashboardSeed('<!-- plan-align:history [{"date": "yesterday"}] -->');
    const outcome = await syncRepository({
      ...base(),
      dashboard: { serverUrl: "https://github.com" },
    });
    expect(outcome.status).toBe("synced");
    if (outcome.status !== "synced") return;
    expect(outcome.report.forecast).toBeNull();
    expect(outcome.dashboard).toEqual({ number: 9, changed: true });
    expect(readHistory(dashboardBody())).toEqual([{ date: "2026-02-20", met: 0, total: 1 }]);
  });

  it("edits the dashboard once a day at most when nothing else changes", async () => {
    gh = await dashboardSeed("");
    const dashboard = { serverUrl: "https://github.com" };
    await syncRepository({ ...base(), dashboard });
    const again = await syncRepository({ ...base(), dashboard });
    expect(again.status === "synced" && again.dashboard?.changed).toBe(false);
    const tomorrow = await syncRepository({
      ...base(),
      now: () => new Date("2026-02-21T12:00:00Z"),
      dashboard,
    });
    expect(tomorrow.status === "synced" && tomorrow.dashboard?.changed).toBe(true);
  });
});
