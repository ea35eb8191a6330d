/** "### Planned changes on GitHub": what `plan-align sync` (or the App) does next. */
import { formatCount, plural } from "../../model/words.ts";
import { describeAction } from "../describe-action.ts";
import { code } from "../escape.ts";
import { milestoneTitle } from "../lookups.ts";
import { type Ctx, capped, LIST_LIMIT } from "./context.ts";

export function actionsSection(ctx: Ctx): string {
  const { report } = ctx;
  if (!report.plan.valid) return "";
  if (report.actions.length === 0) {
    return "### Planned changes on GitHub\n\nNone: GitHub is in step with the plan.";
  }
  const lines = [
    "### Planned changes on GitHub",
    "",
    "What `plan-align sync` (or the App) does next. It never deletes a milestone, label or issue.",
    "",
    ...actionCounts(ctx),
    ...capped(ctx, report.actions, "planned change", (action) => {
      const sentence = describeAction({
        action,
        title: (id) => milestoneTitle(report, id),
        strong: ctx.name,
        code,
        text: ctx.text,
      });
      return `- ${sentence}`;
    }),
  ];
  return lines.join("\n");
}

/** When the list is cut, how many actions of each kind there are, so none go unmentioned. */
function actionCounts(ctx: Ctx): string[] {
  const actions = ctx.report.actions;
  if (actions.length <= LIST_LIMIT[ctx.detail]) return [];
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  const parts = [...counts].map(([type, n]) => `${formatCount(n)} ${code(type)}`);
  return [`${plural(actions.length, "planned change")}: ${parts.join(", ")}.`, ""];
}
