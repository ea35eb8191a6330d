/** "### Objectives": each objective's measure now, its target and due date. */
import { formatCount, plural } from "../../model/words.ts";
import { staleNote } from "../no-longer-reporting.ts";
import { type Ctx, LIST_LIMIT } from "./context.ts";

export function objectivesSection(ctx: Ctx): string {
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
