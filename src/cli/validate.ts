/** `plan-align validate [--plan FILE]`: the plan's findings, one `FILE:LINE:COL:` line each. */
import { formatFinding } from "../plan/format-finding.ts";
import { loadPlan } from "../plan/load.ts";
import { DEFAULT_PLAN_PATHS } from "../plan/schema.ts";
import { findDefaultPlan, InputError, parseFlags, readTextFile } from "./args.ts";
import type { Command } from "./io.ts";

export const VALIDATE_HELP = `usage: plan-align validate [--plan FILE]

Checks a plan file and prints every finding as FILE:LINE:COL: error|warning: message.

Options:
  --plan FILE   the plan to check (default: .github/plan.yml, then .github/plan.yaml)
  -h, --help    show this help

Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error.
`;

export const runValidate: Command = async (argv, io) => {
  const flags = parseFlags(argv, {
    plan: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (flags.help) {
    io.stdout(VALIDATE_HELP);
    return 0;
  }
  const file = flags.plan ?? (await defaultPlan(io));
  const text = await readTextFile({ io, file, what: "plan", flag: "--plan FILE" });
  const loaded = loadPlan({ text, path: file });
  for (const finding of loaded.findings) io.stdout(`${formatFinding(file, finding)}\n`);
  const errors = loaded.findings.filter((f) => f.severity === "error").length;
  const warnings = loaded.findings.length - errors;
  const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  io.stderr(loaded.valid ? `${file}: valid (${counts})\n` : `${file}: invalid (${counts})\n`);
  return loaded.valid ? 0 : 1;
};

async function defaultPlan(io: Parameters<Command>[1]): Promise<string> {
  const found = await findDefaultPlan(io, DEFAULT_PLAN_PATHS);
  if (found) return found;
  throw new InputError(
    `no plan found: looked for ${DEFAULT_PLAN_PATHS.join(" and ")} in ${io.cwd}. Create one (see examples/canteen/plan.yml), or pass --plan FILE.`,
  );
}

export { defaultPlan };
