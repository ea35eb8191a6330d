/** "### Milestones" at the counts tier: numbers, and the milestones that need attention first. */
import { formatCount, plural } from "../../model/words.ts";
import { describeDaysLeft } from "../format.ts";
import { type Ctx, capped } from "./context.ts";

/** Counts tier: numbers, and the milestones that need attention first. */
export function countsSection(ctx: Ctx): string {
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
