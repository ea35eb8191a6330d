/**
 * Criteria are checked here, before the plan-wide schema, because a zod union reports a
 * wrong criterion as a pile of alternatives. We first find which kind the criterion is
 * (exactly one kind key), check its modifiers, then validate it against that kind alone.
 */
import { type CriterionKind, NAME_KEY } from "../criteria/kind.ts";
import { KIND_KEYS, kindByKey, modifiersOf } from "../criteria/registry.ts";
import type { Finding } from "../model/findings.ts";
import { isRecord, showValue, where } from "./describe.ts";
import { didYouMean } from "./did-you-mean.ts";
import { findingAt, type PlanContext } from "./plan-context.ts";
import type { PathSegment } from "./positions.ts";
import { issueFindings } from "./schema-findings.ts";

const KIND_LIST = KIND_KEYS.join(", ");

/** Kinds that take `modifier`, e.g. `min` → issues, pull_requests. */
function kindsTaking(modifier: string): string[] {
  return KIND_KEYS.filter((key) => {
    const kind = kindByKey(key);
    return kind !== undefined && modifiersOf(kind).includes(modifier);
  });
}

function allowedKeys(kind: CriterionKind): string[] {
  return [kind.key, ...modifiersOf(kind), NAME_KEY];
}

function noKind(params: { ctx: PlanContext; path: PathSegment[]; keys: string[] }): Finding {
  const { ctx, path, keys } = params;
  for (const key of keys) {
    const kind = didYouMean({ input: key, candidates: KIND_KEYS, budget: ctx.suggestions });
    if (kind) {
      return findingAt({
        ctx,
        path: [...path, key],
        anchor: "key",
        code: "criterion-no-kind",
        message: `${where(ctx.data, path)} has no kind: "${key}" is not a kind — did you mean "${kind}"?`,
      });
    }
  }
  return findingAt({
    ctx,
    path,
    code: "criterion-no-kind",
    message: `${where(ctx.data, path)} has no kind — give it exactly one of ${KIND_LIST}`,
  });
}

function checkKeys(params: {
  ctx: PlanContext;
  path: PathSegment[];
  kind: CriterionKind;
  keys: string[];
}): Finding[] {
  const { ctx, path, kind, keys } = params;
  const allowed = allowedKeys(kind);
  const findings: Finding[] = [];
  for (const key of keys) {
    if (allowed.includes(key)) continue;
    const takers = kindsTaking(key);
    const at = { ctx, path: [...path, key], anchor: "key" as const };
    if (takers.length > 0) {
      findings.push(
        findingAt({
          ...at,
          code: "criterion-modifier",
          message: `${where(ctx.data, path)}: "${key}" does not apply to ${/^[aeiou]/.test(kind.key) ? "an" : "a"} "${kind.key}" criterion — only ${takers.join(" and ")} criteria take it; remove it or move it to such a criterion`,
        }),
      );
    } else {
      const close = didYouMean({ input: key, candidates: allowed, budget: ctx.suggestions });
      const fix = close
        ? ` — did you mean "${close}"?`
        : ` — a "${kind.key}" criterion takes ${allowed.map((k) => `"${k}"`).join(", ")}`;
      findings.push(
        findingAt({
          ...at,
          code: "unknown-key",
          message: `${where(ctx.data, path)}: unknown key "${key}"${fix}`,
        }),
      );
    }
  }
  return findings;
}

/** Findings for one criterion at `path` (`["deliverables", i, "criteria", j]`). */
export function criterionFindings(params: {
  ctx: PlanContext;
  path: PathSegment[];
  criterion: unknown;
}): Finding[] {
  const { ctx, path, criterion } = params;
  if (!isRecord(criterion)) {
    return [
      findingAt({
        ctx,
        path,
        code: "criterion-no-kind",
        message: `${where(ctx.data, path)} must be a map with one kind key (${KIND_LIST}), got ${showValue(criterion)} — e.g. "- issues: closed"`,
      }),
    ];
  }
  const keys = Object.keys(criterion);
  const kinds = keys.filter((key) => kindByKey(key) !== undefined);
  if (kinds.length === 0) return [noKind({ ctx, path, keys })];
  if (kinds.length > 1) {
    return [
      findingAt({
        ctx,
        path: [...path, kinds[1]],
        anchor: "key",
        code: "criterion-several-kinds",
        message: `${where(ctx.data, path)} has several kinds (${kinds.join(", ")}) — a criterion has exactly one; split it into one criterion per kind`,
      }),
    ];
  }
  const kind = kindByKey(kinds[0] as string) as CriterionKind;
  const findings = checkKeys({ ctx, path, kind, keys });
  const result = kind.schema.safeParse(criterion);
  if (!result.success) {
    for (const issue of result.error.issues) {
      // Unknown keys were reported above, with better words than a generic object's.
      if (issue.code === "unrecognized_keys") continue;
      findings.push(...issueFindings({ ctx, issue, root: kind.schema, prefix: path }));
    }
  }
  return findings;
}

/** Findings for every criterion of every deliverable in the raw data. */
export function allCriteriaFindings(params: { ctx: PlanContext }): Finding[] {
  const { ctx } = params;
  const deliverables = isRecord(ctx.data) ? ctx.data.deliverables : undefined;
  if (!Array.isArray(deliverables)) return [];
  const findings: Finding[] = [];
  deliverables.forEach((deliverable, i) => {
    const criteria = isRecord(deliverable) ? deliverable.criteria : undefined;
    if (!Array.isArray(criteria)) return;
    criteria.forEach((criterion, j) => {
      findings.push(
        ...criterionFindings({ ctx, path: ["deliverables", i, "criteria", j], criterion }),
      );
    });
  });
  return findings;
}

/** True for paths at or under a criterion, which `allCriteriaFindings` reports on. */
export function isCriterionPath(path: readonly PropertyKey[]): boolean {
  return path.length >= 4 && path[0] === "deliverables" && path[2] === "criteria";
}
