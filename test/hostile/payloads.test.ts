/**
 * Webhook payloads GitHub may send that the App was not written for: actions that do not
 * exist yet, events it does not subscribe to, fields GitHub may add later, and pieces that
 * are null or missing. Driven with probot.receive(): the handler never throws, ignores what
 * it does not know (nothing queued, nothing sent to GitHub), and routes a known event with
 * extra fields exactly as without them. (Payloads come only from GitHub — unsigned ones are
 * refused, see test/security — so "hostile" here means shapes GitHub documents as possible:
 * nullable and optional fields, new actions, new fields; not arbitrary garbage.) The coalescing window is never fired, so no request
 * leaves; nock's offline mode would fail any that did.
 */
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualTimers, testProbot } from "../app/support/probot.ts";
import { canteenExample, type Payload } from "../app/support/webhooks.ts";
import { expectCleanGitHubMocks, offline } from "../support/nock.ts";

beforeEach(() => offline());
afterEach(() => expectCleanGitHubMocks());

let n = 0;
const event = (name: string, payload: unknown): EmitterWebhookEvent =>
  ({ id: `hostile-${n++}`, name, payload }) as unknown as EmitterWebhookEvent;

function app() {
  const clock = manualTimers();
  const t = testProbot({ timers: clock.timers });
  return { ...t, clock, enqueued: () => t.handle.queue?.stats.enqueued ?? 0 };
}

/** Adds fields everywhere, as a future GitHub might: at the top, in every nested object. */
function withFutureFields(p: Payload): Payload {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const v of Object.values(node)) visit(v);
      (node as Record<string, unknown>).future_field_2030 = { nested: [null, 1, "x"] };
    }
  };
  const copy = structuredClone(p);
  visit(copy);
  return copy;
}

describe("webhook payloads the App was not written for", () => {
  it.each([
    ["issues", "locked"],
    ["issues", "pinned"],
    ["issues", "some_action_github_adds_in_2030"],
    ["pull_request", "auto_merge_enabled"],
    ["pull_request", "some_action_github_adds_in_2030"],
    ["pull_request_review", "edited"],
    ["check_run", "requested_action"],
  ])("%s.%s: ignored, nothing queued", async (name, action) => {
    const a = app();
    const p = canteenExample(name);
    p.action = action;
    await expect(a.probot.receive(event(name, p))).resolves.not.toThrow();
    expect(a.enqueued()).toBe(0);
    expect(a.logs.problems()).toEqual([]);
  });

  it("an event the App does not subscribe to is ignored", async () => {
    const a = app();
    await a.probot.receive(event("star", canteenExample("star", "created")));
    await a.probot.receive(event("fork", canteenExample("fork")));
    expect(a.enqueued()).toBe(0);
    expect(a.logs.problems()).toEqual([]);
  });

  it.each([
    ["issues", "closed"],
    ["milestone", "created"],
    ["label", "created"],
    ["pull_request", "opened"],
    ["push", undefined],
  ])("%s.%s with fields GitHub may add later: routed as without them", async (name, action) => {
    const base = (() => {
      try {
        return canteenExample(name, action);
      } catch {
        const p = canteenExample(name);
        p.action = action;
        return p;
      }
    })();
    if (name === "push") {
      base.ref = "refs/heads/main";
      base.deleted = false;
    }
    const plain = app();
    await plain.probot.receive(event(name, base));
    const future = app();
    await future.probot.receive(event(name, withFutureFields(base)));
    expect(plain.enqueued()).toBeGreaterThan(0);
    expect(future.enqueued()).toBe(plain.enqueued());
    expect(future.clock.armed).toBe(plain.clock.armed);
  });

  it.each<[string, string | undefined, (p: Payload) => void]>([
    [
      "issues",
      "opened",
      (p) => {
        p.repository = null;
      },
    ],
    [
      "issues",
      "labeled",
      (p) => {
        p.issue.labels = null;
      },
    ],
    [
      "pull_request",
      "opened",
      (p) => {
        p.pull_request.base = null;
      },
    ],
    [
      "pull_request",
      "opened",
      (p) => {
        delete p.pull_request;
      },
    ],
    [
      "push",
      undefined,
      (p) => {
        p.commits = null;
        p.after = null;
      },
    ],
    [
      "push",
      undefined,
      (p) => {
        p.commits = [{ id: "x" }, { added: null, modified: null }];
      },
    ],
    [
      "check_run",
      "completed",
      (p) => {
        p.check_run.pull_requests = [{ number: 7 }, { number: 8, base: null }];
        p.check_run.check_suite = null;
      },
    ],
    [
      "installation",
      "created",
      (p) => {
        p.repositories = [{ name: "x", full_name: "acme/x" }];
        p.installation.account = null;
      },
    ],
  ])(
    "%s.%s with null or missing pieces: no crash, at most a plain 400",
    async (name, action, edit) => {
      const a = app();
      const p = canteenExample(name, action);
      edit(p);
      // Either handled, or refused as a payload of the wrong shape: the web server answers
      // 400 with this plain message (never a TypeError).
      const failure = await a.probot.receive(event(name, p)).then(
        () => null,
        (error: { errors?: { status?: number; message: string }[] }) => error,
      );
      for (const e of failure?.errors ?? []) {
        expect(e.status).toBe(400);
        expect(e.message).toMatch(/^plan-align cannot use this \w+ payload: /);
      }
      expect(a.logs.problems().join("\n")).not.toMatch(/TypeError|Cannot read/);
    },
  );
});
