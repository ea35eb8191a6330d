/**
 * `file: PATH` — the file exists on the default branch, has every required Markdown heading
 * (trimmed, case-insensitive, levels 1–6) and contains every required string literally.
 * Nothing from the plan is ever run as a regular expression.
 */
import type { CriterionResult } from "../../model/report.ts";
import { quotedList } from "../../model/words.ts";
import type { EvaluationContext } from "../context.ts";
import { markdownHeadings, normalizeHeading } from "../headings.ts";

export function fileHeadings(ctx: EvaluationContext, path: string, text: string): Set<string> {
  let headings = ctx.headings.get(path);
  if (!headings) {
    headings = markdownHeadings(text);
    ctx.headings.set(path, headings);
  }
  return headings;
}

export function evaluateFileCriterion(params: {
  ctx: EvaluationContext;
  file: string;
  headings: string[];
  contains: string[];
}): Omit<CriterionResult, "name" | "kind"> {
  const { ctx, file } = params;
  const text = ctx.snapshot.files[file];
  if (text === undefined) {
    return { met: false, detail: `${file} does not exist on the default branch` };
  }
  const present = params.headings.length > 0 ? fileHeadings(ctx, file, text) : new Set<string>();
  const missingHeadings = params.headings.filter((h) => !present.has(normalizeHeading(h)));
  const missingText = params.contains.filter((s) => !text.includes(s));

  const missing: string[] = [];
  if (missingHeadings.length > 0) {
    missing.push(
      `missing ${missingHeadings.length === 1 ? "heading" : "headings"} ${quotedList(missingHeadings)}`,
    );
  }
  if (missingText.length > 0) {
    missing.push(`missing text ${quotedList(missingText)}`);
  }
  if (missing.length > 0) return { met: false, detail: `${file}: ${missing.join("; ")}` };

  const found: string[] = [];
  const all = (n: number, one: string) =>
    n === 1 ? `the required ${one}` : `all ${n} required ${one}s`;
  if (params.headings.length > 0) found.push(all(params.headings.length, "heading"));
  if (params.contains.length > 0) found.push(all(params.contains.length, "text"));
  return {
    met: true,
    detail: found.length > 0 ? `${file} exists with ${found.join(" and ")}` : `${file} exists`,
  };
}
