/**
 * What every check needs to report a finding: the parsed YAML document (for positions)
 * and the plain data (for the words of the message).
 */
import type { Document, LineCounter } from "yaml";
import type { Finding, FindingCode, Severity } from "../model/findings.ts";
import { type SuggestionBudget, suggestion } from "./did-you-mean.ts";
import { type Anchor, type PathSegment, positionOf } from "./positions.ts";

export interface PlanContext {
  doc: Document | null;
  lineCounter: LineCounter;
  data: unknown;
  /** The work "did you mean" may still do in this run (see SUGGESTION_BUDGET). */
  suggestions: SuggestionBudget;
}

/** ` — did you mean "x"?` for a misspelt name, or "" (also once the run's budget is spent). */
export function suggestIn(ctx: PlanContext, input: string, candidates: Iterable<string>): string {
  return suggestion({ input, candidates, budget: ctx.suggestions });
}

/** A finding positioned at the key or value of `path`. */
export function findingAt(params: {
  ctx: PlanContext;
  path: readonly PathSegment[];
  anchor?: Anchor;
  severity?: Severity;
  code: FindingCode;
  message: string;
}): Finding {
  const position = positionOf({
    doc: params.ctx.doc,
    lineCounter: params.ctx.lineCounter,
    path: params.path,
    anchor: params.anchor ?? "value",
  });
  return {
    severity: params.severity ?? "error",
    code: params.code,
    message: params.message,
    ...position,
  };
}
