/**
 * A milestone without `due` is valid but has no date to be proved by: it can never be at
 * risk or overdue, so nothing warns before it slips. A warning, at the milestone's id.
 */
import type { Finding } from "../../model/findings.ts";
import { isRecord } from "../describe.ts";
import { findingAt, type PlanContext } from "../plan-context.ts";

export function undatedMilestoneFindings(params: { ctx: PlanContext }): Finding[] {
  const { ctx } = params;
  const data = isRecord(ctx.data) ? ctx.data : {};
  if (!Array.isArray(data.milestones)) return [];
  const findings: Finding[] = [];
  data.milestones.forEach((m, i) => {
    if (!isRecord(m) || m.due !== undefined) return;
    const named = typeof m.id === "string";
    findings.push(
      findingAt({
        ctx,
        path: named ? ["milestones", i, "id"] : ["milestones", i],
        severity: "warning",
        code: "milestone-without-due",
        message: `${named ? `milestone "${m.id}"` : `milestone ${i + 1}`} has no due date, so it can never be at risk or overdue — add "due: YYYY-MM-DD"`,
      }),
    );
  });
  return findings;
}
