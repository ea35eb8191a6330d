/**
 * `plan-align snapshot --repo OWNER/NAME [--pr N] [--plan FILE]` — reads GitHub with the same
 * loader as the Action and prints the snapshot JSON, so
 *   plan-align snapshot --repo o/r --pr 12 > s.json
 *   plan-align report --snapshot s.json --plan .github/plan.yml --pr 12
 * reproduces offline what the Action posted. With --pr (and no --plan) the plan is read from
 * the pull request's base branch, as the Action's check reads it.
 */
import { parseArgs } from "node:util";
import { readPlanOnGitHub } from "../github/evaluate-on-github.ts";
import { loadSnapshot } from "../github/load-snapshot.ts";
import { pullRequestBaseRef } from "../github/pull-request-base.ts";
import { DEFAULT_PLAN_PATHS } from "../plan/schema.ts";
import { clientFromEnv, parseRepo, readLocalPlan, stderrLogger } from "./github-command.ts";
import type { Command } from "./io.ts";

const USAGE = "usage: plan-align snapshot --repo OWNER/NAME [--pr N] [--plan FILE]\n";

export const runSnapshot: Command = async (argv, io) => {
  let args: { owner: string; repo: string; pr: number | undefined; plan: string | undefined };
  try {
    args = parseSnapshotArgs(argv);
  } catch (error) {
    io.stderr(`plan-align snapshot: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const token = io.env.GITHUB_TOKEN;
  if (!token) {
    io.stderr(
      "plan-align snapshot: GITHUB_TOKEN is not set. Export a token that can read the repository, " +
        "e.g. `GITHUB_TOKEN=$(gh auth token) plan-align snapshot --repo OWNER/NAME`.\n",
    );
    return 2;
  }
  const { owner, repo } = args;
  const log = stderrLogger(io);
  try {
    const client = clientFromEnv({ io, token, log });
    // Like the Action's check: a pull request is judged by the plan on the branch it targets.
    let ref: string | undefined;
    if (args.pr !== undefined && !args.plan) {
      const base = await pullRequestBaseRef({ client, owner, repo, number: args.pr });
      if (base === null) {
        io.stderr(
          `plan-align snapshot: ${owner}/${repo} has no pull request #${args.pr} (or the token cannot see it). Check the number.\n`,
        );
        return 2;
      }
      ref = base;
    }
    const plan = args.plan
      ? await readLocalPlan({ file: args.plan, io })
      : await readPlanOnGitHub({ client, owner, repo, ...(ref ? { ref } : {}) });
    if (!plan) {
      const where = ref ? `the base branch ${ref}` : "the default branch";
      log.warn(
        `no plan on ${where} of ${owner}/${repo} (${DEFAULT_PLAN_PATHS.join(", ")}); the snapshot holds only the milestones and the issues plan-align keeps (review, risk, dashboard)`,
      );
    }
    const loaded = plan?.loaded ?? null;
    if (loaded && !loaded.valid) {
      log.warn(
        `${loaded.path} is invalid (run \`plan-align validate\`); the issues, pull requests, files and checks it names are not read`,
      );
    }
    const snapshot = await loadSnapshot({
      client,
      owner,
      repo,
      plan: loaded?.plan ?? null,
      planPath: plan?.planFile.path ?? DEFAULT_PLAN_PATHS[0],
      ...(args.pr !== undefined ? { pr: args.pr } : {}),
      log,
    });
    io.stdout(`${JSON.stringify(snapshot, null, 2)}\n`);
    return 0;
  } catch (error) {
    io.stderr(`plan-align snapshot: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
};

function parseSnapshotArgs(argv: string[]): {
  owner: string;
  repo: string;
  pr: number | undefined;
  plan: string | undefined;
} {
  const { values } = parseArgs({
    args: argv,
    options: { repo: { type: "string" }, pr: { type: "string" }, plan: { type: "string" } },
    strict: true,
    allowPositionals: false,
  });
  const where = parseRepo(values.repo);
  let pr: number | undefined;
  if (values.pr !== undefined) {
    pr = Number(values.pr);
    if (!Number.isInteger(pr) || pr <= 0)
      throw new Error(`--pr "${values.pr}" is not a pull request number`);
  }
  return { ...where, pr, plan: values.plan };
}
