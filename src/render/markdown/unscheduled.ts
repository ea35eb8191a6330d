/** "### Deliverables in no milestone": they have no date to be proved by. */
import { type Ctx, capped } from "./context.ts";
import { deliverableLines } from "./deliverables.ts";

export function unscheduledSection(ctx: Ctx): string {
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
