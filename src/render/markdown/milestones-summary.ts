/**
 * "### Milestones" at the summary tier: one row per milestone not achieved, naming what is
 * missing.
 */
import { ownerNote } from "../../model/names/login.ts";
import { formatCount, plural } from "../../model/words.ts";
import { type Ctx, LIST_LIMIT } from "./context.ts";
import { status } from "./milestone-detail.ts";

/** Summary tier: one row per milestone not achieved, naming what is missing. */
export function summaryTable(ctx: Ctx): string[] {
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
