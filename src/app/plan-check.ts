/**
 * The `plan-align / plan` check run on a pushed commit that changes the plan file, on any
 * branch: people see a broken plan on the commit that broke it, with annotations on the
 * exact lines, before it reaches the default branch.
 */
import { writeCheckRun } from "../github/check-run.ts";
import { readFileAt } from "../github/read-plan.ts";
import type { GitHubClient, Logger, RepoRef } from "../github/types.ts";
import type { Finding } from "../model/findings.ts";
import { formatFinding } from "../plan/format-finding.ts";
import { loadPlan } from "../plan/load.ts";

export const PLAN_CHECK_NAME = "plan-align / plan";

export async function checkPlanAtCommit(
  params: RepoRef & { client: GitHubClient; log: Logger; sha: string; path: string },
): Promise<{ posted: boolean; valid?: boolean }> {
  const { client, owner, repo, sha, path } = params;
  const text = await readFileAt({ client, owner, repo, ref: sha, path });
  if (text === null) {
    // Changed by an earlier commit of the push and removed by a later one: nothing to check.
    params.log.debug(`plan-align: ${path} no longer exists at ${sha.slice(0, 7)}; no plan check`);
    return { posted: false };
  }
  const loaded = loadPlan({ text, path });
  const { title, summary } = planCheckText({
    path,
    findings: loaded.findings,
    valid: loaded.valid,
  });
  await writeCheckRun({
    client,
    owner,
    repo,
    name: PLAN_CHECK_NAME,
    headSha: sha,
    title,
    summary,
    conclusion: loaded.valid ? "success" : "failure",
    annotations: loaded.findings.map((finding) => ({ path, finding })),
  });
  return { posted: true, valid: loaded.valid };
}

/** Pure: the check's title and Markdown summary. */
export function planCheckText(params: { path: string; findings: Finding[]; valid: boolean }): {
  title: string;
  summary: string;
} {
  const { path, findings, valid } = params;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const count = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const title = valid
    ? warnings > 0
      ? `The plan is valid (${count(warnings, "warning")})`
      : "The plan is valid"
    : `The plan is invalid: ${count(errors, "error")}${warnings > 0 ? `, ${count(warnings, "warning")}` : ""}`;
  const lines = [
    valid
      ? `\`${path}\` is a valid plan. Milestones are synced from it once it is on the default branch.`
      : `\`${path}\` is not a valid plan. Until it is fixed, plan-align syncs, closes and reopens nothing from it.`,
  ];
  if (findings.length > 0) {
    lines.push("", "```", ...findings.map((f) => formatFinding(path, f)), "```");
  }
  return { title, summary: lines.join("\n") };
}
