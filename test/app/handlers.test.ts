/**
 * The App's handlers driven with `probot.receive()` and real example payloads; GitHub is
 * answered by nock (every request contract-checked, every interceptor must be used).
 */
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RAW_CONTROL } from "../hostile/support.ts";
import { expectCleanGitHubMocks, githubNock, offline } from "../support/nock.ts";
import { manualTimers, testProbot } from "./support/probot.ts";
import { canteenExample, type Payload } from "./support/webhooks.ts";

const REPO = "/repos/acme/canteen";

const INVALID_PLAN = `version: 1
milestones:
  - id: prototype-done
    title: Prototype completed
    due: 2026-04-01
    deliverables: [queue-dispaly]
deliverables:
  - id: queue-display
    title: Queue display module
    criteria:
      - issues: closed
`;

const VALID_PLAN = INVALID_PLAN.replace("queue-dispaly", "queue-display");

function token(scope = githubNock()) {
  return scope
    .post("/app/installations/42/access_tokens")
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z" });
}

function pushTo(branch: string, modified: string[], after = "a".repeat(40)): Payload {
  const p = canteenExample("push");
  p.ref = `refs/heads/${branch}`;
  p.after = after;
  p.deleted = false;
  p.commits = [{ id: after, added: [], modified, removed: [] }];
  return p;
}

function event(name: string, payload: Payload, id: string): EmitterWebhookEvent {
  return { id, name, payload } as unknown as EmitterWebhookEvent;
}

beforeEach(() => offline());
afterEach(() => expectCleanGitHubMocks());

describe("plan check on push", () => {
  it("posts a failing `plan-align / plan` check with an annotation on the exact line", async () => {
    const clock = manualTimers();
    const { probot, handle } = testProbot({ timers: clock.timers });
    let sent: Payload = {};
    token()
      .get(`${REPO}/contents/.github%2Fplan.yml`)
      .query({ ref: "a".repeat(40) })
      .reply(200, INVALID_PLAN)
      .post(`${REPO}/check-runs`, (body) => {
        sent = body;
        return true;
      })
      .reply(201, { id: 7, html_url: "https://github.com/acme/canteen/runs/7" });

    await probot.receive(event("push", pushTo("feature", [".github/plan.yml"]), "d-1"));
    // Acknowledged with nothing sent yet: the work waits in the queue.
    expect(clock.armed).toBe(1);
    clock.fireAll();
    await handle.queue?.idle();

    expect(sent).toMatchObject({
      name: "plan-align / plan",
      head_sha: "a".repeat(40),
      status: "completed",
      conclusion: "failure",
    });
    expect(sent.output.title).toBe("The plan is invalid: 1 error, 2 warnings");
    const failures = sent.output.annotations.filter(
      (a: Payload) => a.annotation_level === "failure",
    );
    expect(failures).toEqual([
      expect.objectContaining({
        path: ".github/plan.yml",
        start_line: 6,
        start_column: 20,
        message: expect.stringContaining('unknown deliverable "queue-dispaly"'),
      }),
    ]);
    expect(sent.output.summary).toContain(".github/plan.yml:6:20: error:");
    expect(handle.stats.evaluations).toBe(0);
  });

  it("posts a successful check for a valid plan", async () => {
    const { probot, handle } = testProbot({});
    let sent: Payload = {};
    token()
      .get(`${REPO}/contents/.github%2Fplan.yml`)
      .query({ ref: "b".repeat(40) })
      .reply(200, VALID_PLAN)
      .post(`${REPO}/check-runs`, (body) => {
        sent = body;
        return true;
      })
      .reply(201, { id: 8, html_url: "https://github.com/acme/canteen/runs/8" });
    await probot.receive(
      event("push", pushTo("feature", [".github/plan.yml"], "b".repeat(40)), "d-2"),
    );
    await handle.queue?.idle();
    expect(sent).toMatchObject({ name: "plan-align / plan", conclusion: "success" });
    expect(sent.output.title).toBe("The plan is valid (1 warning)");
    expect(sent.output.annotations).toEqual([
      expect.objectContaining({ annotation_level: "warning", start_line: 8 }),
    ]);
  });

  it("does nothing for a push to another branch that leaves the plan alone", async () => {
    const { probot, handle } = testProbot({});
    await probot.receive(event("push", pushTo("feature", ["README.md"]), "d-3"));
    await handle.queue?.idle();
    expect(handle.queue?.stats.enqueued).toBe(1);
    expect(handle.stats).toMatchObject({ evaluations: 0, planChecks: 0, pullRequestChecks: 0 });
  });
});

