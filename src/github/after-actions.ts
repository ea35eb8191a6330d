/**
 * What the dashboard shows about GitHub right after a run: the report was computed before
 * the actions ran, so milestones created in this run get their new numbers (the executor
 * knows them; no request), milestones created, closed or reopened are shown in their new
 * state, and a milestone's "Achieved on" date comes from the footer plan-align wrote into
 * its description (or, for one closed by hand, the day it was closed). Pure.
 */

import { achievedDateOf } from "../model/names/milestone-description.ts";
import type { MilestoneResult, Report } from "../model/report.ts";
import type { Snapshot } from "../model/snapshot.ts";
import { dayIn } from "../model/time-zone.ts";
import type { ActionResult } from "./types.ts";

const done = (r: ActionResult) =>
  r.status === "applied" || r.status === "adopted" || r.status === "skipped";

type GitHubSide = Partial<Pick<MilestoneResult, "githubMilestone" | "githubState">>;

export function afterActions(report: Report, results: ActionResult[]): Report {
  const changed = new Map<string, GitHubSide>();
  const note = (id: string, side: GitHubSide) => changed.set(id, { ...changed.get(id), ...side });
  for (const r of results) {
    if (!done(r)) continue;
    const a = r.action;
    if (a.type === "create-milestone" && r.milestone) {
      note(a.milestone, { githubMilestone: r.milestone.number, githubState: r.milestone.state });
    } else if (a.type === "close-milestone") {
      note(a.milestone, { githubState: "closed" });
    } else if (a.type === "reopen-milestone") {
      note(a.milestone, { githubState: "open" });
    }
  }
  if (changed.size === 0) return report;
  return {
    ...report,
    milestones: report.milestones.map((m) => {
      const side = changed.get(m.id);
      return side ? { ...m, ...side } : m;
    }),
  };
}

export function achievedDates(params: {
  report: Report;
  snapshot: Snapshot;
  results: ActionResult[];
  /** `YYYY-MM-DD`: the date a milestone closed in this run was achieved on. */
  today: string;
}): Record<string, string> {
  const out: Record<string, string> = {};
  const byNumber = new Map(params.snapshot.milestones.map((m) => [m.number, m]));
  for (const m of params.report.milestones) {
    if (!m.achieved || m.githubMilestone === null) continue;
    const gh = byNumber.get(m.githubMilestone);
    if (gh?.state !== "closed") continue;
    const date =
      achievedDateOf(gh.description) ??
      (gh.closedAt ? dayIn(gh.closedAt, params.report.timezone) : undefined);
    if (date) out[m.id] = date;
  }
  for (const r of params.results) {
    if (r.status !== "applied") continue;
    // Closed in this run, or created already closed (achieved before it had a milestone).
    const a = r.action;
    const closedNow =
      a.type === "close-milestone" || (a.type === "create-milestone" && a.state === "closed");
    if (closedNow) out[a.milestone] ??= params.today;
  }
  return out;
}
