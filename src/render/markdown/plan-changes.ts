/**
 * "### Plan changes in this pull request": what the pull request changes in the plan, weakening
 * changes marked.
 */
import { plural } from "../../model/words.ts";
import { type Ctx, capped } from "./context.ts";

export function planChangesSection(ctx: Ctx): string {
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
