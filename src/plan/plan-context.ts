/**
 * What every check needs to report a finding: the parsed YAML document (for positions)
 * and the plain data (for the words of the message).
 */
import type { Document, LineCounter } from "yaml";
import type { Finding, FindingCode, Severity } from "../model/findings.ts";
import { type Anchor, type PathSegment, positionOf } from "./positions.ts";

export interface PlanContext {
  doc: Document | null;
  lineCounter: LineCounter;
  data: unknown;
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
