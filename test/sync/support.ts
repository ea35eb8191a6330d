/**
 * Plain-object builders for sync tests, and a fake "GitHub" that applies SyncActions to a
 * snapshot the way the executor would — so idempotence is checked by re-planning.
 */
import type { Evaluation } from "../../src/evaluate/repository.ts";
import type { SyncAction } from "../../src/model/actions.ts";
import { appendAchievedFooter } from "../../src/model/names/milestone-description.ts";
import type { MilestoneResult } from "../../src/model/report.ts";
import type { Snapshot } from "../../src/model/snapshot.ts";
import type { Plan } from "../../src/plan/schema.ts";

export { plan, snapshot } from "../support/builders.ts";

/** A milestone result: every plan deliverable done unless listed in `notDone`. */
export function evaluation(
  p: Plan,
  status: Record<
    string,
    {
      achieved?: boolean;
      notDone?: string[];
      review?: { issue: number | null; signedOff: boolean };
    }
  > = {},
): Evaluation {
  const milestones: MilestoneResult[] = p.milestones.map((m) => {
    const s = status[m.id] ?? {};
    const deliverables = m.deliverables.map((id) => {
      const done = !(s.notDone ?? []).includes(id);
      return {
        id,
        title: `Deliverable ${id}`,
        label: `deliverable:${id}`,
        owner: null,
        done,
        criteria: [
          {
            kind: "issues" as const,
            name: "All issues closed",
            met: done,
            detail: done ? "2 of 2 issues closed" : "1 of 2 issues closed; open: #14",
          },
        ],
      };
    });
    const review = m.review
      ? {
          approvers: m.review.approvers,
          issue: s.review?.issue ?? null,
          signedOff: s.review?.signedOff ?? false,
          detail: s.review?.signedOff ? "signed off by alice in #50" : "not signed off",
        }
      : undefined;
    const achieved =
      s.achieved ?? (deliverables.every((d) => d.done) && (review ? review.signedOff : true));
    return {
      id: m.id,
      title: m.title,
      due: m.due ?? null,
      achieved,
      overdue: false,
      atRisk: false,
      daysLeft: 10,
      githubMilestone: null,
      githubState: null,
      close: m.close,
      criteria: { met: 0, total: 0 },
      deliverables,
      requires: (m.requires ?? []).map((id) => ({ id, achieved: true })),
      ...(review ? { review } : {}),
    };
  });
  return { goals: [], objectives: [], milestones, unscheduled: [], risks: [] };
}

/** What GitHub looks like after the executor applied `actions` (day-precision due dates). */
export function apply(before: Snapshot, actions: SyncAction[]): Snapshot {
  const s: Snapshot = structuredClone(before);
  const created = new Map<string, number>();
  let next = Math.max(0, ...s.milestones.map((m) => m.number), ...s.issues.map((i) => i.number));
  const numberOf = (id: string, n: number | null) => n ?? created.get(id) ?? null;
  const today = s.fetchedAt.slice(0, 10);
  for (const a of actions) {
    switch (a.type) {
      case "create-label":
        s.labels.push(a.label);
        break;
      case "create-milestone": {
        next += 1;
        created.set(a.milestone, next);
        const closed = a.state === "closed";
        s.milestones.push({
          number: next,
          title: a.title,
          state: closed ? "closed" : "open",
          // GitHub answers with Pacific midnight of the day sent.
          dueOn: pacificMidnight(a.dueOn),
          description: closed
            ? appendAchievedFooter({
                description: a.description,
                date: today,
                evidence: a.evidence,
              })
            : a.description,
        });
        break;
      }
      case "update-milestone": {
        const m = s.milestones.find((x) => x.number === a.number);
        if (!m) throw new Error(`no milestone #${a.number}`);
        Object.assign(m, {
          title: a.title,
          dueOn: pacificMidnight(a.dueOn),
          description: a.description,
        });
        break;
      }
      case "set-issue-milestone": {
        const issue = s.issues.find((i) => i.number === a.issue);
        if (!issue) throw new Error(`no issue #${a.issue}`);
        issue.milestone = numberOf(a.milestone, a.number);
        break;
      }
      case "close-milestone": {
        const m = s.milestones.find((x) => x.number === a.number);
        if (!m) throw new Error(`no milestone #${a.number}`);
        m.state = "closed";
        m.description = appendAchievedFooter({
          description: m.description,
          date: today,
          evidence: a.evidence,
        });
        break;
      }
      case "reopen-milestone": {
        const m = s.milestones.find((x) => x.number === a.number);
        if (!m) throw new Error(`no milestone #${a.number}`);
        m.state = "open";
        break;
      }
      case "open-review":
        next += 1;
        s.issues.push({
          number: next,
          title: a.title,
          state: "open",
          stateReason: null,
          labels: ["plan-align:review"],
          milestone: numberOf(a.milestone, a.number),
          assignees: a.approvers,
        });
        break;
      case "open-risk":
        next += 1;
        s.issues.push({
          number: next,
          title: a.title,
          state: "open",
          stateReason: null,
          labels: ["plan-align:risk"],
          milestone: numberOf(a.milestone, a.number),
          assignees: a.owner ? [a.owner] : [],
          body: `<!-- plan-align:risk=${a.risk} -->`,
        });
        break;
    }
  }
  return s;
}

/** The evaluation after the actions: a review issue now exists for each open-review. */
export function applyToEvaluation(
  e: Evaluation,
  actions: SyncAction[],
  after: Snapshot,
): Evaluation {
  const out = structuredClone(e);
  for (const a of actions) {
    if (a.type !== "open-review") continue;
    const m = out.milestones.find((x) => x.id === a.milestone);
    const issue = after.issues.find((i) => i.title === a.title);
    if (m?.review && issue) m.review.issue = issue.number;
  }
  return out;
}

/** What GitHub stores for a due day: midnight US Pacific time, as a UTC timestamp. */
export function pacificMidnight(day: string): string {
  for (const hour of ["07", "08"]) {
    const t = `${day}T${hour}:00:00Z`;
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "America/Los_Angeles",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(new Date(t));
    if (local === "00") return t;
  }
  throw new Error(`no Pacific midnight for ${day}`);
}
