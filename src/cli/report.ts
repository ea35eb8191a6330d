/**
 * `plan-align report --plan FILE --snapshot FILE [--pr N] [--format markdown|json|text]`:
 * the alignment report, evaluated offline from a snapshot (`plan-align snapshot` takes one).
 */

import { renderJson } from "../render/json.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { renderText } from "../render/text.ts";
import { parseSnapshot } from "../snapshot/read.ts";
import { buildReport } from "../sync/build-report.ts";
import { InputError, parseFlags, parsePositiveInt, readTextFile, UsageError } from "./args.ts";
import type { Command } from "./io.ts";
import { defaultPlan } from "./validate.ts";

export const REPORT_HELP = `usage: plan-align report --plan FILE --snapshot FILE [--pr N] [--format markdown|json|text]

Evaluates the plan against a repository snapshot, offline, and prints the report.

Options:
  --plan FILE       the plan (default: .github/plan.yml, then .github/plan.yaml)
  --snapshot FILE   a repository snapshot (JSON), e.g. from \`plan-align snapshot\`
  --pr N            also judge pull request #N (it must be in the snapshot)
  --format F        markdown (default; the check run's summary), json (the JSON report),
                    or text (for reading in a terminal)
  -h, --help        show this help

Exit status: 0 evaluated, 1 the plan is invalid, 2 usage or I/O error.
`;

const FORMATS = ["markdown", "json", "text"] as const;
type Format = (typeof FORMATS)[number];

export const runReport: Command = async (argv, io) => {
  const flags = parseFlags(argv, {
    plan: { type: "string" },
    snapshot: { type: "string" },
    pr: { type: "string" },
    format: { type: "string", default: "markdown" },
    help: { type: "boolean", short: "h" },
  });
  if (flags.help) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  if (flags.snapshot === undefined) {
    throw new UsageError(
      "--snapshot FILE is required (take one with `plan-align snapshot --repo OWNER/NAME > snapshot.json`)",
    );
  }
  const format = flags.format as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format takes markdown, json or text (got "${flags.format}")`);
  }
  const pr = flags.pr === undefined ? undefined : parsePositiveInt("--pr", flags.pr);

  // 1. Read both files, 2. parse the snapshot (its errors name file, line and field).
  const planPath = flags.plan ?? (await defaultPlan(io));
  const planText = await readTextFile({ io, file: planPath, what: "plan", flag: "--plan FILE" });
  const snapshotText = await readTextFile({
    io,
    file: flags.snapshot,
    what: "snapshot",
    flag: "--snapshot FILE",
  });
  const parsed = parseSnapshot({ text: snapshotText, path: flags.snapshot });
  if (!parsed.ok) throw new InputError(parsed.error);
  const { snapshot } = parsed;
  if (pr !== undefined && !snapshot.pullRequests.some((p) => p.number === pr)) {
    throw new InputError(
      `pull request #${pr} is not in the snapshot ${flags.snapshot}. Take a snapshot that includes it: plan-align snapshot --repo ${snapshot.repository} --pr ${pr}`,
    );
  }

  // 3. Evaluate, 4. render.
  const report = buildReport({
    planText,
    planPath,
    snapshot,
    ...(pr === undefined ? {} : { pr }),
  });
  const render = { markdown: renderMarkdown, json: renderJson, text: renderText }[format];
  io.stdout(render(report));
  if (!report.plan.valid) {
    const errors = report.plan.findings.filter((f) => f.severity === "error").length;
    io.stderr(
      `${planPath}: invalid (${errors} error${errors === 1 ? "" : "s"}); run \`plan-align validate --plan ${planPath}\` for the list\n`,
    );
    return 1;
  }
  return 0;
};
