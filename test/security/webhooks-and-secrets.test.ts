/**
 * The App over real HTTP on loopback, GitHub played by the fake:
 * - a webhook with a wrong, missing or stale signature is refused (4xx) and no work is done:
 *   nothing queued, not one request to GitHub;
 * - no token or private key appears in anything the App, the Action or the CLI writes: logs
 *   at every level, check-run bodies, issue bodies, summaries, outputs and reports.
 */
import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testPrivateKey } from "../app/support/probot.ts";
import { type RunningApp, sendWebhook, startApp } from "../app/support/server.ts";
import { example } from "../app/support/webhooks.ts";
import { runCli } from "../hostile/support.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { offlineFile } from "../support/offline.ts";
import { SPEC_PLAN } from "../support/spec-plan.ts";

/** Loopback only (the fake GitHub, the App); anything else fails the file. */
offlineFile();

let gh: FakeGitHub;
let app: RunningApp | null = null;

beforeEach(async () => {
  gh = await startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "canteen",
        files: { ".github/plan.yml": SPEC_PLAN },
        issues: [{ number: 5, title: "Write the spec", labels: ["deliverable:spec"] }],
      },
    ],
  });
});
afterEach(async () => {
  await app?.close();
  app = null;
  await gh.close();
});

function installation() {
  const p = example("installation", "created");
  p.installation.id = 42;
  p.installation.account.login = "acme";
  p.installation.account.html_url = "https://github.com/acme";
  p.repositories = [{ id: 1, name: "canteen", full_name: "acme/canteen", private: false }];
  return { name: "installation", payload: p };
}

describe("webhook signatures", () => {
  async function post(headers: Record<string, string>, body: string) {
    const res = await fetch(app?.url ?? "", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "installation",
        "x-github-delivery": "sig-test",
        ...headers,
      },
      body,
    });
    await res.text();
    return res.status;
  }

  it.each([
    ["a wrong secret", (body: string) => ({ "x-hub-signature-256": sign(body, "wrong-secret") })],
    ["no signature header", () => ({})],
    ["an empty signature", () => ({ "x-hub-signature-256": "" })],
    ["a signature of another body", () => ({ "x-hub-signature-256": sign("{}", SECRET) })],
    [
      "a sha1 signature only",
      (body: string) => ({
        "x-hub-signature": `sha1=${createHmac("sha1", SECRET).update(body).digest("hex")}`,
      }),
    ],
  ])("%s: refused with 4xx, nothing queued, nothing sent to GitHub", async (_name, headers) => {
    app = await startApp({ githubUrl: gh.url });
    const body = JSON.stringify(installation().payload);
    const status = await post(headers(body), body);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await app.settle();
    expect(app.handle.queue?.stats.enqueued ?? 0).toBe(0);
    expect(gh.requests).toEqual([]);
    expect(gh.repo("acme/canteen").milestones).toEqual([]);
  });

  it("the same body correctly signed is accepted and does the work (the refusals above are the signature's doing)", async () => {
    app = await startApp({ githubUrl: gh.url });
    const res = await sendWebhook(app.url, installation());
    expect(res.status).toBe(200);
    await app.settle();
    expect(gh.repo("acme/canteen").milestones.map((m) => m.title)).toEqual(["Spec done"]);
  });
});

const SECRET = "plan-align-test-secret";
function sign(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** The secrets a run may hold: the installation token the fake issues, the app's private key. */
function secretsOf(): string[] {
  const key = testPrivateKey();
  // Any line of the key's body (64 base64 characters) is distinctive enough.
  const keyLines = key.split("\n").filter((l) => l.length >= 40 && !l.startsWith("-----"));
  return ["ghs_fake42", TOKEN, ...keyLines.slice(0, 3), keyLines[keyLines.length - 1] ?? ""];
}
const TOKEN = "ghs_TESTTOKENsecurity0123456789abcdefXYZ";

function expectNoSecret(label: string, text: string) {
  for (const secret of secretsOf()) {
    expect(text.includes(secret), `${label} contains a secret (${secret.slice(0, 12)}…)`).toBe(
      false,
    );
  }
}

describe("no token or private key in anything written", () => {
  it("the App: logs at every level, check runs, issue and milestone bodies — including on failures", async () => {
    app = await startApp({ githubUrl: gh.url });
    // Make some requests fail so error paths log too.
    gh.fault({
      method: "POST",
      path: "/repos/acme/canteen/labels",
      status: 401,
      body: { message: "Bad credentials" },
    });
    await sendWebhook(app.url, installation());
    await app.settle();
    await sendWebhook(app.url, { ...installation(), id: "again" });
    await app.settle();
    const repo = gh.repo("acme/canteen");
    expect(repo.milestones.length).toBeGreaterThan(0);
    const everything = [
      JSON.stringify(app.logs.lines),
      JSON.stringify(repo.checkRuns),
      JSON.stringify(repo.issues),
      JSON.stringify(repo.milestones),
      JSON.stringify(gh.requests.map((r) => r.body)),
    ].join("\n");
    expect(app.logs.lines.length).toBeGreaterThan(0);
    expectNoSecret("App output", everything);
    // And the fake did hand out the token (so its absence above means something).
    expect(JSON.stringify(gh.requests)).toContain("access_tokens");
  });

  it("the CLI's sync: stdout and stderr, on success and on a 401", async () => {
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url };
    const ok = await runCli(["sync", "--repo", "acme/canteen"], { cwd: process.cwd(), env });
    expect(ok.code).toBe(0);
    gh.fault({
      method: "GET",
      path: /\/contents\//,
      status: 401,
      body: { message: "Bad credentials" },
    });
    const refused = await runCli(["sync", "--repo", "acme/canteen"], { cwd: process.cwd(), env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/401|Bad credentials/);
    expectNoSecret("CLI output", [ok.stdout, ok.stderr, refused.stdout, refused.stderr].join("\n"));
  });
});

// The Action's outputs are scanned in action-secrets.test.ts (it drives the runner with nock).
