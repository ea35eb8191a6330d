/**
 * `plan-align init [--plan FILE] [--repo OWNER/NAME] [--force]` — writes a starter plan that
 * validates (default `.github/plan.yml`). With `--repo` (and GITHUB_TOKEN) its milestones
 * are the repository's open GitHub milestones, each with one deliverable to fill in. An
 * existing file is never overwritten without `--force`.
 */
import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { openMilestones } from "../github/open-milestones.ts";
import { plural } from "../model/words.ts";
import { formatFinding } from "../plan/format-finding.ts";
import { loadPlan } from "../plan/load.ts";
import { DEFAULT_PLAN_PATHS } from "../plan/schema.ts";
import { type StarterMilestone, starterPlan } from "../plan/starter.ts";
import { clientFromEnv, parseRepo, stderrLogger } from "./github-command.ts";
import type { Command } from "./io.ts";

export const INIT_HELP = `usage: plan-align init [--plan FILE] [--repo OWNER/NAME] [--force]

Writes a starter plan that validates (default ${DEFAULT_PLAN_PATHS[0]}).

Options:
  --plan FILE          where to write it
  --repo OWNER/NAME    start from the repository's open GitHub milestones (needs GITHUB_TOKEN)
  --force              overwrite an existing file
  -h, --help           show this help
`;

export const runInit: Command = async (argv, io) => {
  let values: { plan?: string; repo?: string; force?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        plan: { type: "string" },
        repo: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`plan-align init: ${(error as Error).message}\n\n${INIT_HELP}`);
    return 2;
  }
  if (values.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  const file = values.plan ?? DEFAULT_PLAN_PATHS[0];
  const target = resolve(io.cwd, file);
  if (!values.force && (await exists(target))) {
    io.stderr(
      `plan-align init: ${file} already exists; nothing written. Pass --force to overwrite it, or --plan FILE to write elsewhere.\n`,
    );
    return 2;
  }

  let milestones: StarterMilestone[] | undefined;
  if (values.repo !== undefined) {
    let repoRef: { owner: string; repo: string };
    try {
      repoRef = parseRepo(values.repo);
    } catch (error) {
      io.stderr(`plan-align init: ${(error as Error).message}\n\n${INIT_HELP}`);
      return 2;
    }
    const token = io.env.GITHUB_TOKEN;
    if (!token) {
      io.stderr(
        "plan-align init: --repo reads the repository's milestones and needs GITHUB_TOKEN, e.g. " +
          "`GITHUB_TOKEN=$(gh auth token) plan-align init --repo OWNER/NAME`.\n",
      );
      return 2;
    }
    const log = stderrLogger(io);
    try {
      milestones = await openMilestones({ client: clientFromEnv({ io, token, log }), ...repoRef });
    } catch (error) {
      io.stderr(
        `plan-align init: cannot read the milestones of ${values.repo}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return 2;
    }
    if (milestones.length === 0) {
      io.stderr(`warning: ${values.repo} has no open milestones; writing the example plan\n`);
    }
  }

  const text = starterPlan({ ...(milestones ? { milestones } : {}), now: new Date() });
  const loaded = loadPlan({ text, path: file });
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    io.stderr(`plan-align init: cannot write ${file}: ${code}\n`);
    return 2;
  }
  const count = milestones?.length ? plural(milestones.length, "milestone") : "an example";
  io.stdout(
    `wrote ${file} (${count}). Next: edit what it marks "(edit me)", then run \`plan-align validate\`.\n`,
  );
  // The starter is valid by construction; its warnings are the next things to fill in.
  for (const f of loaded.findings) io.stdout(`${formatFinding(file, f)}\n`);
  return loaded.valid ? 0 : 1;
};

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