describe("repository without a plan", () => {
  it("changes nothing and says so once in the log, not on every event", async () => {
    const { probot, handle, logs } = testProbot({});
    const scope = token();
    for (let i = 0; i < 2; i++) {
      scope.get(`${REPO}/contents/.github%2Fplan.yml`).reply(404, { message: "Not Found" });
      scope.get(`${REPO}/contents/.github%2Fplan.yaml`).reply(404, { message: "Not Found" });
    }
    await probot.receive(event("issues", canteenExample("issues", "opened"), "n-1"));
    await handle.queue?.idle();
    await probot.receive(event("milestone", canteenExample("milestone", "created"), "n-2"));
    await handle.queue?.idle();
    const said = logs.messages().filter((m) => m.includes("has no plan"));
    expect(said).toEqual([
      "plan-align: acme/canteen has no plan (.github/plan.yml) on its default branch; nothing to do until one is added",
    ]);
    expect(handle.stats.evaluations).toBe(2);
    expect(logs.problems()).toEqual([]);
  });
});

describe("the App's log", () => {
  it("never carries a raw control character: text from GitHub is written with visible escapes", async () => {
    const { probot, handle, logs } = testProbot({});
    // GitHub's error text reaches the log line; a newline in it would forge a second line in
    // a pretty log, an escape sequence would repaint the operator's terminal.
    token()
      .get(`${REPO}/contents/.github%2Fplan.yml`)
      .reply(500, { message: "boom\n[error] forged line\u001b[2J" });
    await probot.receive(event("issues", canteenExample("issues", "opened"), "log-1"));
    await handle.queue?.idle();
    const said = logs.problems().join("\n");
    expect(said).toContain("boom\\n[error] forged line\\u001b[2J");
    expect(logs.messages().filter((m) => RAW_CONTROL.test(m))).toEqual([]);
  });
});

describe("which webhooks are handled", () => {
  /** The example payload of `name.action`, made to concern acme/canteen's default branch. */
  function payloadFor(name: string, action: string): Payload {
    // Some actions have no example (pull_request.milestoned, issues.closed): another action's
    // payload of the same event, relabelled, has every field the router reads.
    let base: Payload;
    try {
      base = canteenExample(name, action || undefined);
    } catch {
      base = canteenExample(name);
    }
    if (action) base.action = action;
    if (base.pull_request) base.pull_request.state = action === "closed" ? "closed" : "open";
    if (name === "push") base.ref = "refs/heads/main";
    if (base.check_suite) base.check_suite.head_branch = "main";
    if (base.check_run) base.check_run.check_suite.head_branch = "main";
    return base;
  }

  // DESIGN §5 App and issue 4: every event that can change a result queues an evaluation.
  it.each([
    ["installation", "created"],
    ["installation_repositories", "added"],
    ["push", ""],
    ["milestone", "created"],
    ["milestone", "closed"],
    ...[
      "opened",
      "labeled",
      "unlabeled",
      "milestoned",
      "demilestoned",
      "closed",
      "reopened",
      "edited",
      "deleted",
      "transferred",
    ].map((a) => ["issues", a]),
    ...["opened", "synchronize", "closed", "labeled", "unlabeled", "milestoned"].map((a) => [
      "pull_request",
      a,
    ]),
    ["pull_request_review", "submitted"],
    ["pull_request_review", "dismissed"],
    ["check_run", "completed"],
    ["check_suite", "completed"],
    ["label", "created"],
    ["label", "deleted"],
  ])("queues work for %s.%s", async (name, action) => {
    const clock = manualTimers();
    const { probot, handle } = testProbot({ timers: clock.timers });
    await probot.receive(event(name, payloadFor(name, action), `handled-${name}-${action}`));
    expect(handle.queue?.stats.enqueued).toBeGreaterThan(0);
  });

  it.each([
    ["issues", "assigned"],
    ["issues", "pinned"],
    ["pull_request", "assigned"],
    ["pull_request", "review_requested"],
    ["installation", "deleted"],
  ])("ignores %s.%s", async (name, action) => {
    const clock = manualTimers();
    const { probot, handle } = testProbot({ timers: clock.timers });
    await probot.receive(event(name, payloadFor(name, action), `ignored-${name}-${action}`));
    expect(handle.queue?.stats.enqueued ?? 0).toBe(0);
    expect(clock.armed).toBe(0);
  });
});

