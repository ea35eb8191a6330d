/**
 * The plan dashboard issue's body (docs/app.md), rendered from a Report. Pure and
 * deterministic: the same inputs give the same text (no "updated at" stamp), so the App can
 * edit the issue only when its content really changed. Always under GitHub's issue body
 * limit: when the full tree is too big, detail is dropped level by level, saying so.
 */

import { ISSUE_BODY_CHARS } from "../model/github-limits.ts";
import { DASHBOARD_MARKER, DASHBOARD_TITLE } from "../model/names/dashboard.ts";
import { type HistoryEntry, historyBlock } from "../model/names/history.ts";
import { ownerNote } from "../model/names/login.ts";
import type {
  DeliverableResult,
  MilestoneResult,
  ObjectiveResult,
  Report,
} from "../model/report.ts";
import { dayIn } from "../model/time-zone.ts";
import { plural } from "../model/words.ts";
import type { Plan } from "../plan/schema.ts";
import { renderGantt } from "./dashboard-gantt.ts";
import { progressSection } from "./dashboard-progress.ts";
import { clip, code, mdIssueText } from "./escape.ts";
import { noLongerReportingSection } from "./no-longer-reporting.ts";
import { risksSection } from "./risks-section.ts";

export interface DashboardInput {
  report: Report;
  /** The parsed plan, for the objective each deliverable traces to. Null when invalid. */
  plan?: Plan | null;
  /** Milestone id → `YYYY-MM-DD` it was achieved on (its "Achieved on" footer, or when it closed). */
  achievedOn?: Record<string, string>;
  /** Web address of the GitHub server, for links (GitHub Enterprise Server differs). */
  serverUrl?: string;
  /**
   * The plan's history with today recorded: kept in the body (hidden) for the next run, and
   * drawn as the burn-up. Absent: no history block (a preview, not the App's dashboard).
   */
  history?: readonly HistoryEntry[];
  maxChars?: number;
}

/** How much to show; higher levels drop detail to fit the limit. */
type Level = 0 | 1 | 2 | 3;
const LEVEL_NOTES: Record<Level, string> = {
  0: "",
  1: "_Details of unmet criteria are shortened to keep this issue within GitHub's size limit._",
  2: "_Deliverables are left out of the tree to keep this issue within GitHub's size limit; run `plan-align report` for everything._",
  3: "_The plan is too large for GitHub's size limit on issues: only the first milestones are listed, without the tree. Run `plan-align report` for everything._",
};
const LIST_LIMIT = 50;
const RECENT_CLOSINGS = 10;

export function renderDashboard(input: DashboardInput): string {
  const max = input.maxChars ?? ISSUE_BODY_CHARS;
  for (const level of [0, 1, 2, 3] as const) {
    const body = renderAt(input, level);
    if (body.length <= max) return body;
  }
  return hardCut(renderAt(input, 3), max);
}

function renderAt(input: DashboardInput, level: Level): string {
  const { report } = input;
  const ctx = contextOf(input);
  const parts = [
    DASHBOARD_MARKER,
    // Near the top, so that even a body cut to fit keeps it.
    input.history ? historyBlock(input.history) : "",
    `# ${DASHBOARD_TITLE}`,
    summary(report),
    LEVEL_NOTES[level],
    findingsSection(report, ctx),
  ];
  if (report.plan.valid) {
    parts.push(
      risksSection({
        report,
        heading: "##",
        words: { text: mdIssueText, owner: (l) => mdIssueText(`@${l}`) },
      }),
      noLongerReportingSection({ report, heading: "##", text: mdIssueText }),
      milestoneTable(report.milestones, ctx, level),
      input.history ? progressSection(report, input.history) : "",
      level < 3
        ? renderGantt({
            milestones: report.milestones,
            // Today in the plan's zone, as every other day of the report is counted.
            today: dayIn(report.evaluatedAt, report.timezone),
            goalOf: goalOfMilestone(input),
          })
        : "",
      level < 3 ? treeSection(input, ctx, level) : "",
      recentClosings(input, ctx),
    );
  }
  parts.push(notInPlanSection(report, ctx));
  parts.push(
    `<sub>Kept up to date by plan-align from ${code(report.plan.path)}.${report.timezone ? ` Dates are days in ${code(report.timezone)}.` : ""} Edits to this issue are overwritten.</sub>`,
  );
  return `${parts.filter((p) => p !== "").join("\n\n")}\n`;
}

