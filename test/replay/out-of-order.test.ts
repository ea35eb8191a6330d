/**
 * Out-of-order and duplicate webhooks at scale. A recorded history of 200 changes to one
 * repository with a plan (test/support/replay/scenario.ts) is replayed in 20 orders (fixed
 * seeds): the changes happen on the fake GitHub in their recorded order, and the webhooks
 * reporting them reach the App over real HTTP late, shuffled, and a third of them twice
 * with the same X-GitHub-Delivery id. The App evaluates whatever GitHub holds when it runs,
 * so each order shows it different intermediate states. After the queue drains, GitHub's
 * final state must be identical for every order, and equal to one clean sync of the final
 * state.
 *
 * All 20 orders are full HTTP runs (signed webhooks, the App as a server on loopback, the
 * fake GitHub answering and contract-checking every request); a 2 ms coalescing window.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseNetwork } from "../support/offline.ts";
import {
  cleanSync,
  type GitHubState,
  type ReplayResult,
  replay,
  withoutCreationOrder,
} from "../support/replay/run.ts";
import { recordHistory } from "../support/replay/scenario.ts";

const SEEDS = Array.from({ length: 20 }, (_, i) => 1001 + i * 7919);
const events = recordHistory();
const offline = refuseNetwork();

let reference: ReplayResult;
const finals: GitHubState[] = [];

beforeAll(async () => {
  reference = await cleanSync(events);
}, 60_000);

afterAll(() => {
  offline.restore();
  expect(offline.attempts).toEqual([]);
});

describe("the recorded history", () => {
  it("has 200 webhooks of every kind the App acts on, including a plan change", () => {
    expect(events).toHaveLength(200);
    const kinds = new Set(events.map((e) => `${e.name}.${e.payload.action ?? ""}`));
    for (const kind of [
      "issues.opened",
      "issues.labeled",
      "issues.closed",
      "issues.reopened",
      "milestone.edited",
      "milestone.closed",
      "label.created",
      "pull_request.opened",
      "pull_request.closed",
      "pull_request_review.submitted",
      "push.",
      "check_run.completed",
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(events.some((e) => e.note.includes(".github/plan.yml"))).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(200);
  });

  it("ends, after one clean sync, in the state the plan and the people's changes call for", () => {
    const s = reference.state;
    const milestone = (title: string) => s.milestones.find((m) => m.title === title);
    // Achieved and closed by the App, with the evidence; the plan's new date and description.
    expect(milestone("Spec approved")).toMatchObject({ state: "closed", due: "2026-03-01" });
    expect(milestone("Spec approved")?.description).toContain("**Achieved on 2026-02-20**");
    expect(milestone("Prototype")).toMatchObject({ state: "closed", due: "2026-04-30" });
    expect(milestone("Prototype")?.description).toMatch(/^A prototype the canteen staff can try\./);
    expect(milestone("Retrospective")).toMatchObject({ state: "closed", due: "2026-10-01" });
    // Ready for review but not signed off: open, with exactly one review issue for alice.
    expect(milestone("Pilot")?.state).toBe("open");
    expect(s.reviewIssues).toEqual(["Milestone review: Pilot | open | Pilot | alice"]);
    // close: manual — closed by a human, left closed; its date put back to the plan's.
    expect(milestone("Launch")).toMatchObject({ state: "closed", due: "2026-09-01" });
    // Milestones the plan does not name keep exactly what people did to them.
    expect(milestone("Backlog")).toMatchObject({
      state: "closed",
      due: "2027-01-01",
      description: "Ideas for later.",
    });
    expect(milestone("Someday")).toMatchObject({ state: "closed", description: "Not this year." });
    // Issues: in their deliverable's milestone, a human's choice kept, labels only added.
    const issue = (n: number) => s.issues.find((i) => i.number === n);
    for (const n of [1, 2, 3, 4, 11]) expect(issue(n)?.milestone).toBe("Spec approved");
    expect(issue(12)?.milestone).toBe("Backlog");
    for (const n of [20, 21, 22]) expect(issue(n)?.milestone).toBe("Prototype");
    for (const n of [40, 41, 42]) expect(issue(n)?.milestone).toBe("Retrospective");
    expect(issue(301)?.milestone).toBeNull();
    expect(s.labels).toEqual(
      expect.arrayContaining(["deliverable:spec-doc", "deliverable:retro-notes", "bug"]),
    );
    expect(s.dashboard).toContain("**4 of 5 milestones achieved**");
    expect(reference.violations).toEqual([]);
    expect(reference.deletes).toBe(0);
  });
});

describe("20 shuffled orders with redeliveries, over HTTP", () => {
  it.each(SEEDS)(
    "order %i: every webhook acknowledged, redeliveries dropped, the same final state as every other order",
    {
      timeout: 30_000,
    },
    async (seed) => {
      const run = await replay({ events, seed });

      // Every delivery acknowledged; every redelivery (same id) dropped, nothing else dropped.
      expect(run.refused).toEqual([]);
      expect(run.sent).toBe(200 + run.redelivered);
      expect(run.queue.duplicates).toBe(run.redelivered);
      expect(run.queue.enqueued).toBe(201); // the installation and the 200 events, once each
      expect(run.queue.failures).toBe(0);
      // The plan push's check ran once, however often its webhook arrived.
      expect(Object.values(run.planChecks)).toEqual([1]);
      // Nothing deleted, no request GitHub would refuse, nothing in the log at warn or above.
      expect(run.deletes).toBe(0);
      expect(run.violations).toEqual([]);
      expect(run.problems).toEqual([]);

      // The same final state as every other order, exactly (numbers included).
      finals.push(run.state);
      expect(run.state).toEqual(finals[0]);
    },
  );

  it("every order ends where one clean sync of the final state ends", () => {
    expect(finals).toHaveLength(SEEDS.length);
    // Up to the numbers GitHub gave the issues the App created (dashboard, review), which
    // follow creation order: at installation for a history, review first for one sync.
    for (const state of finals) {
      expect(withoutCreationOrder(state)).toEqual(withoutCreationOrder(reference.state));
    }
  });
});
