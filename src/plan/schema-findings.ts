/**
 * Turns zod issues into plain, positioned findings. A user never sees a zod issue: each
 * issue's path is mapped to the YAML key (unknown keys) or value (wrong values), and the
 * message says what is wrong and how to fix it, in the words of the plan format.
 */
import type { z } from "zod";
import type { Finding, FindingCode } from "../model/findings.ts";
import {
  expected,
  isRecord,
  keysOf,
  patternKind,
  schemaAt,
  showValue,
  slugify,
  valueAt,
  where,
} from "./describe.ts";
import { findingAt, type PlanContext, suggestIn } from "./plan-context.ts";
import type { PathSegment } from "./positions.ts";

type Issue = z.core.$ZodIssue;

/** Codes for keys whose absence has its own rule in the plan format (docs/plan-format.md). */
function missingCode(path: readonly PathSegment[]): FindingCode {
  const key = path.at(-1);
  if (path[0] === "milestones" && path.length === 3 && key === "deliverables") {
    return "milestone-without-deliverables";
  }
  if (path[0] === "deliverables" && path.length === 3 && key === "criteria") {
    return "deliverable-without-criteria";
  }
  return "missing-key";
}

/** Example values for required keys whose format is not obvious. */
const EXAMPLES: Record<string, string | undefined> = {
  date: "2026-03-31",
  id: "my-id",
  target: '"<= 4"',
};

function missingFinding(params: {
  ctx: PlanContext;
  path: PathSegment[];
  fieldSchema: z.ZodType | undefined;
}): Finding {
  const { ctx, path } = params;
  const key = String(path.at(-1));
  const parent = path.slice(0, -1);
  const code = missingCode(path);
  let message: string;
  if (path.length === 1 && key === "version") {
    message = 'the plan has no "version" — add "version: 1" as the first line';
  } else if (code === "milestone-without-deliverables") {
    message = `${where(ctx.data, parent)} has no "deliverables" — a milestone needs at least one deliverable to prove it; add deliverables: [<deliverable id>]`;
  } else if (code === "deliverable-without-criteria") {
    message = `${where(ctx.data, parent)} has no "criteria" — say what proves it is done, e.g. criteria: [{ issues: closed }]`;
  } else {
    const example = EXAMPLES[patternKind(params.fieldSchema) ?? "none"];
    message = `${where(ctx.data, parent)}: missing required key "${key}" — add it${example ? `, e.g. ${key}: ${example}` : ""}`;
  }
  return findingAt({ ctx, path: parent, code, message });
}

function unknownKeyFindings(params: {
  ctx: PlanContext;
  path: PathSegment[];
  keys: string[];
  known: string[];
}): Finding[] {
  const { ctx, path, known } = params;
  return params.keys.map((key) => {
    const hint =
      suggestIn(ctx, key, known) ||
      (known.length > 0 ? ` — allowed keys: ${known.join(", ")}` : "");
    return findingAt({
      ctx,
      path: [...path, key],
      anchor: "key",
      code: "unknown-key",
      message: `${where(ctx.data, path)}: unknown key "${key}"${hint}`,
    });
  });
}

function valueCode(kind: ReturnType<typeof patternKind>, issue: Issue): FindingCode {
  if (kind === "date") return "invalid-date";
  if (kind === "id") return "invalid-id";
  if (kind === "target") return "invalid-target";
  if (issue.code === "invalid_type") return "wrong-type";
  if (issue.code === "too_small" || issue.code === "too_big") return "out-of-range";
  return "invalid-value";
}

