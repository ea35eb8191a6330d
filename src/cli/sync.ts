/**
 * `plan-align sync --repo OWNER/NAME [--dry-run] [--plan FILE]` — the App's sync from a
 * terminal: the port's same `syncRepository`, so a user can preview what the App will do
 * before installing it (`--dry-run` changes nothing) or apply it by hand.
 *
 * The plan is read from the repository's default branch, or from a local FILE (to preview a
 * plan not pushed yet). Exit codes: 0 ok, 1 invalid plan or a failed action, 2 usage or I/O.
 */

import { parseArgs } from "node:util";
import { syncRepository } from "../github/sync-repository.ts";
import type { GitHubClient, Logger } from "../github/types.ts";
import { visible } from "../model/visible-text.ts";
import { plural } from "../model/words.ts";
import { formatFinding } from "../plan/format-finding.ts";
import { DEFAULT_PLAN_PATHS } from "../plan/schema.ts";
import { actionLine } from "../render/describe-action.ts";
import { clientFromEnv, parseRepo, readLocalPlan, stderrLogger } from "./github-command.ts";
import type { CliIo, Command } from "./io.ts";

const USAGE = "usage: plan-align sync --repo OWNER/NAME [--dry-run] [--plan FILE]\n";

interface SyncArgs {
  owner: string;
  repo: string;
  dryRun: boolean;
  plan: string | undefined;
}

export const runSync: Command = async (argv, io) => {
  let args: SyncArgs;
  try {
    args = parseSyncArgs(argv);
  } catch (error) {
    io.stderr(`plan-align sync: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const token = io.env.GITHUB_TOKEN;
  if (!token) {
    io.stderr(
      "plan-align sync: GITHUB_TOKEN is not set. Export a token that can write issues and milestones " +
        "(or read them, with --dry-run), e.g. `GITHUB_TOKEN=$(gh auth token) plan-align sync --repo OWNER/NAME --dry-run`.\n",
    );
    return 2;
  }
  const log = stderrLogger(io);
  const client = clientFromEnv({ io, token, log });
  try {
    return await sync({ args, io, log, client });
  } catch (error) {
    io.stderr(`plan-align sync: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
};

async function sync(params: {
  args: SyncArgs;
  io: CliIo;
  log: Logger;
  client: GitHubClient;
}): Promise<number> {
  const { args, io, log, client } = params;
  const { owner, repo } = args;
  const outcome = await syncRepository({
    client,
    owner,
    repo,
    log,
    // A local file previews a plan not pushed yet; absent: the default branch's.
    ...(args.plan ? { plan: await readLocalPlan({ file: args.plan, io }) } : {}),
    dryRun: args.dryRun,
    // Its findings first; an invalid plan reads nothing more from GitHub.
    onPlan: ({ planFile, loaded }) => {
      for (const f of loaded.findings) io.stderr(`${formatFinding(planFile.path, f)}\n`);
      return loaded.valid ? "go-on" : "stop";
    },
  });
  if (outcome.status === "no-plan") {
    io.stderr(
      `plan-align sync: ${owner}/${repo} has no plan on its default branch (${DEFAULT_PLAN_PATHS.join(", ")}); add one, or pass --plan FILE to preview a local plan.\n`,
    );
    return 2;
  }
  if (outcome.status === "stopped" || outcome.status === "invalid-plan") {
    io.stderr(
      `plan-align sync: ${outcome.planFile.path} is invalid; nothing synced. Fix the errors above.\n`,
    );
    return 1;
  }
  const { planFile, report, results } = outcome;
  const actions = report.actions;
  const head = `${owner}/${repo}${args.dryRun ? " (dry run)" : ""}`;
  if (actions.length === 0) {
    io.stdout(`${head}: in sync with ${planFile.path}; nothing to do.\n`);
    return 0;
  }
  if (outcome.status === "dry-run") {
    io.stdout(`${head}: ${plural(actions.length, "action")} would be applied:\n`);
    for (const a of actions) io.stdout(`  ${actionLine(a)}\n`);
    return 0;
  }
  io.stdout(`${head}: ${plural(actions.length, "action")}:\n`);
  for (const r of results) {
    io.stdout(
      `  ${r.status.padEnd(7)} ${actionLine(r.action)}${r.detail ? ` — ${visible(r.detail)}` : ""}\n`,
    );
  }
  const count = (s: string) => results.filter((r) => r.status === s).length;
  const failed = count("failed");
  io.stdout(
    `${count("applied")} applied, ${count("adopted")} adopted, ${count("skipped")} skipped, ${failed} failed\n`,
  );
  return failed > 0 ? 1 : 0;
}

function parseSyncArgs(argv: string[]): SyncArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      plan: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    ...parseRepo(values.repo),
    dryRun: values["dry-run"] ?? false,
    plan: values.plan,
  };
}