describe("the queue behind the handlers", () => {
  it("drops a redelivered webhook (same X-GitHub-Delivery id)", async () => {
    const clock = manualTimers();
    const { probot, handle } = testProbot({ timers: clock.timers });
    token()
      .get(`${REPO}/contents/.github%2Fplan.yml`)
      .query({ ref: "c".repeat(40) })
      .reply(200, VALID_PLAN)
      .post(`${REPO}/check-runs`)
      .reply(201, { id: 9, html_url: "" });
    const payload = pushTo("feature", [".github/plan.yml"], "c".repeat(40));
    await probot.receive(event("push", payload, "same-delivery"));
    clock.fireAll();
    await handle.queue?.idle();
    await probot.receive(event("push", payload, "same-delivery"));
    await handle.queue?.idle();
    expect(clock.armed).toBe(0);
    expect(handle.queue?.stats).toMatchObject({ enqueued: 1, duplicates: 1, runs: 1 });
  });

  it("coalesces a burst for one repository into one evaluation", async () => {
    const clock = manualTimers();
    const { probot, handle } = testProbot({ timers: clock.timers });
    token()
      .get(`${REPO}/contents/.github%2Fplan.yml`)
      .reply(404, { message: "Not Found" })
      .get(`${REPO}/contents/.github%2Fplan.yaml`)
      .reply(404, { message: "Not Found" });
    const names: [string, string][] = [
      ["issues", "opened"],
      ["issues", "labeled"],
      ["milestone", "created"],
      ["label", "created"],
      ["issues", "milestoned"],
    ];
    for (const [i, [name, action]] of names.entries()) {
      await probot.receive(event(name, canteenExample(name, action), `burst-${i}`));
    }
    clock.fireAll();
    await handle.queue?.idle();
    expect(handle.stats.evaluations).toBe(1);
    expect(handle.queue?.stats).toMatchObject({ enqueued: 5, runs: 1 });
  });

  it("logs a failure in one repository and still serves another", async () => {
    const clock = manualTimers();
    const { probot, handle, logs } = testProbot({ timers: clock.timers });
    token()
      .get(`${REPO}/contents/.github%2Fplan.yml`)
      .query(true)
      .reply(500, { message: "Server Error" })
      .get("/repos/acme/other/contents/.github%2Fplan.yml")
      .query(true)
      .reply(200, VALID_PLAN)
      .post("/repos/acme/other/check-runs")
      .reply(201, { id: 10, html_url: "" });
    const other = pushTo("feature", [".github/plan.yml"], "e".repeat(40));
    other.repository.name = "other";
    other.repository.full_name = "acme/other";
    await probot.receive(event("push", pushTo("feature", [".github/plan.yml"]), "f-1"));
    await probot.receive(event("push", other, "f-2"));
    clock.fireAll();
    await handle.queue?.idle();
    expect(logs.problems()).toEqual([
      expect.stringMatching(
        /^plan-align: plan check of \.github\/plan\.yml at aaaaaaa in acme\/canteen failed: .*500/,
      ),
    ]);
    expect(handle.stats).toMatchObject({ planChecks: 2, failures: 1 });
  });
});
