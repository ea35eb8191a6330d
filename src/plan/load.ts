/**
 * Loads a plan file: YAML with positions → schema → cross-reference validation.
 * Never throws on bad input: everything wrong becomes a positioned Finding.
 */
import type { Finding } from "../model/findings.ts";
import { plural } from "../model/words.ts";
import { allCriteriaFindings, isCriterionPath } from "./criteria-findings.ts";
import { SUGGESTION_BUDGET } from "./did-you-mean.ts";
import type { PlanContext } from "./plan-context.ts";
import { normalizePlanPaths } from "./repo-paths.ts";
import { type Plan, planSchema } from "./schema.ts";
import { issueFindings } from "./schema-findings.ts";
import { MAX_PLAN_BYTES, stripBom, textFindings, utf8Length } from "./text-checks.ts";
import { validatePlan } from "./validate.ts";
import { readYaml } from "./yaml-source.ts";

export interface PlanLoadResult {
  /** Repository-relative (or CLI-given) path, used in messages. */
  path: string;
  /** The parsed plan with defaults applied; null when the plan has errors. */
  plan: Plan | null;
  /** Errors and warnings, sorted by position. */
  findings: Finding[];
  valid: boolean;
}

/** Sorts by position; errors before warnings on the same spot; drops exact repeats. */
export function sortFindings(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1),
  );
  // Repeats sit side by side, in the group of one position and severity: no key string is
  // built per finding (a hostile plan can have 30,000 of them).
  const out: Finding[] = [];
  let messages = new Set<string>();
  let last: Finding | undefined;
  for (const f of sorted) {
    if (!last || last.line !== f.line || last.column !== f.column || last.severity !== f.severity)
      messages = new Set();
    last = f;
    if (messages.has(f.message)) continue;
    messages.add(f.message);
    out.push(f);
  }
  return out;
}

/** Findings reported one by one; past these, one more says how many are left out. */
export const MAX_FINDINGS = 200;

/**
 * The first MAX_FINDINGS findings, and one that counts the rest: a person fixes the first
 * few and validates again, and 80,000 lines (one per copied entry) help nobody.
 */
function capFindings(sorted: Finding[]): Finding[] {
  if (sorted.length <= MAX_FINDINGS) return sorted;
  const rest = sorted.slice(MAX_FINDINGS);
  const errors = rest.filter((f) => f.severity === "error").length;
  const next = rest[0] as Finding;
  return [
    ...sorted.slice(0, MAX_FINDINGS),
    {
      severity: errors > 0 ? "error" : "warning",
      code: "too-many-findings",
      line: next.line,
      column: next.column,
      message: `and ${plural(rest.length, "more finding")} from here on (${plural(errors, "error")}, ${plural(rest.length - errors, "warning")}) not listed — fix the ones above and validate again`,
    },
  ];
}

function result(path: string, findings: Finding[], plan: Plan | null): PlanLoadResult {
  const sorted = sortFindings(findings);
  const valid = plan !== null && !sorted.some((f) => f.severity === "error");
  return { path, plan: valid ? plan : null, findings: capFindings(sorted), valid };
}

function load(params: { text: string; path: string }): PlanLoadResult {
  const { path } = params;
  const text = stripBom(typeof params.text === "string" ? params.text : String(params.text));
  const size = utf8Length({ text, limit: MAX_PLAN_BYTES });
  if (size > MAX_PLAN_BYTES) {
    const finding: Finding = {
      severity: "error",
      code: "file-too-large",
      line: 1,
      column: 1,
      message: `the plan file is larger than 1 MiB (the limit) — move long descriptions out of the plan into linked documents`,
    };
    return result(path, [finding], null);
  }
  const findings = textFindings({ text });
  const source = readYaml({ text });
  findings.push(...source.findings);
  if (source.data === undefined || findings.some((f) => f.severity === "error")) {
    return result(path, findings, null);
  }
  const ctx: PlanContext = {
    doc: source.doc,
    lineCounter: source.lineCounter,
    data: source.data,
    suggestions: { left: SUGGESTION_BUDGET },
  };

  findings.push(...allCriteriaFindings({ ctx }));
  const parsed = planSchema.safeParse(source.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (isCriterionPath(issue.path)) continue;
      findings.push(...issueFindings({ ctx, issue, root: planSchema }));
    }
    if (!findings.some((f) => f.severity === "error")) {
      // Defensive: zod refused the plan but no issue became a finding; never call it valid.
      findings.push({
        severity: "error",
        code: "invalid-plan",
        line: 1,
        column: 1,
        message:
          "the plan does not match the plan format — check it against schema/plan.schema.json",
      });
    }
  }
  // Cross-reference rules run on the raw data even when the schema failed, so one run
  // shows every problem instead of one layer at a time.
  findings.push(...validatePlan({ ctx }));
  return result(path, findings, parsed.success ? normalizePlanPaths(parsed.data) : null);
}

export function loadPlan(params: { text: string; path: string }): PlanLoadResult {
  try {
    return load(params);
  } catch (error) {
    // A bug of ours must not become a crash in a user's CI: report it as a finding.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      path: params.path,
      plan: null,
      valid: false,
      findings: [
        {
          severity: "error",
          code: "internal-error",
          line: 1,
          column: 1,
          message: `plan-align could not read this plan (internal error: ${detail.split("\n")[0]}) — please report this with the plan file`,
        },
      ],
    };
  }
}
