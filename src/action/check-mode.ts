/**
 * Check mode (pull_request, merge_group): judge the pull request against the plan on its BASE branch —
 * a pull request cannot lower the bar it is measured by — and post the verdict as the
 * `plan-align` check run, the job summary and the outputs.
 */
import { evaluateOnGitHub, readPlanOnGitHub } from "../github/evaluate-on-github.ts";
import type { GitHubClient, Logger, PlanFile, RepoRef } from "../github/types.ts";
import { formatFinding } from "../plan/format-finding.ts";
import { checkContent } from "../render/check-content.ts";
import type { ActionCore } from "./core.ts";
import type { PullRequestPayload } from "./event.ts";
import type { ActionInputs } from "./inputs.ts";
import { noPlanMarkdown } from "./no-plan.ts";
import type { Outcome } from "./outcome.ts";
import { type Publish, publishCheck, runUrl } from "./publish-check.ts";

export async function runCheckMode(
  params: RepoRef & {
    core: ActionCore;
    env: Record<string, string | undefined>;
    inputs: ActionInputs;
    pullRequest: PullRequestPayload;
    client: GitHubClient;
    log: Logger;
    now?: () => Date;
    /** The base plan's read, already sent by the runner. */
    planFile?: Promise<PlanFile | null>;
  },
): Promise<Outcome> {
  const { core, client, owner, repo, pullRequest: pr } = params;
  const detailsUrl = runUrl(params.env);
  const publish: Publish = (content) =>
    publishCheck({
      core,
      client,
      owner,
      repo,
      headSha: pr.head.sha,
      ...content,
      ...(detailsUrl ? { detailsUrl } : {}),
    });

  // 1–3. The plan as the base branch has it, the repository and the pull request (reading
  // only what that plan names), and the report (pure).
  const evaluation = await evaluateOnGitHub({
    client,
    owner,
    repo,
    ref: pr.base.ref,
    planPath: params.inputs.plan,
    ...(params.planFile ? { planFile: params.planFile } : {}),
    pr: pr.number,
    log: params.log,
    ...(params.now ? { now: params.now } : {}),
  });
  if (!evaluation.planFile) return noBasePlan({ ...params, publish });
  const { report } = evaluation;
  const content = checkContent(report);
  const { title, conclusion } = content;

  // 4. Publish: check run (or the fork fallback), then the job summary.
  await publish(content);
  await core.writeSummary(content.summary);

  return {
    conclusion,
    aligned: report.pullRequest?.aligned ?? false,
    achieves: report.pullRequest?.achieves ?? [],
    report,
    failMessage: `plan-align: ${title} (conclusion failure; details in the check run and job summary)`,
  };
}

/**
 * No plan on the base branch: nothing to judge against, so neutral. When the pull request
 * adds the plan, it is still validated, because an invalid plan at the head is a failure.
 */
async function noBasePlan(params: {
  core: ActionCore;
  client: GitHubClient;
  owner: string;
  repo: string;
  inputs: ActionInputs;
  pullRequest: PullRequestPayload;
  publish: Publish;
}): Promise<Outcome> {
  const { client, owner, repo, pullRequest: pr } = params;
  const headRead = await readPlanOnGitHub({
    client,
    owner,
    repo,
    ref: pr.head.sha,
    planPath: params.inputs.plan,
  });
  const headPlan = headRead?.planFile ?? null;
  const head = headRead?.loaded ?? null;

  let title = "No plan on the base branch";
  let conclusion: "neutral" | "failure" = "neutral";
  let extra: string | undefined;
  if (headPlan && head && !head.valid) {
    title = `The plan this pull request adds (${headPlan.path}) is invalid`;
    conclusion = "failure";
    extra = [
      `This pull request adds \`${headPlan.path}\`, and it is invalid:`,
      "",
      "```",
      ...head.findings.map((f) => formatFinding(headPlan.path, f)),
      "```",
    ].join("\n");
  } else if (headPlan) {
    extra = `This pull request adds \`${headPlan.path}\`; pull requests are checked against it once it is merged.`;
  }
  const summary = noPlanMarkdown({ where: "base branch", path: params.inputs.plan, extra });
  const annotations =
    headPlan && head ? head.findings.map((finding) => ({ path: headPlan.path, finding })) : [];
  await params.publish({ title, summary, conclusion, annotations });
  await params.core.writeSummary(summary);
  return {
    conclusion,
    aligned: false,
    achieves: [],
    report: null,
    failMessage: `plan-align: ${title}`,
  };
}
