/**
 * `checks: [NAME, ..]` — on the default branch's head commit, the latest run of each name
 * concluded `success`. A missing run is not met. GitHub's REST API spells conclusions in
 * lower case and its GraphQL API in upper case, so the comparison ignores case.
 */
import type { CriterionResult } from "../../model/report.ts";

export function evaluateChecksCriterion(params: {
  checks: Record<string, string>;
  names: string[];
}): Omit<CriterionResult, "name" | "kind"> {
  const problems: string[] = [];
  let passed = 0;
  for (const name of params.names) {
    const conclusion = Object.hasOwn(params.checks, name) ? params.checks[name] : undefined;
    if (conclusion === undefined) problems.push(`no run of ${name}`);
    else if (conclusion.toLowerCase() === "success") passed++;
    else problems.push(`${name} concluded ${conclusion.toLowerCase()}`);
  }
  const total = params.names.length;
  const head = `${passed} of ${total} ${total === 1 ? "check" : "checks"} succeeded`;
  return {
    met: problems.length === 0,
    detail: problems.length === 0 ? head : `${head}; ${problems.join("; ")}`,
  };
}
