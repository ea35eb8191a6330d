/**
 * Plan findings as workflow-command annotations (`::error file=…`), used when there is no
 * check run to carry them (a fork's read-only token, milestone mode). GitHub shows at most
 * 10 error, 10 warning and 10 notice annotations per step and drops the rest silently, so
 * the ones the caller must keep (the verdict) are reserved first, findings fill what is
 * left, and one notice says how many more are in the job summary instead of losing them
 * without a word.
 */
import type { Finding } from "../model/findings.ts";
import { visible } from "../model/visible-text.ts";
import type { ActionCore, AnnotationProps } from "./core.ts";

/** Annotations of one level GitHub shows for a step. */
export const ANNOTATIONS_PER_LEVEL = 10;

export function annotateFindings(params: {
  core: ActionCore;
  findings: { path: string; finding: Finding }[];
  /** Annotations of each level the step has made or will make besides these. */
  reserved?: { error?: number; warning?: number; notice?: number };
}): { shown: number; omitted: number } {
  const { core } = params;
  const room = {
    error: ANNOTATIONS_PER_LEVEL - (params.reserved?.error ?? 0),
    warning: ANNOTATIONS_PER_LEVEL - (params.reserved?.warning ?? 0),
  };
  let shown = 0;
  let omitted = 0;
  for (const { path, finding } of params.findings) {
    const level = finding.severity === "error" ? "error" : "warning";
    if (room[level] <= 0) {
      omitted++;
      continue;
    }
    room[level]--;
    shown++;
    core[level](visible(finding.message), annotationProps(path, finding));
  }
  if (omitted > 0 && (params.reserved?.notice ?? 0) < ANNOTATIONS_PER_LEVEL) {
    core.notice(
      `${omitted} more plan finding(s) are not annotated here (GitHub shows at most ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings per step); all of them are in the job summary.`,
      { title: "plan-align: more findings" },
    );
  }
  return { shown, omitted };
}

function annotationProps(path: string, finding: Finding): AnnotationProps {
  return {
    title: `plan-align${finding.code ? `: ${finding.code}` : ""}`,
    file: path,
    startLine: finding.line,
    startColumn: finding.column,
    ...(finding.endLine ? { endLine: finding.endLine } : {}),
    // Columns span only within one line (GitHub's rule for annotations).
    ...(finding.endColumn && (finding.endLine ?? finding.line) === finding.line
      ? { endColumn: finding.endColumn }
      : {}),
  };
}
