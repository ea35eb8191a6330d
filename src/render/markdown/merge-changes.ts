/**
 * "What merging changes", right under the verdict of a pull request's report: for each
 * milestone it serves, the criteria the merge would meet and those that stay unmet.
 */
import { deliverableTitle, milestoneTitle } from "../lookups.ts";
import { MET_BY_MERGING, mergeChangeSummary, STILL_UNMET } from "../merge-change-summary.ts";
import { type Ctx, capped } from "./context.ts";

export function mergeChangesSection(ctx: Ctx): string {
  const changes = ctx.report.pullRequest?.mergeChanges ?? [];
  if (changes.length === 0) return "";
  const lines = ["### What merging changes"];
  for (const change of changes) {
    const title = ctx.name(milestoneTitle(ctx.report, change.milestone));
    const head = mergeChangeSummary(title, change);
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
      ...capped(ctx, change.meets, "criterion met by the merge", item(`✅ ${MET_BY_MERGING}`)),
    );
    lines.push(...capped(ctx, change.unmet, "criterion still unmet", item(`⬜ ${STILL_UNMET}`)));
  }
  return lines.join("\n");
}