/** How to fix a wrong value, when there is something better to say than the format. */
function hint(params: { kind: ReturnType<typeof patternKind>; what?: string; value: unknown }) {
  const { kind, what, value } = params;
  if (kind === "id" && typeof value === "string" && slugify(value) && slugify(value) !== value) {
    return ` — try "${slugify(value)}"`;
  }
  if (kind === "target" && typeof value === "number") {
    return ` — write the comparison in quotes, e.g. "== ${value}"`;
  }
  if (kind === "target" && typeof value === "string" && value.includes("%")) {
    const plain = value.replaceAll("%", "").trim();
    return /^(<=|>=|<|>|==)/.test(plain)
      ? ` — drop the %: "${plain}" (the measure is a plain number)`
      : ` — drop the % and write a comparison, e.g. ">= ${plain}"`;
  }
  if (kind === "date" && typeof value === "string") {
    const parts = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
    if (parts) {
      const [, year, month, day] = parts as unknown as [string, string, string, string];
      return ` — write ${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    }
  }
  if (what === "a list" && (typeof value === "string" || typeof value === "number")) {
    return ` — write it as a list: [${value}]`;
  }
  // YAML reads `2026`, `1.0` and `true` as numbers and booleans; quoting keeps them text.
  if (
    (what === "text" || kind === "id") &&
    (typeof value === "number" || typeof value === "boolean")
  ) {
    return ` — put it in quotes: "${value}"`;
  }
  return "";
}

function sizeMessage(issue: Issue, place: string, value: unknown): string | undefined {
  if (issue.code === "too_small") {
    const min = Number(issue.minimum);
    if (issue.origin === "string") return `${place} must not be empty`;
    if (issue.origin === "array") {
      return `${place} must list at least ${min} ${min === 1 ? "entry" : "entries"}`;
    }
    return `${place} must be at least ${min}, got ${showValue(value)}`;
  }
  if (issue.code === "too_big") {
    const max = Number(issue.maximum);
    if (issue.origin === "string" && typeof value === "string") {
      return `${place} must be at most ${max} characters (GitHub's limit), got ${value.length} — shorten it`;
    }
    return `${place} must be at most ${max}, got ${showValue(value)}`;
  }
  return undefined;
}

/** One zod issue → findings. `root` is the schema the issue's path is relative to. */
export function issueFindings(params: {
  ctx: PlanContext;
  issue: Issue;
  root: z.ZodType;
  /** Where `root` sits in the plan (empty for the whole plan). */
  prefix?: readonly PathSegment[];
}): Finding[] {
  const { ctx, issue, root } = params;
  const relative = issue.path.filter(
    (s): s is PathSegment => typeof s === "string" || typeof s === "number",
  );
  const path = [...(params.prefix ?? []), ...relative];

  if (issue.code === "unrecognized_keys") {
    const known = keysOf(schemaAt(root, relative));
    return unknownKeyFindings({ ctx, path, keys: issue.keys, known });
  }

  const fieldSchema = schemaAt(root, relative);
  const value = valueAt(ctx.data, path);
  const parent = valueAt(ctx.data, path.slice(0, -1));
  const key = path.at(-1);
  if (value === undefined && isRecord(parent) && typeof key === "string" && !(key in parent)) {
    return [missingFinding({ ctx, path, fieldSchema })];
  }

  const place = where(ctx.data, path);
  if (path.length === 1 && key === "version") {
    const quoted = value === "1" ? " — write it without quotes: version: 1" : "";
    return [
      findingAt({
        ctx,
        path,
        code: "unsupported-version",
        message: quoted
          ? `"version" must be the number 1, got the text "1"${quoted}`
          : `unsupported plan version ${showValue(value)} — this plan-align reads version 1; set "version: 1"`,
      }),
    ];
  }
  const kind = patternKind(fieldSchema);
  const sized = sizeMessage(issue, place, value);
  const what = expected(fieldSchema);
  let message: string;
  if (sized !== undefined) message = sized;
  else if (what !== undefined) {
    message = `${place} must be ${what}, got ${showValue(value)}${hint({ kind, what, value })}`;
  } else {
    // A shape this mapper does not know: still one plain line, never zod's issue dump.
    message = `${place}: ${issue.message.replace(/^Invalid input: /, "")}`;
  }
  return [findingAt({ ctx, path, code: valueCode(kind, issue), message })];
}
