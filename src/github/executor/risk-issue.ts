/**
 * The `open-risk` action: one issue per risk, ever. It re-reads GitHub first and adopts any
 * issue (open or closed) labelled `plan-align:risk` that is this risk's issue, so a second
 * run, a second process or a risk issue the team closed never produces another. It is put in
 * the threatened milestone and assigned to the risk's owner; plan-align never closes it.
 */
import type { ActionOf } from "../../model/actions.ts";
import { RISK_LABEL } from "../../model/names/labels.ts";
import { isRiskIssueOf } from "../../model/names/risk-issue.ts";
import { riskIssueBody } from "../../render/risk-issue.ts";
import { alreadyExists, statusOf } from "../errors.ts";
import type { Outcome, RunContext } from "./context.ts";
import { createLabel } from "./label.ts";

export async function openRisk(ctx: RunContext, action: ActionOf<"open-risk">): Promise<Outcome> {
  const { client, owner, repo } = ctx;
  const existing = await findRiskIssue(ctx, action);
  if (existing) {
    return {
      status: "adopted",
      detail: `risk issue #${existing.number} already exists (${existing.state})`,
    };
  }
  const milestone = action.number ?? ctx.milestoneNumbers.get(action.milestone) ?? null;
  await createLabel({ ...ctx, ...RISK_LABEL });
  const body = riskIssueBody({ action, ...(ctx.reportUrl ? { reportUrl: ctx.reportUrl } : {}) });
  const create = (assignees: string[]) =>
    client.rest.issues.create({
      owner,
      repo,
      title: action.title,
      body,
      labels: [RISK_LABEL.name],
      ...(milestone === null ? {} : { milestone }),
      ...(assignees.length > 0 ? { assignees } : {}),
    });
  const assignees = action.owner ? [action.owner] : [];
  let created: Awaited<ReturnType<typeof create>>;
  try {
    created = await create(assignees);
  } catch (error) {
    // An owner who cannot be assigned (no access to the repository) must not keep the
    // contingency from being written down: the body mentions the owner anyway.
    if (statusOf(error) !== 422 || alreadyExists(error) || assignees.length === 0) throw error;
    ctx.log.warn(`could not assign ${action.owner} to "${action.title}"; creating it unassigned`);
    created = await create([]);
  }
  return { status: "applied", detail: `opened risk issue #${created.data.number}` };
}

async function findRiskIssue(
  ctx: RunContext,
  action: ActionOf<"open-risk">,
): Promise<{ number: number; state: string } | null> {
  const issues = await ctx.client.paginate(ctx.client.rest.issues.listForRepo, {
    owner: ctx.owner,
    repo: ctx.repo,
    labels: RISK_LABEL.name,
    state: "all",
    per_page: 100,
  });
  const risk = { id: action.risk, title: action.title.replace(/^Risk: /, "") };
  const hit = issues.find(
    (i) => !i.pull_request && isRiskIssueOf({ title: i.title, body: i.body ?? null }, risk),
  );
  return hit ? { number: hit.number, state: hit.state } : null;
}
