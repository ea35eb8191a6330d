import { ownerNote } from "../model/names/login.ts";
import type { DeliverableResult, MergeChange, MilestoneResult, Report } from "../model/report.ts";
import { visible } from "../model/visible-text.ts";
import { joinAnd, plural } from "../model/words.ts";
import { formatFinding } from "../plan/format-finding.ts";
import { describeAction } from "./describe-action.ts";
import { describeDaysLeft, formatInstant } from "./format.ts";
import { deliverableTitle, milestoneTitle } from "./lookups.ts";
import { MET_BY_MERGING, mergeChangeSummary, STILL_UNMET } from "./merge-change-summary.ts";
import { staleNote } from "./no-longer-reporting.ts";
import { risksText } from "./risks-section.ts";
import { SERVES_NO_DELIVERABLE, verdict } from "./verdict.ts";
import { WARNING_TITLES } from "./warning-titles.ts";

/**
 * The report for a person at a terminal: plain text, no Markdown, one idea per line and
 * indentation for structure. Everything is shown (a terminal has no size limit).
 */
export function renderText(report: Report): string {
  const out: string[] = [];
  const v = verdict(report);
  out.push(`${v.icon} ${v.text}`);
  out.push(
    `  ${report.repository} · plan ${report.plan.path} · evaluated ${formatInstant(report.evaluatedAt, report.timezone)}`,
  );
  const titleOf = (id: string) => milestoneTitle(report, id);

  const pr = report.pullRequest;
  if (pr) {
    section(out, `Pull request #${pr.number}${pr.title ? `: ${pr.title}` : ""}`);
    const deliverables = pr.deliverables.map((id) => deliverableTitle(report, id));
    out.push(
      deliverables.length
        ? `  Serves ${joinAnd(deliverables)}${pr.milestones.length ? ` → ${joinAnd(pr.milestones.map(titleOf))}` : ""}`
        : `  ${SERVES_NO_DELIVERABLE}`,
    );
    out.push(`  Conclusion: ${pr.conclusion}`);
    for (const w of pr.warnings) {
      const icon = w.level === "fail" || w.code === "plan-invalid" ? "✘" : "!";
      out.push(`  ${icon} ${WARNING_TITLES[w.code]}: ${w.message}`);
    }
    for (const f of pr.headPlanFindings ?? []) out.push(`  ${findingLine(report, f)}`);
    if (pr.planChanges.length) {
      out.push("  Plan changes:");
      for (const c of pr.planChanges) {
        out.push(`    ${c.weakens ? "▼ weakens:" : "·"} ${c.message}`);
      }
    }
    mergeChangeLines(out, report);
  }

  if (report.plan.valid) out.push(...risksText(report));
  if (report.plan.valid) {
    section(out, "Milestones");
    if (report.milestones.length === 0) out.push("  The plan has no milestones.");
    for (const m of report.milestones) milestoneLines(out, report, m);
    if (report.unscheduled.length) {
      section(out, "Deliverables in no milestone (no date to be proved by)");
      for (const d of report.unscheduled) deliverableLines(out, d, "  ");
    }
    if (report.objectives.length) {
      section(out, "Objectives");
      for (const o of report.objectives) {
        const icon = o.met === null ? "?" : o.met ? "✔" : "✘";
        const value =
          o.value === null
            ? o.detail
            : `now ${o.value}${o.baseline === undefined ? "" : ` (baseline ${o.baseline})`}, target ${o.target}`;
        out.push(`  ${icon} ${o.title}${o.due ? ` — due ${o.due}` : ""}${staleNote(o)}`);
        out.push(`      ${value}`);
      }
    }
  }

  if (report.plan.findings.length) {
    section(out, "Plan findings");
    for (const f of report.plan.findings) out.push(`  ${findingLine(report, f)}`);
  }

  if (report.plan.valid) {
    section(out, "Planned changes on GitHub (dry run; nothing is ever deleted)");
    if (report.actions.length === 0) out.push("  None: GitHub is in step with the plan.");
    for (const action of report.actions) {
      out.push(`  • ${describeAction({ action, title: titleOf })}`);
    }
  }
  if (report.notInPlan.length) {
    section(out, "GitHub milestones not in the plan (left untouched)");
    for (const m of report.notInPlan) {
      out.push(`  #${m.number} ${m.title}${m.state ? ` (${m.state})` : ""}`);
    }
  }
  // One line per entry, whatever the plan holds: a line break in a title shows as `\n`.
  return `${out.map(visible).join("\n")}\n`;
}

/** For each milestone the pull request serves: the criteria merging meets, and those left. */
function mergeChangeLines(out: string[], report: Report): void {
  const changes = report.pullRequest?.mergeChanges ?? [];
  if (changes.length === 0) return;
  section(out, "What merging changes");
  for (const change of changes) {
    out.push(`  ${mergeChangeSummary(milestoneTitle(report, change.milestone), change)}`);
    const item = (icon: string, c: MergeChange["meets"][number]) => {
      const where = c.deliverable ? `${deliverableTitle(report, c.deliverable)}: ` : "";
      return `    ${icon} ${where}${c.name} — ${c.detail}`;
    };
    for (const c of change.meets) out.push(item(`✔ ${MET_BY_MERGING}`, c));
    for (const c of change.unmet) out.push(item(`✘ ${STILL_UNMET}`, c));
  }
}

function section(out: string[], title: string): void {
  out.push("", title);
}

function milestoneLines(out: string[], report: Report, m: MilestoneResult): void {
  const status = m.achieved
    ? "achieved"
    : m.overdue
      ? `NOT ACHIEVED, overdue by ${plural(-m.daysLeft, "day")}`
      : m.atRisk
        ? `not achieved, AT RISK: ${describeDaysLeft(m.daysLeft)}`
        : m.due === null
          ? "not achieved (no due date)"
          : `not achieved, ${describeDaysLeft(m.daysLeft)}`;
  const github =
    m.githubMilestone === null
      ? "no GitHub milestone yet"
      : `GitHub #${m.githubMilestone} ${m.githubState ?? ""}`.trim();
  out.push(
    `  ${m.achieved ? "✔" : "✘"} ${m.title} — ${m.due ? `due ${m.due}` : "no due date"} — ${status}`,
  );
  out.push(
    `      ${m.criteria.met} of ${m.criteria.total} criteria met · ${github}${m.close === "manual" ? " · close: manual (a person closes it)" : ""}`,
  );
  for (const r of m.requires) {
    out.push(`      ${r.achieved ? "✔" : "✘"} requires ${milestoneTitle(report, r.id)}`);
  }
  for (const d of m.deliverables) deliverableLines(out, d, "      ");
  if (m.review) {
    out.push(
      `      ${m.review.signedOff ? "✔" : "✘"} review by ${m.review.approvers.join(", ")}: ${m.review.detail}`,
    );
  }
}

function deliverableLines(out: string[], d: DeliverableResult, indent: string): void {
  out.push(`${indent}${d.done ? "✔" : "✘"} ${d.title} [${d.label}]`);
  for (const c of d.criteria) {
    out.push(
      `${indent}    ${c.met ? "✔" : "✘"} ${c.name}: ${c.detail}${c.met ? "" : ownerNote(d)}`,
    );
  }
}

function findingLine(report: Report, f: Report["plan"]["findings"][number]): string {
  return formatFinding(report.plan.path, f);
}
