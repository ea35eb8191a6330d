/**
 * `plan-align report --plan FILE --snapshot FILE [--pr N] [--history FILE] [--format …]`:
 * the alignment report, evaluated offline from a snapshot (`plan-align snapshot` takes one).
 */

import { type HistoryEntry, parseHistoryJson } from "../model/names/history.ts";
import type { Report } from "../model/report.ts";
import { renderHtml } from "../render/html.ts";
import { renderJson } from "../render/json.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { renderSvgBadge } from "../render/svg-badge.ts";
import { renderText } from "../render/text.ts";
import { parseSnapshot } from "../snapshot/read.ts";
import { buildReport } from "../sync/build-report.ts";
import { historyWithToday } from "../sync/progress.ts";
import { InputError, parseFlags, parsePositiveInt, readTextFile, UsageError } from "./args.ts";
import type { CliIo, Command } from "./io.ts";
import { defaultPlan } from "./validate.ts";

export const REPORT_HELP = `usage: plan-align report --plan FILE --snapshot FILE [--pr N] [--history FILE]
                          [--format markdown|json|text|html|svg-badge]

Evaluates the plan against a repository snapshot, offline, and prints the report.

Options:
  --plan FILE       the plan (default: .github/plan.yml, then .github/plan.yaml)
  --snapshot FILE   a repository snapshot (JSON), e.g. from \`plan-align snapshot\`
  --pr N            also judge pull request #N (it must be in the snapshot)
  --history FILE    the plan's history (a JSON array of {"date","met","total"}, as the
                    dashboard keeps it): adds the forecast and "forecast late" milestones
  --format F        markdown (default; the check run's summary), json (the JSON report),
                    text (for reading in a terminal), html (one self-contained page), or
                    svg-badge (a status badge)
  -h, --help        show this help

Exit status: 0 evaluated, 1 the plan is invalid, 2 usage or I/O error.
`;

const FORMATS = ["markdown", "json", "text", "html", "svg-badge"] as const;
type Format = (typeof FORMATS)[number];

export const runReport: Command = async (argv, io) => {
  const flags = parseFlags(argv, {
    plan: { type: "string" },
    snapshot: { type: "string" },
    pr: { type: "string" },
    history: { type: "string" },
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
    throw new UsageError(
      `--format takes markdown, json, text, html or svg-badge (got "${flags.format}")`,
    );
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

  const history =
    flags.history === undefined ? undefined : await readHistoryFile({ io, file: flags.history });

  // 3. Evaluate, 4. render.
  const report = buildReport({
    planText,
    planPath,
    snapshot,
    ...(pr === undefined ? {} : { pr }),
    ...(history ? { history } : {}),
  });
  const render = {
    markdown: renderMarkdown,
    json: renderJson,
    text: renderText,
    html: (r: Report) => renderHtml(r, { history: historyWithToday(history ?? [], r) }),
    "svg-badge": renderSvgBadge,
  }[format];
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

/** A `--history FILE`: the dashboard's JSON array; an unreadable one is an error saying what it should hold. */
async function readHistoryFile(params: { io: CliIo; file: string }): Promise<HistoryEntry[]> {
  const text = await readTextFile({ ...params, what: "history", flag: "--history FILE" });
  const history = parseHistoryJson(text);
  if (history === null) {
    throw new InputError(
      `the history file ${params.file} is not a JSON array of {"date": "YYYY-MM-DD", "met": N, "total": N}; copy the array from the dashboard's <!-- plan-align:history … --> block`,
    );
  }
  return history;
}
