/**
 * `plan-align sync --repo OWNER/NAME [--dry-run] [--plan FILE]` — the App's sync (DESIGN §4)
 * from a terminal: the same loader, planner and executor, so a user can preview what the App
 * will do before installing it (`--dry-run` changes nothing) or apply it by hand.
 *
 * The plan is read from the repository's default branch, or from a local FILE (to preview a
 * plan not pushed yet). Exit codes: 0 ok, 1 invalid plan or a failed action, 2 usage or I/O.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeAction } from "../action/describe-action.ts";
import { applyActions } from "../github/apply-actions.ts";
import { createClient } from "../github/client.ts";
import { loadSnapshot } from "../github/load-snapshot.ts";
import { readPlanFile } from "../github/read-plan.ts";
import type { GitHubClient, Logger } from "../github/types.ts";
import { formatFinding } from "../plan/format-finding.ts";
import { loadPlan } from "../plan/load.ts";
import { DEFAULT_PLAN_PATHS } from "../plan/schema.ts";
import { buildReport } from "../report/build.ts";
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
  const client = createClient({
    token,
    ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}),
    log,
    fetch: (...a: Parameters<typeof fetch>) => globalThis.fetch(...a),
  });
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

  // 1. The plan: a local file, or the default branch's.
  const planFile = args.plan
    ? await readLocalPlan({ file: args.plan, io })
    : await readPlanFile({ client, owner, repo });
  if (!planFile) {
    io.stderr(
      `plan-align sync: ${owner}/${repo} has no plan on its default branch (${DEFAULT_PLAN_PATHS.join(", ")}); add one, or pass --plan FILE to preview a local plan.\n`,
    );
    return 2;
  }
  const loaded = loadPlan({ text: planFile.text, path: planFile.path });
  for (const f of loaded.findings) io.stderr(`${formatFinding(planFile.path, f)}\n`);
  if (!loaded.valid) {
    io.stderr(
      `plan-align sync: ${planFile.path} is invalid; nothing synced. Fix the errors above.\n`,
    );
    return 1;
  }

  // 2. The repository as the plan needs it, and the actions (the dry run).
  const snapshot = await loadSnapshot({
    client,
    owner,
    repo,
    plan: loaded.plan,
    planPath: planFile.path,
    log,
  });
  const report = buildReport({ planText: planFile.text, planPath: planFile.path, snapshot });
  const actions = report.actions;
  const head = `${owner}/${repo}${args.dryRun ? " (dry run)" : ""}`;
  if (actions.length === 0) {
    io.stdout(`${head}: in sync with ${planFile.path}; nothing to do.\n`);
    return 0;
  }
  if (args.dryRun) {
    io.stdout(`${head}: ${plural(actions.length, "action")} would be applied:\n`);
    for (const a of actions) io.stdout(`  ${describeAction(a)}\n`);
    return 0;
  }

  // 3. Apply, and say what happened to each.
  const results = await applyActions({ client, owner, repo, actions, log });
  io.stdout(`${head}: ${plural(actions.length, "action")}:\n`);
  for (const r of results) {
    io.stdout(
      `  ${r.status.padEnd(7)} ${describeAction(r.action)}${r.detail ? ` — ${r.detail}` : ""}\n`,
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
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(values.repo ?? "");
  if (!match) {
    throw new Error(
      values.repo ? `--repo "${values.repo}" is not OWNER/NAME` : "--repo OWNER/NAME is required",
    );
  }
  return {
    owner: match[1] ?? "",
    repo: match[2] ?? "",
    dryRun: values["dry-run"] ?? false,
    plan: values.plan,
  };
}

/** A local plan; its path relative to the working directory names it in messages. */
async function readLocalPlan(params: {
  file: string;
  io: CliIo;
}): Promise<{ path: string; text: string }> {
  const abs = resolve(params.io.cwd, params.file);
  let text: string;
  try {
    text = await readFile(abs, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `cannot read the plan ${params.file}: ${code === "ENOENT" ? "no such file" : (code ?? String(error))}`,
    );
  }
  const rel = relative(params.io.cwd, abs).split("\\").join("/");
  return { path: isAbsolute(params.file) || rel.startsWith("..") ? params.file : rel, text };
}

/** stdout carries the actions; progress and warnings go to stderr. */
function stderrLogger(io: CliIo): Logger {
  return {
    debug() {},
    info() {},
    warn: (m) => io.stderr(`warning: ${m}\n`),
    error: (m) => io.stderr(`error: ${m}\n`),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
