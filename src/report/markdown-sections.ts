import { ownerNote } from "../model/names/login.ts";
import type {
  CriterionResult,
  DeliverableResult,
  MilestoneResult,
  Report,
} from "../model/report.ts";
import { formatCount, joinAnd, plural } from "../model/words.ts";
import { noLongerReportingSection, staleNote } from "../render/no-longer-reporting.ts";
import { risksSection } from "../render/risks-section.ts";
import { describeAction } from "./describe-action.ts";
import { describeDaysLeft, formatInstant } from "./format.ts";
import { bold, code, md } from "./markdown-escape.ts";
import { verdict } from "./verdict.ts";
import { WARNING_TITLES } from "./warning-titles.ts";

export type Detail = "full" | "collapsed" | "summary" | "counts";

/** How many items a long list shows at each tier, and how long a free text may run. */
const LIST_LIMIT: Record<Detail, number> = {
  full: Number.POSITIVE_INFINITY,
  collapsed: Number.POSITIVE_INFINITY,
  summary: 50,
  counts: 10,
};
const TEXT_LIMIT: Record<Detail, number | undefined> = {
  full: undefined,
  collapsed: 500,
  summary: 160,
  counts: 100,
};

interface Ctx {
  report: Report;
  detail: Detail;
  /** What this tier left out, for the notice under the verdict. */
  cuts: string[];
  text: (s: string) => string;
  name: (s: string) => string;
}

