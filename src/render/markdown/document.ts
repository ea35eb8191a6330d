/**
 * The check run's Markdown at one tier of detail: the verdict, the context line, the notice of
 * what was cut, then each section in turn (one file per section beside this one).
 */
import type { Report } from "../../model/report.ts";
import { joinAnd } from "../../model/words.ts";
import { bold, code, mdText } from "../escape.ts";
import { formatInstant } from "../format.ts";
import { noLongerReportingSection } from "../no-longer-reporting.ts";
import { risksSection } from "../risks-section.ts";
import { verdict } from "../verdict.ts";
import { howToLink, isCompact } from "./compact.ts";
import { type Ctx, type Detail, TEXT_LIMIT } from "./context.ts";
import { mergeChangesSection } from "./merge-changes.ts";
import { milestonesSection } from "./milestones.ts";
import { notInPlanSection } from "./not-in-plan.ts";
import { objectivesSection } from "./objectives.ts";
import { planChangesSection } from "./plan-changes.ts";
import { findingsSection } from "./plan-findings.ts";
import { actionsSection } from "./planned-changes.ts";
import { pullRequestSection } from "./pull-request.ts";
import { unscheduledSection } from "./unscheduled.ts";

/** The whole Markdown document at one level of detail. */
export function renderSections(params: { report: Report; detail: Detail; limit: string }): string {
  const { report, detail } = params;
  const clip = TEXT_LIMIT[detail];
  const ctx: Ctx = {
    report,
    detail,
    cuts: [],
    text: (s) => mdText(s, clip),
    name: (s) => bold(mdText(s, clip)),
  };
  const status = [
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
  // A pull request the plan has nothing to say about: its warning, how to link it, and the
  // plan's status folded away.
  const body = isCompact(report)
    ? [
        pullRequestSection(ctx),
        howToLink(ctx),
        `<details><summary>Plan status</summary>\n\n${status.join("\n\n")}\n\n</details>`,
      ]
    : [mergeChangesSection(ctx), pullRequestSection(ctx), ...status].filter((s) => s !== "");
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
    mdText(report.repository),
    `plan ${code(report.plan.path)}`,
    `evaluated ${formatInstant(report.evaluatedAt, report.timezone)}`,
  ];
  return `<sub>${parts.join(" · ")}</sub>`;
}
