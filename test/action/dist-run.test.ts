/**
 * The shipped artefact, run the way the Actions runner runs it: `node dist/index.js` under
 * Node 24 as a child process, with INPUT_* / GITHUB_* variables, an event file, and the fake
 * GitHub (a loopback HTTP server, every request contract-checked) as GITHUB_API_URL.
 * Then: the check run it posted, the outputs it wrote to GITHUB_OUTPUT, the job summary.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { renderJson } from "../../src/render/json.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { NAME, OWNER, PLAN_TEXT, pullRequestEvent } from "./harness.ts";

const ROOT = join(import.meta.dirname, "../..");

/** Node 24, as action.yml's `runs.using: node24` — npm scripts put it first on PATH. */
function node24(): string {
  if (Number(process.versions.node.split(".")[0]) >= 24) return process.execPath;
  return createRequire(import.meta.url).resolve("node/bin/node");
}

/** GITHUB_OUTPUT's file-command format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string;
  return out;
}

let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

describe("dist/index.js", () => {
  it("runs under Node 24, posts the check run and writes its outputs", async () => {
    const pr = pullRequestEvent("opened");
    // The child runs on the real clock: dates far ahead keep milestones from being overdue.
    const plan = PLAN_TEXT.replace(/due: 2026-/g, "due: 2099-");
    gh = await startFakeGitHub({
      repos: [
        {
          owner: OWNER,
          name: NAME,
          defaultBranch: "master",
          files: {
            ".github/plan.yml": plan,
            "docs/requirements/README.md": "# Introduction\n",
          },
          labels: ["deliverable: requirements", "deliverable:queue-display"],
          milestones: [
            { number: 1, title: "Requirements approved", due_on: "2099-02-15T08:00:00Z" },
            { number: 2, title: "Prototype completed", due_on: "2099-04-01T07:00:00Z" },
          ],
          pullRequests: [
            {
              number: pr.number,
              headSha: pr.headSha,
              baseRef: pr.baseRef,
              changedFiles: ["src/display/queue.ts"],
              milestone: 2,
            },
          ],
        },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), "plan-align-dist-"));
    const files = {
      event: join(dir, "event.json"),
      output: join(dir, "output"),
      summary: join(dir, "summary.md"),
    };
    writeFileSync(files.event, JSON.stringify(pr.payload));
    writeFileSync(files.output, "");
    writeFileSync(files.summary, "");

    const binary = node24();
    const version = await promisify(execFile)(binary, ["--version"]);
    expect(version.stdout.trim()).toMatch(/^v24\./);

    const run = await promisify(execFile)(binary, [join(ROOT, "dist/index.js")], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        INPUT_TOKEN: "ghs_dist",
        INPUT_MODE: "auto",
        "INPUT_DRY-RUN": "false",
        INPUT_PLAN: "",
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: files.event,
        GITHUB_REPOSITORY: `${OWNER}/${NAME}`,
        GITHUB_API_URL: gh.url,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_RUN_ID: "99",
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        RUNNER_TEMP: dir,
      },
    });

    expect(run.stdout).not.toContain("::error::");
    expect(gh.violations).toEqual([]);
    const [checkRun] = gh.repo(`${OWNER}/${NAME}`).checkRuns;
    expect(checkRun).toMatchObject({
      name: "plan-align",
      head_sha: pr.headSha,
      status: "completed",
      conclusion: "success",
      details_url: `https://github.com/${OWNER}/${NAME}/actions/runs/99`,
    });
    expect(checkRun?.output?.title).toMatch(/^Serves 1 deliverable/);

    const outputs = parseOutputs(readFileSync(files.output, "utf8"));
    expect(outputs).toMatchObject({ conclusion: "success", aligned: "true", achieves: "" });
    const reportText = readFileSync(outputs.report ?? "", "utf8");
    const report = JSON.parse(reportText);
    // The same document, key order included, as `plan-align report --format json`.
    expect(reportText).toBe(renderJson(report));
    expect(report.pullRequest).toMatchObject({
      number: pr.number,
      deliverables: ["queue-display"],
    });
    expect(readFileSync(files.summary, "utf8")).toBe(`${checkRun?.output?.summary}\n`);
  });
});
