/**
 * What the App answers and says, over real HTTP with the fake GitHub: bodies over the cap,
 * signed payloads of the wrong shape, a redelivered delivery whose work failed, the reconcile
 * that reaches GitHub without any webhook.
 */
import { createHmac } from "node:crypto";
import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_WEBHOOK_BYTES } from "../../src/app/webhook-guard.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";
import { TEST_SECRET } from "./support/probot.ts";
import { type RunningApp, sendWebhook, startApp } from "./support/server.ts";
import { canteenExample } from "./support/webhooks.ts";

const PLAN = `version: 1
milestones:
  - id: spec-done
    title: Spec done
    due: 2030-03-01
    deliverables: [spec]
deliverables:
  - id: spec
    title: Specification
    criteria:
      - issues: closed
`;

let gh: FakeGitHub;
const apps: RunningApp[] = [];

offlineFile();

beforeEach(async () => {
  gh = await startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "canteen",
        defaultBranch: "main",
        files: { ".github/plan.yml": PLAN },
        issues: [{ number: 5, title: "Write the spec", labels: ["deliverable:spec"] }],
      },
    ],
  });
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await gh.close();
});

async function app(settings: Parameters<typeof startApp>[0]["settings"] = {}) {
  const running = await startApp({ githubUrl: gh.url, settings });
  apps.push(running);
  return running;
}

async function until(what: string, ok: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const milestone = () => gh.repo("acme/canteen").milestones.find((m) => m.title === "Spec done");

/** POSTs `bytes` bytes of body, declaring its length or streaming it chunked. */
function post(
  url: string,
  bytes: number,
  declareLength: boolean,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "big",
        "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
        ...(declareLength ? { "content-length": String(bytes) } : {}),
      },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let text = "";
      res.on("data", (c: Buffer) => {
        text += c.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server closes the connection after its answer: a write error then is expected.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("the webhook endpoint", () => {
  it("refuses a body over the cap with 413 before reading it, declared or streamed", async () => {
    const running = await app();
    for (const declared of [true, false]) {
      const res = await post(running.url, MAX_WEBHOOK_BYTES + 4 * 1024 * 1024, declared);
      expect(res.status).toBe(413);
      expect(res.text).toMatch(/at most \d+ bytes/);
    }
  });

  it("answers a signed payload of the wrong shape 400 with a plain message and logs it at warn", async () => {
    const running = await app();
    const payload = canteenExample("issues", "labeled");
    payload.repository.owner = "acme";
    const res = await fetch(running.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "odd-shape",
        "x-hub-signature-256": `sha256=${createHmac("sha256", TEST_SECRET).update(JSON.stringify(payload)).digest("hex")}`,
      },
      body: JSON.stringify(payload),
    });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).toContain("repository.owner is missing or of the wrong type");
    expect(text).not.toMatch(/TypeError|at .*\.ts:\d+/);
    expect(running.logs.lines.filter((l) => l.level === 40).map((l) => l.msg)).toContain(
      "plan-align: delivery odd-shape (issues) refused: repository.owner is missing or of the wrong type",
    );
  });

  it("runs a redelivery of a delivery whose work failed", async () => {
    const running = await app();
    const hook = () => {
      const p = canteenExample("issues", "labeled");
      p.issue.number = 5;
      return { name: "issues", payload: p, id: "flaky-delivery" };
    };
    // GitHub fails the run's first read (the test's client does not retry).
    gh.fault({ method: "POST", path: "/graphql", status: 502, times: 1 });
    expect((await sendWebhook(running.url, hook())).status).toBe(200);
    await running.settle();
    expect(milestone()).toBeUndefined();
    expect(running.logs.problems().some((m) => m.includes("acme/canteen"))).toBe(true);
    // GitHub is back; the delivery is redelivered from the app's settings.
    expect((await sendWebhook(running.url, hook())).status).toBe(200);
    await running.settle();
    expect(milestone()?.state).toBe("open");
    // Now it succeeded, a further copy is a duplicate.
    expect((await sendWebhook(running.url, hook())).status).toBe(200);
    await running.settle();
    expect(running.handle.queue?.stats.duplicates).toBe(1);
  });
});

describe("the reconcile", () => {
  it("aligns every installed repository at start-up and reflects an issue closed without a webhook within a period", async () => {
    await app({ reconcileSeconds: 1 });
    await until("the start-up reconcile to create the milestone", () => milestone() !== undefined);
    expect(milestone()?.state).toBe("open");
    const issue = gh.repo("acme/canteen").issues.find((i) => i.number === 5);
    if (issue) issue.state = "closed";
    await until(
      "the next reconcile to close the achieved milestone",
      () => milestone()?.state === "closed",
    );
  });
});
