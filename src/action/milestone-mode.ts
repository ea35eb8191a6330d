/**
 * Milestone mode (push to the default branch, schedule, workflow_dispatch): the port's sync
 * of the repository to the plan on its default branch — close / reopen milestones, and the
 * rest when the token may — or, with dry-run, only the list. This file says it in the job
 * summary, the log and annotations, and decides the step's conclusion.
 */
import { syncRepository } from "../github/sync-repository.ts";
import type { ActionResult, GitHubClient, Logger, PlanFile, RepoRef } from "../github/types.ts";
import type { SyncAction } from "../model/actions.ts";
import { actionLine, actionVerb } from "../render/describe-action.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { annotateFindings } from "./annotate.ts";
import type { ActionCore } from "./core.ts";
import type { ActionInputs } from "./inputs.ts";
import { noPlanMarkdown } from "./no-plan.ts";
import type { Outcome } from "./outcome.ts";
import { runUrl } from "./publish-check.ts";

/** Closing and reopening is the point of milestone mode: a token that cannot do it is a setup error. */
const ESSENTIAL: SyncAction["type"][] = ["close-milestone", "reopen-milestone"];

export async function runMilestoneMode(
  params: RepoRef & {
    core: ActionCore;
    env: Record<string, string | undefined>;
    inputs: ActionInputs;
    client: GitHubClient;
    log: Logger;
    now?: () => Date;
    /** The default branch's plan read, already sent by the runner. */
    planFile?: Promise<PlanFile | null>;
  },
): Promise<Outcome> {
  const { core, owner, repo, inputs } = params;
  const reportUrl = runUrl(params.env);
  const outcome = await syncRepository({
    client: params.client,
    owner,
    repo,
    ...(params.planFile ? { planFile: params.planFile } : {}),
    log: params.log,
    planPath: inputs.plan,
    dryRun: inputs.dryRun,
    ...(reportUrl ? { reportUrl } : {}),
    ...(params.now ? { now: params.now } : {}),
  });
  if (outcome.status === "no-plan") {
    core.notice(`plan-align: no plan on the default branch of ${owner}/${repo}; nothing to do`);
    await core.writeSummary(noPlanMarkdown({ where: "default branch", path: inputs.plan }));
    return { conclusion: "neutral", aligned: null, achieves: [], report: null };
  }
  const { planFile, report } = outcome;
  const achieves = report.milestones.filter((m) => m.achieved).map((m) => m.id);
  const markdown = renderMarkdown(report);

  // An invalid plan changed nothing on GitHub: annotate it and fail, so someone fixes it.
  if (outcome.status === "invalid-plan") {
    annotateFindings({
      core,
      findings: report.plan.findings.map((finding) => ({ path: planFile.path, finding })),
      // The step fails: that is one error annotation too.
      reserved: { error: 1 },
    });
    await core.writeSummary(markdown);
    return {
      conclusion: "failure",
      aligned: null,
      achieves,
      report,
      failMessage: `plan-align: ${planFile.path} on the default branch is invalid; nothing was changed on GitHub`,
    };
  }

  // A dry run, or nothing to do: list the actions.
  const actions = report.actions;
  if (outcome.status === "dry-run" || actions.length === 0) {
    const lines = actions.map((a) => `- would ${actionLine(a)}`);
    for (const line of lines) core.info(line);
    const heading =
      actions.length === 0
        ? "Nothing to change on GitHub."
        : "### Dry run: what plan-align would change";
    await core.writeSummary(`${markdown}\n\n${heading}\n\n${lines.join("\n")}\n`);
    return { conclusion: "success", aligned: null, achieves, report };
  }

  const { lines, failures } = summarise({ core, results: outcome.results });
  await core.writeSummary(`${markdown}\n\n### What plan-align changed\n\n${lines.join("\n")}\n`);
  return {
    conclusion: failures.length > 0 ? "failure" : "success",
    aligned: null,
    achieves,
    report,
    failMessage: `plan-align: ${failures.length} change(s) failed: ${failures.join("; ")}`,
  };
}

/**
 * Logs each result. A refused optional write (403: the token lacks `issues: write`) is a
 * warning, "token cannot …"; a refused close/reopen, or any other error, fails the step.
 */
function summarise(params: { core: ActionCore; results: ActionResult[] }): {
  lines: string[];
  failures: string[];
} {
  const lines: string[] = [];
  const failures: string[] = [];
  for (const r of params.results) {
    const what = actionLine(r.action);
    if (r.status !== "failed") {
      // The executor has logged it already; the summary gets it too.
      lines.push(`- ${r.status}: ${what}${r.detail ? ` — ${r.detail}` : ""}`);
      continue;
    }
    if (isForbidden(r) && !ESSENTIAL.includes(r.action.type)) {
      const msg = `token cannot ${actionVerb(r.action)} (403); give the workflow \`permissions: issues: write\` to let plan-align do it`;
      params.core.warning(msg);
      lines.push(`- skipped: ${msg}`);
      continue;
    }
    const hint = isForbidden(r) ? "; the workflow needs `permissions: issues: write`" : "";
    const msg = `${what} failed: ${r.detail ?? "unknown error"}${hint}`;
    params.core.error(msg);
    lines.push(`- failed: ${msg}`);
    failures.push(msg);
  }
  return { lines, failures };
}

/** 403 without a rate limit: the token may not do this. */
function isForbidden(result: ActionResult): boolean {
  return result.failure?.kind === "forbidden";
}
