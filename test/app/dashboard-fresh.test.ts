/**
 * The dashboard written by the run that creates milestones already links them: the executor
 * knows the new numbers, so the dashboard does not lag one evaluation behind GitHub.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncRepository } from "../../src/app/sync-repository.ts";
import { afterActions } from "../../src/github/after-actions.ts";
import { createClient, silentLogger } from "../../src/github/client.ts";
import type { ActionResult } from "../../src/github/types.ts";
import { DASHBOARD_MARKER } from "../../src/model/names/dashboard.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";
import { canteenReport, milestone } from "./support/reports.ts";

/** Loopback only (the fake GitHub, the App); anything else fails the file. */
offlineFile();

const PLAN = `version: 1
milestones:
  - id: spec-done
    title: Spec done
    due: 2026-03-01
    deliverables: [spec]
  - id: build-done
    title: Build done
    due: 2026-05-15
    deliverables: [build]
deliverables:
  - id: spec
    title: Specification
    criteria:
      - issues: closed
  - id: build
    title: Build notes
    criteria:
      - file: docs/build.md
`;

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "canteen",
        files: { ".github/plan.yml": PLAN },
        // #1 exists already; the sync creates the two plan milestones as #2 and #3.
        milestones: [{ number: 1, title: "Backlog", state: "open", due_on: null }],
        // Spec's one issue is closed: "Spec done" is achieved before it has a milestone, so
        // it is created closed.
        issues: [{ number: 5, labels: ["deliverable:spec"], state: "closed" }],
      },
    ],
  });
});
afterEach(async () => {
  await gh.close();
});

describe("the App's dashboard after a run that creates milestones", () => {
  it("links the milestones created in that run, in their new state", async () => {
    const client = createClient({ token: "t", baseUrl: gh.url, log: silentLogger, waitUnitMs: 1 });
    const outcome = await syncRepository({
      client,
      owner: "acme",
      repo: "canteen",
      log: silentLogger,
      serverUrl: "https://github.com",
      noPlanSeen: new Set(),
      now: () => new Date("2026-02-20T12:00:00Z"),
    });
    expect(outcome.status).toBe("synced");
    const created = gh.repo("acme/canteen").milestones.filter((m) => m.number !== 1);
    const number = (title: string) => created.find((m) => m.title === title)?.number;
    expect(number("Spec done")).toBeTypeOf("number");
    expect(number("Build done")).toBeTypeOf("number");

    const dashboard = gh
      .repo("acme/canteen")
      .issues.find((i) => (i.body ?? "").includes(DASHBOARD_MARKER));
    const body = dashboard?.body ?? "";
    const link = (n: number | undefined) => `https://github.com/acme/canteen/milestone/${n}`;
    // The milestones table: "Spec done" was created closed (achieved), "Build done" open.
    expect(body).toContain(`| [#${number("Spec done")}](${link(number("Spec done"))}) (closed) |`);
    expect(body).toContain(`| [#${number("Build done")}](${link(number("Build done"))}) |`);
    // And it was achieved today, the day this run created it closed.
    expect(body).toContain(
      `**Spec done** ([#${number("Spec done")}](${link(number("Spec done"))})) — Achieved on 2026-02-20`,
    );
  });
});

describe("afterActions", () => {
  it("fills the number and state of milestones created or adopted in the run", () => {
    const report = canteenReport();
    report.milestones = [
      milestone({ id: "a", githubMilestone: null, githubState: null }),
      milestone({ id: "b", githubMilestone: null, githubState: null }),
      milestone({ id: "c", githubMilestone: 4, githubState: "open" }),
      milestone({ id: "d", githubMilestone: null, githubState: null }),
    ];
    const create = (id: string) => ({
      type: "create-milestone" as const,
      milestone: id,
      title: id,
      dueOn: "2026-03-01",
      description: "",
    });
    const results: ActionResult[] = [
      { action: create("a"), status: "applied", milestone: { number: 7, state: "open" } },
      { action: create("b"), status: "adopted", milestone: { number: 8, state: "closed" } },
      {
        action: { type: "close-milestone", milestone: "c", number: 4, evidence: [] },
        status: "applied",
      },
      { action: create("d"), status: "failed", detail: "GitHub answered 500" },
    ];
    const shown = afterActions(report, results).milestones.map((m) => [
      m.id,
      m.githubMilestone,
      m.githubState,
    ]);
    expect(shown).toEqual([
      ["a", 7, "open"],
      ["b", 8, "closed"],
      ["c", 4, "closed"],
      ["d", null, null],
    ]);
  });
});
