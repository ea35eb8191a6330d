/**
 * The App, one installation with two repositories: acme/hostile whose plan is hostile, and
 * acme/canteen whose plan is fine. Driven with probot.receive() (as test/app does) against
 * the stateful fake GitHub. The hostile repository gets nothing synced and a readable log
 * line; the other repository is served as if nothing happened, and keeps being served.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testProbot } from "../app/support/probot.ts";
import { canteenExample, example, type Payload } from "../app/support/webhooks.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";
import { SPEC_PLAN } from "../support/spec-plan.ts";
import { HOSTILE_DIR } from "./support.ts";

/** Loopback only (the fake GitHub, the App); anything else fails the file. */
offlineFile();

const HOSTILE: Record<string, string> = {
  "billion laughs": readFileSync(join(HOSTILE_DIR, "billion-laughs.yml"), "utf8"),
  "10,000 nested [": `version: 1\nmilestones: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
  "a requires cycle": readFileSync(join(HOSTILE_DIR, "requires-cycle.yml"), "utf8"),
  "not UTF-8": readFileSync(join(HOSTILE_DIR, "latin1-bytes.yml"), "utf8"),
};

const NOW = new Date("2026-02-20T12:00:00Z");
let gh: FakeGitHub;

beforeEach(() => {});
afterEach(async () => {
  await gh?.close();
});

function installation(): EmitterWebhookEvent {
  const p = example("installation", "created");
  p.installation.id = 42;
  p.installation.account.login = "acme";
  p.installation.account.html_url = "https://github.com/acme";
  p.repositories = [
    { id: 1, name: "hostile", full_name: "acme/hostile", private: false },
    { id: 2, name: "canteen", full_name: "acme/canteen", private: false },
  ];
  return { id: "install-1", name: "installation", payload: p } as unknown as EmitterWebhookEvent;
}

function issuesClosed(repo: string, id: string): EmitterWebhookEvent {
  const p: Payload = canteenExample("issues", "opened");
  p.action = "closed";
  p.repository.name = repo;
  p.repository.full_name = `acme/${repo}`;
  p.repository.html_url = `https://github.com/acme/${repo}`;
  p.issue.number = 5;
  p.issue.labels = [{ name: "deliverable:spec" }];
  return { id, name: "issues", payload: p } as unknown as EmitterWebhookEvent;
}

describe("the App with one hostile repository among others", () => {
  it.each(Object.entries(HOSTILE))(
    "%s: nothing synced there, the other repository served",
    async (_name, hostile) => {
      gh = await startFakeGitHub({
        repos: [
          {
            owner: "acme",
            name: "hostile",
            files: { ".github/plan.yml": hostile },
            issues: [{ number: 5, title: "x", labels: ["deliverable:spec"] }],
          },
          {
            owner: "acme",
            name: "canteen",
            files: { ".github/plan.yml": SPEC_PLAN },
            issues: [{ number: 5, title: "Write the spec", labels: ["deliverable:spec"] }],
          },
        ],
      });
      const { probot, handle, logs } = testProbot({ baseUrl: gh.url, now: () => NOW });

      await probot.receive(installation());
      await handle.queue?.idle();

      // The good repository: its milestone, label and issue placement, as if alone.
      const canteen = gh.repo("acme/canteen");
      expect(canteen.milestones.map((m) => m.title)).toEqual(["Spec done"]);
      expect(canteen.issues.find((i) => i.number === 5)?.milestone).toBe(1);
      // The hostile one: no milestone, no label created from the plan, nothing deleted.
      const bad = gh.repo("acme/hostile");
      expect(bad.milestones).toEqual([]);
      expect(bad.labels.map((l) => l.name)).not.toContain("deliverable:spec");
      expect(gh.requests.filter((r) => r.method === "DELETE")).toEqual([]);
      expect(gh.violations).toEqual([]);
      // Said once, readably, for the hostile repository; no crash logged anywhere.
      const problems = logs.problems();
      expect(problems.some((m) => m.includes("acme/hostile") && m.includes("invalid"))).toBe(true);
      expect(problems.join("\n")).not.toMatch(/acme\/canteen|\n\s+at |internal error/);

      // And the good repository keeps being served afterwards.
      const issue = canteen.issues.find((i) => i.number === 5);
      if (issue) Object.assign(issue, { state: "closed", state_reason: "completed" });
      await probot.receive(issuesClosed("hostile", "closed-hostile"));
      await probot.receive(issuesClosed("canteen", "closed-canteen"));
      await handle.queue?.idle();
      expect(canteen.milestones[0]?.state).toBe("closed");
      expect(bad.milestones).toEqual([]);
      expect(handle.stats.evaluations).toBe(4);
    },
  );
});
