/**
 * "### Milestones": the table of milestones, then each one in detail; lower tiers give a summary
 * table or counts instead.
 */
import { plural } from "../../model/words.ts";
import type { Ctx } from "./context.ts";
import { githubCell, milestoneDetail, status } from "./milestone-detail.ts";
import { countsSection } from "./milestones-counts.ts";
import { summaryTable } from "./milestones-summary.ts";

export function milestonesSection(ctx: Ctx): string {
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
