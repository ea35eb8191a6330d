/**
 * What the dashboard shows about GitHub right after a run: the report was computed before
 * the actions ran, so milestones closed or reopened in this run are shown in their new
 * state, and a milestone's "Achieved on" date comes from the footer plan-align wrote into
 * its description (or, for one closed by hand, the day it was closed). Pure.
 */
import type { ActionResult } from "../github/types.ts";
import type { Report } from "../report/types.ts";
import type { Snapshot } from "../snapshot/schema.ts";
import { achievedFooterOf } from "../sync/milestone-description.ts";

const done = (r: ActionResult) =>
  r.status === "applied" || r.status === "adopted" || r.status === "skipped";

export function afterActions(report: Report, results: ActionResult[]): Report {
  const state = new Map<string, "open" | "closed">();
  for (const r of results) {
    if (!done(r)) continue;
    if (r.action.type === "close-milestone") state.set(r.action.milestone, "closed");
    if (r.action.type === "reopen-milestone") state.set(r.action.milestone, "open");
  }
  if (state.size === 0) return report;
  return {
    ...report,
    milestones: report.milestones.map((m) => {
      const s = state.get(m.id);
      return s ? { ...m, githubState: s } : m;
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
    const footer = /Achieved on (\d{4}-\d{2}-\d{2})/.exec(achievedFooterOf(gh.description));
    const date = footer?.[1] ?? gh.closedAt?.slice(0, 10);
    if (date) out[m.id] = date;
  }
  for (const r of params.results) {
    if (r.action.type === "close-milestone" && r.status === "applied")
      out[r.action.milestone] ??= params.today;
  }
  return out;
}
