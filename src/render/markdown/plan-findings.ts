/** "### Plan findings": errors and warnings on the plan, `FILE:LINE:COL` first. */
import type { Report } from "../../model/report.ts";
import { plural } from "../../model/words.ts";
import { code } from "../escape.ts";
import { type Ctx, capped } from "./context.ts";

export function findingLine(ctx: Ctx, f: Report["plan"]["findings"][number]): string {
  const where = code(`${ctx.report.plan.path}:${f.line}:${f.column}`);
  return `- ${f.severity === "error" ? "❌" : "⚠️"} ${where} ${f.severity}: ${ctx.text(f.message)}`;
}

export function findingsSection(ctx: Ctx): string {
  const findings = ctx.report.plan.findings;
  if (findings.length === 0) return "";
  const errors = findings.filter((f) => f.severity === "error").length;
  const title = `### Plan findings (${plural(errors, "error")}, ${plural(findings.length - errors, "warning")})`;
  return [title, "", ...capped(ctx, findings, "finding", (f) => findingLine(ctx, f))].join("\n");
}