/** The whole Markdown document at one level of detail. */
export function renderSections(params: { report: Report; detail: Detail; limit: string }): string {
  const { report, detail } = params;
  const clip = TEXT_LIMIT[detail];
  const ctx: Ctx = {
    report,
    detail,
    cuts: [],
    text: (s) => md(s, clip),
    name: (s) => bold(md(s, clip)),
  };
  const body = [
    pullRequestSection(ctx),
    risksSection({ report, heading: "###", words: { text: ctx.text, owner: (l) => `@${l}` } }),
    milestonesSection(ctx),
    unscheduledSection(ctx),
    noLongerReportingSection({ report, heading: "###", text: ctx.text }),
    objectivesSection(ctx),
    findingsSection(ctx),
    planChangesSection(ctx),
    actionsSection(ctx),
    notInPlanSection(ctx),
  ].filter((s) => s !== "");
  const v = verdict(report, { strong: ctx.name, code });
  const head = [`${v.icon} ${v.text}`, contextLine(report)];
  if (ctx.cuts.length) {
    head.push(
      `> ✂️ ${capitalize(joinAnd(ctx.cuts))}, to fit ${params.limit}; run \`plan-align report\` for the full report.`,
    );
  }
  return `${[...head, ...body].join("\n\n")}\n`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function contextLine(report: Report): string {
  const parts = [
    md(report.repository),
    `plan ${code(report.plan.path)}`,
    `evaluated ${formatInstant(report.evaluatedAt)}`,
  ];
  return `<sub>${parts.join(" · ")}</sub>`;
}

/** Up to the tier's limit of `items`, then "…and N more <what>" (and a note of the cut). */
function capped<T>(ctx: Ctx, items: T[], what: string, line: (item: T) => string): string[] {
  const limit = LIST_LIMIT[ctx.detail];
  const lines = items.slice(0, limit).map(line);
  if (items.length > limit) {
    const rest = items.length - limit;
    lines.push(`- …and ${formatCount(rest)} more`);
    ctx.cuts.push(`${formatCount(rest)} of ${plural(items.length, what)} not listed`);
  }
  return lines;
}

// ── Pull request ────────────────────────────────────────────────────────────────────────

function pullRequestSection(ctx: Ctx): string {
  const pr = ctx.report.pullRequest;
  if (!pr) return "";
  const title = pr.title ? `: ${ctx.text(pr.title)}` : "";
  const lines = [`### Pull request #${pr.number}${title}`];
  const served = pr.deliverables.map((id) => ctx.name(deliverableTitle(ctx.report, id)));
  const milestones = pr.milestones.map((id) => ctx.name(milestoneTitle(ctx.report, id)));
  lines.push(
    served.length
      ? `Serves ${joinAnd(served)}${milestones.length ? ` → ${joinAnd(milestones)}` : " (in no milestone)"}.`
      : "Serves no deliverable of the plan.",
  );
  lines.push(`Conclusion: **${pr.conclusion}**.`);
  if (pr.warnings.length) {
    lines.push("");
    lines.push(
      ...capped(ctx, pr.warnings, "warning", (w) => {
        const icon = w.level === "fail" || w.code === "plan-invalid" ? "❌" : "⚠️";
        return `- ${icon} **${WARNING_TITLES[w.code]}**: ${ctx.text(w.message)}`;
      }),
    );
  }
  const headFindings = pr.headPlanFindings ?? [];
  if (headFindings.length) {
    lines.push("", "Findings of the plan at the head of this pull request:", "");
    lines.push(...capped(ctx, headFindings, "finding", (f) => findingLine(ctx, f)));
  }
  return lines.join("\n");
}

// ── Milestones ──────────────────────────────────────────────────────────────────────────

function milestonesSection(ctx: Ctx): string {
  const { report, detail } = ctx;
  if (!report.plan.valid) return "";
  if (report.milestones.length === 0) return "### Milestones\n\nThe plan has no milestones.";
  if (detail === "counts") return countsSection(ctx);
  const lines = ["### Milestones", ""];
  if (detail === "summary") {
    lines.push(...summaryTable(ctx));
    const deliverables = report.milestones.reduce((n, m) => n + m.deliverables.length, 0);
    ctx.cuts.push(`criteria of ${plural(deliverables, "deliverable")} omitted`);
    return lines.join("\n");
  }
  lines.push("| | Milestone | Due | Status | Criteria met | GitHub |", "|---|---|---|---|---|---|");
  for (const m of report.milestones) {
    lines.push(
      `| ${m.achieved ? "✅" : "❌"} | ${ctx.text(m.title)} | ${m.due ?? "—"} | ${status(m)} | ${m.criteria.met} of ${m.criteria.total} | ${githubCell(m)} |`,
    );
  }
  const achieved = report.milestones.filter((m) => m.achieved);
  if (detail === "collapsed") {
    const done = report.milestones.flatMap((m) => m.deliverables).filter((d) => d.done).length;
    if (achieved.length || done) {
      ctx.cuts.push(
        `details of ${plural(achieved.length, "achieved milestone")} and ${plural(done, "done deliverable")} collapsed`,
      );
    }
  }
  for (const m of report.milestones) {
    if (m.achieved && detail === "collapsed") continue;
    const section = milestoneDetail(ctx, m);
    lines.push(
      "",
      m.achieved && detail === "full"
        ? `<details><summary>✅ ${ctx.text(m.title)}: achieved</summary>\n\n${section}\n\n</details>`
        : `#### ${m.achieved ? "✅" : "❌"} ${ctx.text(m.title)}\n\n${section}`,
    );
  }
  return lines.join("\n");
}

function status(m: MilestoneResult): string {
  if (m.achieved) return "Achieved";
  if (m.overdue) return `Not achieved · ⏰ **overdue** by ${plural(-m.daysLeft, "day")}`;
  if (m.atRisk) return `Not achieved · ⚠️ **at risk**: ${describeDaysLeft(m.daysLeft)}`;
  if (m.due === null) return "Not achieved (no due date)";
  return `Not achieved (${describeDaysLeft(m.daysLeft)})`;
}

function githubCell(m: MilestoneResult): string {
  if (m.githubMilestone === null) return "not created yet";
  return `#${m.githubMilestone} ${m.githubState ?? ""}`.trim();
}

function milestoneDetail(ctx: Ctx, m: MilestoneResult): string {
  const facts = [
    m.due ? `Due ${m.due}` : "No due date",
    status(m),
    `${m.criteria.met} of ${m.criteria.total} criteria met`,
  ];
  if (m.githubMilestone !== null) facts.push(`GitHub milestone ${githubCell(m)}`);
  const lines = [facts.join(" · "), ""];
  for (const r of m.requires) {
    lines.push(
      `- ${r.achieved ? "✅" : "❌"} Requires ${ctx.name(milestoneTitle(ctx.report, r.id))}: ${r.achieved ? "achieved" : "not achieved"}`,
    );
  }
  for (const d of m.deliverables) lines.push(...deliverableLines(ctx, d));
  if (m.review) {
    const who = m.review.approvers.map((a) => ctx.text(a)).join(", ");
    const icon = m.review.signedOff ? "✅" : "⏳";
    const issue = m.review.issue === null ? "" : ` (#${m.review.issue})`;
    lines.push(`- ${icon} Review by ${who}${issue}: ${ctx.text(m.review.detail)}`);
  }
  return lines.join("\n");
}

function deliverableLines(ctx: Ctx, d: DeliverableResult): string[] {
  const met = d.criteria.filter((c) => c.met).length;
  const head = `- ${d.done ? "✅" : "❌"} ${ctx.name(d.title)} ${code(d.label)}`;
  if (d.done && ctx.detail === "collapsed") {
    return [`${head}: ${met} of ${d.criteria.length} criteria met`];
  }
  return [
    head,
    ...d.criteria.map((c) => `  - ${criterionLine(ctx, c)}${c.met ? "" : ownerNote(d)}`),
  ];
}

function criterionLine(ctx: Ctx, c: CriterionResult): string {
  return `${c.met ? "✅" : "❌"} ${ctx.text(c.name)}: ${ctx.text(c.detail)}`;
}

/** Summary tier: one row per milestone not achieved, naming what is missing. */
function summaryTable(ctx: Ctx): string[] {
  const { report } = ctx;
  const achieved = report.milestones.filter((m) => m.achieved);
  const open = report.milestones.filter((m) => !m.achieved);
  const lines: string[] = [];
  lines.push(
    `${plural(achieved.length, "milestone")} of ${formatCount(report.milestones.length)} achieved.`,
  );
  if (open.length === 0) return lines;
  lines.push(
    "",
    "| Not achieved | Due | Status | Criteria met | Deliverables not done |",
    "|---|---|---|---|---|",
  );
  const limit = LIST_LIMIT[ctx.detail];
  for (const m of open.slice(0, limit)) {
    const missing = m.deliverables
      .filter((d) => !d.done)
      .map((d) => ctx.text(d.title) + ownerNote(d));
    const shown = missing.slice(0, 3).join(", ");
    const more = missing.length > 3 ? ` and ${formatCount(missing.length - 3)} more` : "";
    lines.push(
      `| ${ctx.text(m.title)} | ${m.due ?? "—"} | ${status(m)} | ${m.criteria.met} of ${m.criteria.total} | ${shown}${more} |`,
    );
  }
  if (open.length > limit) {
    lines.push("", `…and ${formatCount(open.length - limit)} more milestones not achieved.`);
    ctx.cuts.push(`${formatCount(open.length - limit)} milestones not achieved not listed`);
  }
  return lines;
}

/** Counts tier: numbers, and the milestones that need attention first. */
function countsSection(ctx: Ctx): string {
  const { report } = ctx;
  const ms = report.milestones;
  const deliverables = [...ms.flatMap((m) => m.deliverables), ...report.unscheduled];
  const known = report.objectives.filter((o) => o.met !== null);
  const lines = [
    "### Milestones",
    "",
    "| | Count |",
    "|---|---|",
    `| Milestones achieved | ${formatCount(ms.filter((m) => m.achieved).length)} of ${formatCount(ms.length)} |`,
    `| Overdue | ${formatCount(ms.filter((m) => m.overdue).length)} |`,
    `| At risk | ${formatCount(ms.filter((m) => m.atRisk).length)} |`,
    `| Deliverables done | ${formatCount(deliverables.filter((d) => d.done).length)} of ${formatCount(deliverables.length)} |`,
    `| Objectives met | ${formatCount(known.filter((o) => o.met).length)} of ${formatCount(report.objectives.length)} |`,
  ];
  const attention = [...ms.filter((m) => m.overdue), ...ms.filter((m) => m.atRisk)];
  if (attention.length) {
    lines.push("", "Needing attention:", "");
    lines.push(
      ...capped(ctx, attention, "milestone needing attention", (m) => {
        return `- ${m.overdue ? "⏰" : "⚠️"} ${ctx.name(m.title)}: due ${m.due}, ${describeDaysLeft(m.daysLeft)}, ${m.criteria.met} of ${m.criteria.total} criteria met`;
      }),
    );
  }
  ctx.cuts.push(`details of ${plural(deliverables.length, "deliverable")} omitted`);
  return lines.join("\n");
}

// ── Deliverables in no milestone ────────────────────────────────────────────────────────

function unscheduledSection(ctx: Ctx): string {
  const list = ctx.report.unscheduled;
  if (list.length === 0 || ctx.detail === "counts") return "";
  const lines = ["### Deliverables in no milestone", "", "They have no date to be proved by.", ""];
  if (ctx.detail === "summary") {
    lines.push(
      ...capped(ctx, list, "deliverable in no milestone", (d) => {
        const met = d.criteria.filter((c) => c.met).length;
        return `- ${d.done ? "✅" : "❌"} ${ctx.name(d.title)}: ${met} of ${d.criteria.length} criteria met`;
      }),
    );
  } else {
    for (const d of list) lines.push(...deliverableLines(ctx, d));
  }
  return lines.join("\n");
}

// ── Objectives ──────────────────────────────────────────────────────────────────────────

function objectivesSection(ctx: Ctx): string {
  const { report } = ctx;
  if (report.objectives.length === 0 || ctx.detail === "counts") return "";
  const goals = new Map(report.goals.map((g) => [g.id, g.title]));
  const lines = [
    "### Objectives",
    "",
    "| | Objective | Goal | Now | Target | Due |",
    "|---|---|---|---|---|---|",
  ];
  const limit = LIST_LIMIT[ctx.detail];
  for (const o of report.objectives.slice(0, limit)) {
    const icon = o.met === null ? "❔" : o.met ? "✅" : "❌";
    const now =
      o.value === null
        ? ctx.text(o.detail)
        : `${o.value}${o.baseline === undefined ? "" : ` (baseline ${o.baseline})`}${staleNote(o)}`;
    const target = o.target === null ? "no measure" : ctx.text(o.target);
    lines.push(
      `| ${icon} | ${ctx.text(o.title)} | ${ctx.text(goals.get(o.goal) ?? o.goal)} | ${now} | ${target} | ${o.due ?? "—"} |`,
    );
  }
  if (report.objectives.length > limit) {
    const rest = report.objectives.length - limit;
    lines.push("", `…and ${formatCount(rest)} more objectives.`);
    ctx.cuts.push(
      `${formatCount(rest)} of ${plural(report.objectives.length, "objective")} not listed`,
    );
  }
  return lines.join("\n");
}

// ── Plan findings and plan changes ──────────────────────────────────────────────────────

function findingLine(ctx: Ctx, f: Report["plan"]["findings"][number]): string {
  const where = code(`${ctx.report.plan.path}:${f.line}:${f.column}`);
  return `- ${f.severity === "error" ? "❌" : "⚠️"} ${where} ${f.severity}: ${ctx.text(f.message)}`;
}

function findingsSection(ctx: Ctx): string {
  const findings = ctx.report.plan.findings;
  if (findings.length === 0) return "";
  const errors = findings.filter((f) => f.severity === "error").length;
  const title = `### Plan findings (${plural(errors, "error")}, ${plural(findings.length - errors, "warning")})`;
  return [title, "", ...capped(ctx, findings, "finding", (f) => findingLine(ctx, f))].join("\n");
}

function planChangesSection(ctx: Ctx): string {
  const changes = ctx.report.pullRequest?.planChanges ?? [];
  if (changes.length === 0) return "";
  const weakening = changes.filter((c) => c.weakens).length;
  const lines = [
    "### Plan changes in this pull request",
    "",
    weakening
      ? `${plural(weakening, "change")} weaken${weakening === 1 ? "s" : ""} the plan (🔻): review them before merging.`
      : "No change weakens the plan.",
    "",
    ...capped(
      ctx,
      changes,
      "plan change",
      (c) => `- ${c.weakens ? "🔻" : "✏️"} ${ctx.text(c.message)}`,
    ),
  ];
  return lines.join("\n");
}

// ── Sync actions and GitHub milestones outside the plan ─────────────────────────────────

function actionsSection(ctx: Ctx): string {
  const { report } = ctx;
  if (!report.plan.valid) return "";
  if (report.actions.length === 0) {
    return "### Planned changes on GitHub\n\nNone: GitHub is in step with the plan.";
  }
  const lines = [
    "### Planned changes on GitHub",
    "",
    "What `plan-align sync` (or the App) does next. It never deletes a milestone, label or issue.",
    "",
    ...actionCounts(ctx),
    ...capped(ctx, report.actions, "planned change", (action) => {
      const sentence = describeAction({
        action,
        title: (id) => milestoneTitle(report, id),
        strong: ctx.name,
        code,
      });
      return `- ${sentence}`;
    }),
  ];
  return lines.join("\n");
}

/** When the list is cut, how many actions of each kind there are, so none go unmentioned. */
function actionCounts(ctx: Ctx): string[] {
  const actions = ctx.report.actions;
  if (actions.length <= LIST_LIMIT[ctx.detail]) return [];
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  const parts = [...counts].map(([type, n]) => `${formatCount(n)} ${code(type)}`);
  return [`${plural(actions.length, "planned change")}: ${parts.join(", ")}.`, ""];
}

function notInPlanSection(ctx: Ctx): string {
  const list = ctx.report.notInPlan;
  if (list.length === 0) return "";
  return [
    "### GitHub milestones not in the plan",
    "",
    "plan-align leaves them untouched.",
    "",
    ...capped(
      ctx,
      list,
      "milestone not in the plan",
      (m) => `- #${m.number} ${ctx.text(m.title)}${m.state ? ` (${m.state})` : ""}`,
    ),
  ].join("\n");
}

// ── Lookups ─────────────────────────────────────────────────────────────────────────────

function milestoneTitle(report: Report, id: string): string {
  return report.milestones.find((m) => m.id === id)?.title ?? id;
}

function deliverableTitle(report: Report, id: string): string {
  for (const d of [...report.milestones.flatMap((m) => m.deliverables), ...report.unscheduled]) {
    if (d.id === id) return d.title;
  }
  return id;
}
