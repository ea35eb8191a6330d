/**
 * "What merging changes", right under the verdict of a pull request's report: for each
 * milestone it serves, the criteria the merge would meet and those that stay unmet.
 */
import { plural } from "../../model/words.ts";
import { deliverableTitle, milestoneTitle } from "../lookups.ts";
import { type Ctx, capped } from "./context.ts";

export function mergeChangesSection(ctx: Ctx): string {
  const changes = ctx.report.pullRequest?.mergeChanges ?? [];
  if (changes.length === 0) return "";
  const lines = ["### What merging changes"];
  for (const change of changes) {
    const title = ctx.name(milestoneTitle(ctx.report, change.milestone));
    const open = change.meets.length + change.unmet.length;
    const head =
      open === 0
        ? `${title}: every criterion is already met.`
        : change.unmet.length === 0
          ? `${title}: merging meets all ${plural(open, "unmet criterion", "unmet criteria")}.`
          : `${title}: merging meets ${change.meets.length} of ${plural(open, "unmet criterion", "unmet criteria")}; ${change.unmet.length} stay${change.unmet.length === 1 ? "s" : ""} unmet.`;
    lines.push("", head);
    const item = (icon: string) => (c: (typeof change.meets)[number]) => {
      const where = c.deliverable
        ? `${ctx.text(deliverableTitle(ctx.report, c.deliverable))}: `
        : "";
      return `- ${icon} ${where}${ctx.text(c.name)} — ${ctx.text(c.detail)}`;
    };
    // Under the size limit's tighter tiers, the counts only (the criteria are cut everywhere).
    if (ctx.detail === "summary" || ctx.detail === "counts") continue;
    if (change.meets.length || change.unmet.length) lines.push("");
    lines.push(
      ...capped(ctx, change.meets, "criterion met by the merge", item("✅ met by merging:")),
    );
    lines.push(...capped(ctx, change.unmet, "criterion still unmet", item("⬜ still unmet:")));
  }
  return lines.join("\n");
}
