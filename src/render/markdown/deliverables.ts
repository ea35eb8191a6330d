/**
 * A deliverable's line and its criteria, under a milestone or in "Deliverables in no milestone".
 */
import { ownerNote } from "../../model/names/login.ts";
import type { CriterionResult, DeliverableResult } from "../../model/report.ts";
import { code } from "../escape.ts";
import type { Ctx } from "./context.ts";

export function deliverableLines(ctx: Ctx, d: DeliverableResult): string[] {
  const met = d.criteria.filter((c) => c.met).length;
  const head = `- ${d.done ? "✅" : "❌"} ${ctx.name(d.title)} ${code(d.label)}`;
  if (d.done && ctx.detail === "collapsed") {
    return [`${head}: ${met} of ${d.criteria.length} criteria met`];
  }
  return [
    head,
    ...d.criteria.map((c) => `  - ${criterionLine(ctx, c)}${c.met ? "" : ownerNote(d)}`),
  ];
}

function criterionLine(ctx: Ctx, c: CriterionResult): string {
  return `${c.met ? "✅" : "❌"} ${ctx.text(c.name)}: ${ctx.text(c.detail)}`;
}