interface Ctx {
  repoUrl: string;
  planPath: string;
}

function contextOf(input: DashboardInput): Ctx {
  const server = (input.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  return { repoUrl: `${server}/${input.report.repository}`, planPath: input.report.plan.path };
}

function summary(report: Report): string {
  if (!report.plan.valid) {
    const errors = report.plan.findings.filter((f) => f.severity === "error").length;
    return [
      "> [!CAUTION]",
      `> The plan in ${code(report.plan.path)} is invalid (${plural(errors, "error")}): nothing is synced, closed or reopened until it is fixed.`,
    ].join("\n");
  }
  const ms = report.milestones;
  const achieved = ms.filter((m) => m.achieved).length;
  const overdue = ms.filter((m) => m.overdue).length;
  const atRisk = ms.filter((m) => m.atRisk).length;
  const regressed = ms.filter(isRegressed).length;
  const bits = [`**${achieved} of ${plural(ms.length, "milestone")} achieved**`];
  if (overdue > 0) bits.push(`🔴 ${overdue} overdue`);
  if (atRisk > 0) bits.push(`🟠 ${atRisk} at risk`);
  const forecastLate = ms.filter((m) => isForecastLateOnly(m)).length;
  if (forecastLate > 0) bits.push(`⏳ ${forecastLate} forecast late`);
  if (regressed > 0) bits.push(`↩️ ${regressed} regressed`);
  const objectives = report.objectives;
  if (objectives.length > 0) {
    const met = objectives.filter((o) => o.met === true).length;
    bits.push(`${met} of ${plural(objectives.length, "objective")} met`);
  }
  return bits.join(" · ");
}

function findingsSection(report: Report, ctx: Ctx): string {
  const findings = report.plan.findings;
  if (findings.length === 0) return "";
  const shown = findings.slice(0, LIST_LIMIT).map((f) => {
    const where = `${ctx.planPath}:${f.line}:${f.column}`;
    const link = `${ctx.repoUrl}/blob/HEAD/${encodePath(ctx.planPath)}#L${f.line}`;
    return `- ${f.severity === "error" ? "❌ error" : "⚠️ warning"} [${mdIssueText(where)}](${link}): ${mdIssueText(f.message)}`;
  });
  return [`## Plan findings`, ...shown, ...more(findings.length - shown.length, "finding")].join(
    "\n",
  );
}

function milestoneTable(milestones: MilestoneResult[], ctx: Ctx, level: Level): string {
  if (milestones.length === 0) return "## Milestones\n\nThe plan has no milestones.";
  const limit = level >= 3 ? LIST_LIMIT : milestones.length;
  const rows = milestones.slice(0, limit).map((m) => {
    const gh =
      m.githubMilestone === null
        ? "—"
        : `[#${m.githubMilestone}](${ctx.repoUrl}/milestone/${m.githubMilestone})${m.githubState === "closed" ? " (closed)" : ""}`;
    return `| ${mdIssueText(m.title)} | ${m.due ?? "—"} | ${statusText(m)} | ${m.criteria.met}/${m.criteria.total} | ${gh} |`;
  });
  return [
    "## Milestones",
    "",
    "| Milestone | Due | Status | Criteria met | GitHub |",
    "|---|---|---|---|---|",
    ...rows,
    ...more(milestones.length - rows.length, "milestone"),
  ].join("\n");
}

function statusText(m: MilestoneResult): string {
  const late = isForecastLateOnly(m) ? " · ⏳ forecast late" : "";
  return `${stateText(m)}${late}`;
}

function stateText(m: MilestoneResult): string {
  if (isRegressed(m)) return "↩️ regressed (closed on GitHub, no longer achieved)";
  if (m.achieved) {
    return m.githubState === "open" && m.close === "manual"
      ? "✅ achieved (close: manual, close it on GitHub)"
      : "✅ achieved";
  }
  if (m.overdue) return `🔴 overdue by ${plural(Math.max(1, -m.daysLeft), "day")}`;
  if (m.atRisk) {
    return m.daysLeft <= 0
      ? "🟠 at risk (due today)"
      : `🟠 at risk (${plural(m.daysLeft, "day")} left)`;
  }
  return "⬜ not achieved";
}

/** Forecast late (due before the forecast day) and not already overdue. */
function isForecastLateOnly(m: MilestoneResult): boolean {
  return m.forecastLate === true && !m.achieved && !m.overdue;
}

/** A milestone closed on GitHub whose proof no longer holds (reported with `on_regression: report`). */
function isRegressed(m: MilestoneResult): boolean {
  return m.githubState === "closed" && !m.achieved;
}

/** The first goal (in plan order) that a milestone's deliverables' objectives serve. */
function goalOfMilestone(input: DashboardInput): (m: MilestoneResult) => string | null {
  const objectiveOf = new Map<string, string>();
  for (const d of input.plan?.deliverables ?? []) {
    if (d.objective) objectiveOf.set(d.id, d.objective);
  }
  return (m) => {
    const objectives = new Set(m.deliverables.map((d) => objectiveOf.get(d.id)));
    const goal = input.report.goals.find((g) => g.objectives.some((o) => objectives.has(o)));
    return goal?.title ?? null;
  };
}

/** goal → objective → milestone → deliverable. Each deliverable appears once, under its objective. */
function treeSection(input: DashboardInput, ctx: Ctx, level: Level): string {
  const { report } = input;
  const objectiveOf = new Map<string, string>();
  for (const d of input.plan?.deliverables ?? []) {
    if (d.objective) objectiveOf.set(d.id, d.objective);
  }
  const objectives = new Map(report.objectives.map((o) => [o.id, o]));
  const traced = (objective: string | null) => (m: MilestoneResult) =>
    m.deliverables.filter((d) => (objectiveOf.get(d.id) ?? null) === objective);

  const lines: string[] = ["## Goals, objectives, milestones and deliverables"];
  for (const goal of report.goals) {
    lines.push("", `### 🎯 ${mdIssueText(goal.title)}`, "");
    if (goal.objectives.length === 0) lines.push("_No objectives._");
    for (const id of goal.objectives) {
      const o = objectives.get(id);
      if (!o) continue;
      lines.push(`- 📏 **${mdIssueText(o.title)}** — ${objectiveText(o)}`);
      lines.push(...milestoneLines(report.milestones, traced(id), ctx, level, "  "));
    }
  }
  const untraced = milestoneLines(report.milestones, traced(null), ctx, level, "");
  if (untraced.length > 0) {
    lines.push("", "### Not traced to an objective", "", ...untraced);
  }
  if (report.unscheduled.length > 0) {
    lines.push("", "### Deliverables in no milestone (no date)", "");
    for (const d of report.unscheduled) lines.push(...deliverableLines(d, level, ""));
  }
  return lines.join("\n");
}

function milestoneLines(
  milestones: MilestoneResult[],
  pick: (m: MilestoneResult) => DeliverableResult[],
  ctx: Ctx,
  level: Level,
  indent: string,
): string[] {
  const lines: string[] = [];
  for (const m of milestones) {
    const deliverables = pick(m);
    if (deliverables.length === 0) continue;
    const gh =
      m.githubMilestone === null
        ? ""
        : ` · [#${m.githubMilestone}](${ctx.repoUrl}/milestone/${m.githubMilestone})`;
    lines.push(
      `${indent}- 🏁 **${mdIssueText(m.title)}** — ${m.due ? `due ${m.due}` : "no due date"} — ${statusText(m)}${gh}`,
    );
    const inner = `${indent}  `;
    for (const r of m.requires) {
      lines.push(`${inner}- ${r.achieved ? "✅" : "⬜"} requires ${code(r.id)}`);
    }
    if (m.review) {
      const who = m.review.approvers.map((a) => mdIssueText(a)).join(", ");
      const issue = m.review.issue === null ? "" : ` (#${m.review.issue})`;
      lines.push(
        `${inner}- ${m.review.signedOff ? "✅" : "⬜"} review by ${who}${issue}: ${mdIssueText(m.review.detail)}`,
      );
    }
    if (level < 2) for (const d of deliverables) lines.push(...deliverableLines(d, level, inner));
  }
  return lines;
}

function deliverableLines(d: DeliverableResult, level: Level, indent: string): string[] {
  const met = d.criteria.filter((c) => c.met).length;
  const head = `${indent}- ${d.done ? "✅" : "⬜"} ${mdIssueText(d.title)} (${code(d.label)}) — ${met}/${d.criteria.length} criteria met`;
  if (d.done || level >= 2) return [head];
  const missing = d.criteria
    .filter((c) => !c.met)
    .map((c) => {
      const detail = level >= 1 ? clip(c.detail, 120) : c.detail;
      return `${indent}  - missing: ${mdIssueText(c.name)} — ${mdIssueText(detail + ownerNote(d))}`;
    });
  return [head, ...missing];
}

function objectiveText(o: ObjectiveResult): string {
  const status = o.met === true ? "✅ met" : o.met === false ? "❌ not met" : "❔ unknown";
  const bits = [status];
  if (o.value !== null) bits.push(`value ${o.value}`);
  if (o.target !== null) bits.push(`target ${mdIssueText(o.target)}`);
  if (o.baseline !== undefined) bits.push(`baseline ${o.baseline}`);
  if (o.due) bits.push(`due ${o.due}`);
  const detail = o.detail ? `: ${mdIssueText(o.detail)}` : "";
  return `${bits.join(", ")}${o.met === true ? "" : detail}`;
}

function recentClosings(input: DashboardInput, ctx: Ctx): string {
  const dates = input.achievedOn ?? {};
  const closed = input.report.milestones
    .filter((m) => m.achieved && dates[m.id] !== undefined)
    .sort(
      (a, b) => (dates[b.id] ?? "").localeCompare(dates[a.id] ?? "") || a.id.localeCompare(b.id),
    )
    .slice(0, RECENT_CLOSINGS);
  if (closed.length === 0) return "";
  const lines = ["## Recently achieved"];
  for (const m of closed) {
    const gh =
      m.githubMilestone === null
        ? ""
        : ` ([#${m.githubMilestone}](${ctx.repoUrl}/milestone/${m.githubMilestone}))`;
    lines.push(`- 🏁 **${mdIssueText(m.title)}**${gh} — Achieved on ${dates[m.id]}`);
    for (const d of m.deliverables) {
      const proof = d.criteria.map(
        (c) => `${mdIssueText(c.name)} (${mdIssueText(clip(c.detail, 80))})`,
      );
      lines.push(`  - ${mdIssueText(d.title)}: ${proof.join("; ")}`);
    }
    if (m.review?.signedOff) lines.push(`  - review: ${mdIssueText(m.review.detail)}`);
  }
  return lines.join("\n");
}

function notInPlanSection(report: Report, ctx: Ctx): string {
  if (report.notInPlan.length === 0) return "";
  const shown = report.notInPlan.slice(0, LIST_LIMIT).map((m) => {
    const state = m.state === "closed" ? " (closed)" : "";
    return `- [#${m.number}](${ctx.repoUrl}/milestone/${m.number}) ${mdIssueText(m.title)}${state}`;
  });
  return [
    "## GitHub milestones not in the plan",
    "",
    "plan-align never changes these. Add them to the plan to track them, or close them on GitHub.",
    "",
    ...shown,
    ...more(report.notInPlan.length - shown.length, "milestone"),
  ].join("\n");
}

function more(count: number, what: string): string[] {
  return count > 0 ? [`- … and ${plural(count, what)} more`] : [];
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** Last resort: cut at a line, closing an open code fence, and say so. */
function hardCut(body: string, max: number): string {
  const note =
    "\n\n_… cut to fit GitHub's issue size limit. Run `plan-align report` for everything._\n";
  let cut = body.slice(0, Math.max(0, max - note.length - 8));
  cut = cut.slice(0, Math.max(cut.lastIndexOf("\n"), 0));
  const fences = (cut.match(/^```/gm) ?? []).length;
  if (fences % 2 === 1) cut += "\n```";
  return `${cut}${note}`;
}
