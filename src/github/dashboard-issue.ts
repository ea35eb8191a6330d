/**
 * The one plan dashboard issue per repository: the oldest open issue with its label (one a
 * person made or edited by hand is adopted, with the history it keeps), else a closed one
 * plan-align wrote (its hidden marker: a closed dashboard is still the dashboard). Created
 * once, edited only when the body changed.
 *
 * Two app processes may create one each at the same moment (GitHub has no unique constraint
 * on issues): after creating, the process re-lists the dashboards by label, keeps the
 * lowest-numbered one and closes every other open one as not planned — closed, never
 * deleted. Every process picks the same lowest number, so they all converge on it.
 */

import { DASHBOARD_TITLE, isDashboardBody } from "../model/names/dashboard.ts";
import { DASHBOARD_LABEL } from "../model/names/labels.ts";
import { createLabel } from "./executor/label.ts";
import type { GitHubClient, Logger, RepoRef } from "./types.ts";

export interface DashboardIssue {
  number: number;
  body: string;
  url: string;
  state: string;
}

export async function findDashboard(
  params: RepoRef & { client: GitHubClient },
): Promise<DashboardIssue | null> {
  const all = await listDashboards(params);
  return all.find((d) => d.state === "open") ?? all.find((d) => isDashboardBody(d.body)) ?? null;
}

export async function upsertDashboard(
  params: RepoRef & {
    client: GitHubClient;
    log: Logger;
    body: string;
    /** What findDashboard returned earlier in this run (saves a request). */
    existing: DashboardIssue | null;
  },
): Promise<{ number: number; changed: boolean }> {
  const { client, owner, repo, log, body } = params;
  if (params.existing) return edit({ ...params, issue: params.existing });

  await createLabel({
    client,
    owner,
    repo,
    ...DASHBOARD_LABEL,
  });
  const created = await client.rest.issues.create({
    owner,
    repo,
    title: DASHBOARD_TITLE,
    body,
    labels: [DASHBOARD_LABEL.name],
  });
  log.info(`plan-align: created the plan dashboard #${created.data.number} in ${owner}/${repo}`);

  // Another process may have created one too: the lowest number wins everywhere. The new
  // issue counts even if the list does not show it yet (search lags behind writes).
  const mine: DashboardIssue = {
    number: created.data.number,
    body,
    url: created.data.html_url,
    state: "open",
  };
  const listed = (await listDashboards(params)).filter(
    (d) => d.state === "open" || isDashboardBody(d.body),
  );
  const all = [mine, ...listed.filter((d) => d.number !== mine.number)].sort(
    (a, b) => a.number - b.number,
  );
  const [winner = mine, ...others] = all;
  for (const extra of others.filter((d) => d.state === "open")) {
    await client.rest.issues.update({
      owner,
      repo,
      issue_number: extra.number,
      state: "closed",
      state_reason: "not_planned",
      body: `Duplicate of #${winner.number}, the plan dashboard (two plan-align processes created one at once).`,
    });
    log.warn(
      `plan-align: closed duplicate dashboard #${extra.number} in ${owner}/${repo}; #${winner.number} is the dashboard`,
    );
  }
  if (winner.number !== mine.number) return edit({ ...params, issue: winner });
  return { number: mine.number, changed: true };
}

async function edit(
  params: RepoRef & { client: GitHubClient; log: Logger; body: string; issue: DashboardIssue },
): Promise<{ number: number; changed: boolean }> {
  const { client, owner, repo, issue, body } = params;
  if (normalize(issue.body) === normalize(body)) return { number: issue.number, changed: false };
  await client.rest.issues.update({ owner, repo, issue_number: issue.number, body });
  params.log.info(`plan-align: updated the plan dashboard #${issue.number} in ${owner}/${repo}`);
  return { number: issue.number, changed: true };
}

async function listDashboards(
  params: RepoRef & { client: GitHubClient },
): Promise<DashboardIssue[]> {
  const { client, owner, repo } = params;
  const issues = await client.paginate(client.rest.issues.listForRepo, {
    owner,
    repo,
    labels: DASHBOARD_LABEL.name,
    state: "all",
    per_page: 100,
  });
  return issues
    .filter((i) => !i.pull_request)
    .map((i) => ({ number: i.number, body: i.body ?? "", url: i.html_url, state: i.state }))
    .sort((a, b) => a.number - b.number);
}

function normalize(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}
