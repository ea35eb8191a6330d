/** "### GitHub milestones not in the plan": left untouched. */
import { type Ctx, capped } from "./context.ts";

export function notInPlanSection(ctx: Ctx): string {
  const list = ctx.report.notInPlan;
  if (list.length === 0) return "";
  return [
    "### GitHub milestones not in the plan",
    "",
    "plan-align leaves them untouched.",
    "",
    ...capped(
      ctx,
      list,
      "milestone not in the plan",
      (m) => `- #${m.number} ${ctx.text(m.title)}${m.state ? ` (${m.state})` : ""}`,
    ),
  ].join("\n");
}
