/**
 * Words for messages: who a path belongs to (`milestone "prototype-done"`), which field
 * (`"review.approvers"`), what a value is (`"March 3"`, `a list`), and what a field
 * expects, read from the zod schema so messages and schema never drift apart.
 */
import type { z } from "zod";
import { TARGET_PATTERN } from "../criteria/measure.ts";
import type { PathSegment } from "./positions.ts";
import { DATE_PATTERN, ID_PATTERN } from "./schema.ts";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The raw value at `path` in plain data. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    // Own keys only: `constructor` or `__proto__` in a plan is a key, not Object's member.
    else if (isRecord(current) && Object.hasOwn(current, String(segment))) {
      current = current[String(segment)];
    } else if (isRecord(current)) return undefined;
    else return undefined;
  }
  return current;
}

function named(kind: string, item: unknown, index: number): string {
  const id = isRecord(item) ? item.id : undefined;
  return typeof id === "string" && id.length > 0 && id.length <= 80
    ? `${kind} "${id}"`
    : `${kind} ${index + 1}`;
}

/**
 * Splits a path into the entity it belongs to (goal, objective, milestone, deliverable,
 * criterion, settings) and the rest of the path inside that entity.
 */
export function subjectOf(
  data: unknown,
  path: readonly PathSegment[],
): { subject: string | null; rest: PathSegment[] } {
  const [top, i, sub, j] = path;
  if (top === "goals" && typeof i === "number") {
    const goal = valueAt(data, ["goals", i]);
    if (sub === "objectives" && typeof j === "number") {
      const objective = valueAt(goal, ["objectives", j]);
      return { subject: named("objective", objective, j), rest: path.slice(4) };
    }
    return { subject: named("goal", goal, i), rest: path.slice(2) };
  }
  if (top === "milestones" && typeof i === "number") {
    return {
      subject: named("milestone", valueAt(data, ["milestones", i]), i),
      rest: path.slice(2),
    };
  }
  if (top === "deliverables" && typeof i === "number") {
    const deliverable = named("deliverable", valueAt(data, ["deliverables", i]), i);
    if (sub === "criteria" && typeof j === "number") {
      return { subject: `${deliverable} criterion ${j + 1}`, rest: path.slice(4) };
    }
    return { subject: deliverable, rest: path.slice(2) };
  }
  if (top === "risks" && typeof i === "number") {
    return { subject: named("risk", valueAt(data, ["risks", i]), i), rest: path.slice(2) };
  }
  if (top === "settings") return { subject: "settings", rest: path.slice(1) };
  return { subject: null, rest: [...path] };
}

/** `"review.approvers"`, or `entry 2 of "review.approvers"` for a list item. */
export function fieldLabel(rest: readonly PathSegment[]): string {
  const keys: string[] = [];
  let entry: number | undefined;
  for (const segment of rest) {
    if (typeof segment === "number") entry = segment;
    else {
      if (entry !== undefined) keys.push(`[${entry + 1}]`);
      entry = undefined;
      keys.push(segment);
    }
  }
  const name = `"${keys.join(".").replaceAll(".[", "[")}"`;
  return entry === undefined ? name : `entry ${entry + 1} of ${name}`;
}

/** `milestone "x": "due"` or just `"due"` at the top level. */
export function where(data: unknown, path: readonly PathSegment[]): string {
  const { subject, rest } = subjectOf(data, path);
  if (rest.length === 0) return subject ?? "the plan";
  return subject === null ? fieldLabel(rest) : `${subject}: ${fieldLabel(rest)}`;
}

/** A short rendering of a value the user wrote. */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") {
    const text = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(text);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "binary data";
  if (isRecord(value)) return "a map";
  return String(value);
}

// zod's internals are typed loosely on purpose; we only read `def` to describe fields.
type AnyDef = {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  checks?: { _zod: { def: { check?: string; format?: string; pattern?: RegExp } } }[];
};
function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
}

/** Removes optional/default/prefault/nullable wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let guard = 0; guard < 10; guard++) {
    const def = defOf(current);
    if (!def.innerType || !["optional", "default", "prefault", "nullable"].includes(def.type)) {
      break;
    }
    current = def.innerType;
  }
  return current;
}

/** The schema of the field at `path` under `root`, if the path stays inside objects and arrays. */
export function schemaAt(root: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(unwrap(current));
    if (def.type === "object" && typeof segment === "string") current = def.shape?.[segment];
    else if (def.type === "array" && typeof segment === "number") current = def.element;
    else return undefined;
  }
  return current;
}

/** The keys an object schema allows (for "did you mean"). */
export function keysOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** Which special string a field holds, from its regex. */
export function patternKind(schema: z.ZodType | undefined): "date" | "id" | "target" | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  for (const check of def.checks ?? []) {
    const source = check._zod.def.pattern?.source;
    if (source === DATE_PATTERN.source) return "date";
    if (source === ID_PATTERN.source) return "id";
    if (source === TARGET_PATTERN.source) return "target";
  }
  return undefined;
}

const PATTERN_WORDS = {
  date: "a date YYYY-MM-DD",
  id: 'a lowercase id (letters a-z, digits, ".", "_" and "-", starting with a letter or digit)',
  target: 'a comparison and a number, such as "<= 4" (one of <, <=, >, >=, ==)',
} as const;

/** What a field expects, in words: "a date YYYY-MM-DD", "a list", `one of "auto", "manual"`. */
export function expected(schema: z.ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  const kind = patternKind(schema);
  if (kind) return PATTERN_WORDS[kind];
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case "string":
      return "text";
    case "number":
      return (def.checks ?? []).some((c) => c._zod.def.format === "safeint")
        ? "a whole number"
        : "a number";
    case "int":
      return "a whole number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
    case "record":
      return "a map";
    case "literal": {
      const values = def.values ?? [];
      return values.map((v) => JSON.stringify(v)).join(" or ");
    }
    case "enum": {
      const values = Object.values(def.entries ?? {});
      return `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
    }
    default:
      return undefined;
  }
}

/** A slug close to `value`, to suggest when an id is not one. */
export function slugify(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/-+$/, "");
}
