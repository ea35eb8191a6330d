/**
 * The rules of `risks:` a schema cannot express: ids unique among risks, at least one
 * threatened milestone, every one of them defined, and a contingency that says something.
 * Missing keys and wrong types are schema findings already.
 */
import type { Finding } from "../../model/findings.ts";
import { isRecord } from "../describe.ts";
import { findingAt, type PlanContext, suggestIn } from "../plan-context.ts";
import { positionOf } from "../positions.ts";

export function riskFindings(params: { ctx: PlanContext }): Finding[] {
  const { ctx } = params;
  const data = isRecord(ctx.data) ? ctx.data : {};
  const risks = Array.isArray(data.risks) ? data.risks : [];
  const milestoneIds = new Set<string>();
  if (Array.isArray(data.milestones)) {
    for (const m of data.milestones) {
      if (isRecord(m) && typeof m.id === "string") milestoneIds.add(m.id);
    }
  }
  const findings: Finding[] = [];
  const firstById = new Map<string, number>();
  risks.forEach((risk, i) => {
    if (!isRecord(risk)) return;
    const id = typeof risk.id === "string" ? risk.id : undefined;
    const who = id === undefined ? `risk ${i + 1}` : `risk "${id}"`;
    if (id !== undefined) {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, i);
      else {
        const line = positionOf({
          doc: ctx.doc,
          lineCounter: ctx.lineCounter,
          path: ["risks", first, "id"],
        }).line;
        findings.push(
          findingAt({
            ctx,
            path: ["risks", i, "id"],
            code: "duplicate-id",
            message: `risk id "${id}" is used twice (first on line ${line}) — ids must be unique among risks; rename one`,
          }),
        );
      }
    }
    const threatens = risk.threatens;
    if (Array.isArray(threatens) && threatens.length === 0) {
      findings.push(
        findingAt({
          ctx,
          path: ["risks", i, "threatens"],
          code: "risk-threatens-nothing",
          message: `${who} threatens no milestone — list the ids of the milestones it threatens, e.g. threatens: [${[...milestoneIds][0] ?? "<milestone id>"}]`,
        }),
      );
    }
    if (Array.isArray(threatens)) {
      threatens.forEach((ref, j) => {
        if (typeof ref !== "string" || milestoneIds.has(ref)) return;
        const hint =
          suggestIn(ctx, ref, milestoneIds) ||
          ' — it must be the id of a milestone under "milestones"';
        findings.push(
          findingAt({
            ctx,
            path: ["risks", i, "threatens", j],
            code: "unknown-milestone",
            message: `${who} threatens unknown milestone "${ref}"${hint}`,
          }),
        );
      });
    }
    const contingency = risk.contingency;
    if (typeof contingency === "string" && contingency.length > 0 && contingency.trim() === "") {
      findings.push(
        findingAt({
          ctx,
          path: ["risks", i, "contingency"],
          code: "blank-contingency",
          message: `${who}: "contingency" is blank — say what the team will do when the risk fires`,
        }),
      );
    }
  });
  return findings;
}
