/**
 * The `plan-align` command line. `main(argv, io)` is what tests drive; it returns the exit
 * code and never calls process.exit. Run as a program (or through bin/plan-align.js) it
 * wires itself to the real process.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import packageJson from "../../package.json" with { type: "json" };
import { InputError, UsageError } from "./args.ts";
import { INIT_HELP, runInit } from "./init.ts";
import type { CliIo, Command } from "./io.ts";
import { REPORT_HELP, runReport } from "./report.ts";
import { runSchema, SCHEMA_HELP } from "./schema.ts";
import { runSnapshot } from "./snapshot.ts";
import { runSync } from "./sync.ts";
import { runValidate, VALIDATE_HELP } from "./validate.ts";

export const VERSION: string = packageJson.version;

export const HELP = `plan-align ${VERSION}: keep a project's plan and its GitHub repository aligned

usage: plan-align <command> [options]

Commands:
  validate   check a plan file (default .github/plan.yml)
  schema     print the plan's JSON Schema
  report     evaluate a plan against a repository snapshot, offline
  snapshot   read a repository from GitHub into a snapshot (needs GITHUB_TOKEN)
  sync       bring GitHub's milestones, labels and issues in line with the plan
  init       write a starter plan (from the repository's milestones with --repo)

Run \`plan-align <command> --help\` for a command's options.

Options:
  -h, --help      show this help
  -V, --version   print the version
`;

const COMMANDS: Record<string, Command> = {
  validate: runValidate,
  schema: runSchema,
  report: runReport,
  snapshot: runSnapshot,
  sync: runSync,
  init: runInit,
};

/** Help of the offline commands, for usage errors (snapshot and sync print their own). */
const COMMAND_HELP: Record<string, string> = {
  validate: VALIDATE_HELP,
  schema: SCHEMA_HELP,
  report: REPORT_HELP,
  init: INIT_HELP,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(HELP);
    return 2;
  }
  if (first === "-h" || first === "--help") {
    io.stdout(HELP);
    return 0;
  }
  if (first === "help") {
    const topic = rest[0];
    const command = topic === undefined ? undefined : COMMANDS[topic];
    if (topic !== undefined && command) return command(["--help"], io);
    io.stdout(HELP);
    return 0;
  }
  if (first === "-V" || first === "--version") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    const what = first.startsWith("-") ? `unknown option ${first}` : `unknown command "${first}"`;
    io.stderr(`plan-align: ${what}\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`plan-align ${first}: ${error.message}\n\n${COMMAND_HELP[first] ?? ""}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`plan-align ${first}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * The directory relative paths (and the default plan) are read from. `npm run plan-align`
 * — this repository's own script — runs from the package root whatever directory the
 * command was typed in (`npm --prefix …`, or a subfolder); npm records that directory in
 * INIT_CWD, and it is the one the user means. Any other way of running (the installed
 * `plan-align`, npx, another package's script) keeps the process's working directory.
 */
export function workingDirectory(params: {
  env: Record<string, string | undefined>;
  cwd: string;
}): string {
  const { env, cwd } = params;
  const ownScript =
    env.npm_lifecycle_event === "plan-align" && env.npm_package_name === "plan-align";
  return ownScript && env.INIT_CWD ? env.INIT_CWD : cwd;
}

/** Runs the CLI on the real process: what `bin/plan-align.js` calls. */
export async function runCli(): Promise<void> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: workingDirectory({ env: process.env, cwd: process.cwd() }),
  };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    // A bug, not a user mistake: say so briefly, with the stack for the bug report.
    io.stderr(
      `plan-align: internal error: ${(error as Error).message}\nPlease report it with this trace:\n${(error as Error).stack ?? ""}\n`,
    );
    process.exitCode = 3;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await runCli();
