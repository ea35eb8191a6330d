/**
 * Reads a repository snapshot (docs/evaluation.md) from JSON text. Errors are one line each,
 * `FILE:LINE:COL: error: …`: JSON syntax errors say what the parser expected there;
 * schema errors name the first bad field by its JSON path (`$.issues[3].state`), what
 * was expected and what was found, and how to fix it. Never a zod issue dump.
 */
import { z } from "zod";
import {
  type Snapshot,
  snapshotIssueSchema,
  snapshotPullRequestSchema,
  snapshotSchema,
} from "../model/snapshot.ts";
import { isCanonicalIssue, isCanonicalPullRequest } from "../model/snapshot-canonical.ts";
import { flowPositionOf } from "../plan/positions.ts";

export type SnapshotReadResult = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

type Segment = string | number;

// ---------------------------------------------------------------------------------------
// A small JSON checker, used only after JSON.parse failed, to say where and why in words
// (JSON.parse does the real parsing). The yaml package cannot say it: it accepts trailing
// commas and single quotes, which JSON refuses.

class JsonStop {
  readonly offset: number;
  readonly problem: string;
  constructor(offset: number, problem: string) {
    this.offset = offset;
    this.problem = problem;
  }
}

function scanJson(text: string): JsonStop | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const fail = (problem: string): never => {
    throw new JsonStop(i, problem);
  };
  const describeHere = () => {
    if (i >= text.length) return "the end of the file";
    return text[i] === '"' ? "a string" : JSON.stringify(text[i]);
  };

  const string = () => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            fail("a \\u escape needs four hex digits");
          }
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(`invalid escape "\\${next ?? ""}" in a string`);
      } else if (ch.charCodeAt(0) < 0x20) {
        fail("a line break or control character inside a string — write it as \\n or \\t");
      } else i++;
    }
    i = start; // point at where the unclosed string begins, not at the end of the file
    fail("a string is not closed — add the closing double quote");
  };

  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail(`expected a value, found ${describeHere()}`);
    else i += match[0].length;
  };

  const value = (depth: number): void => {
    if (depth > 1000) fail("the JSON is nested too deeply");
    ws();
    const ch = text[i];
    if (ch === "{") object(depth);
    else if (ch === "[") array(depth);
    else if (ch === '"') string();
    else if (ch === "-" || (ch >= "0" && ch <= "9")) number();
    else {
      for (const word of ["true", "false", "null"]) {
        if (text.startsWith(word, i)) {
          i += word.length;
          return;
        }
      }
      if (ch === "'") fail("strings in JSON use double quotes, not single quotes");
      fail(`expected a value, found ${describeHere()}`);
    }
  };

  const object = (depth: number) => {
    i++;
    ws();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') {
        fail(
          text[i] === "}"
            ? "a comma before } — remove the trailing comma"
            : `expected a property name in double quotes, found ${describeHere()}`,
        );
      }
      string();
      ws();
      if (text[i] !== ":") fail(`expected ":" after the property name, found ${describeHere()}`);
      i++;
      value(depth + 1);
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fail(`expected "," or "}" after a property value, found ${describeHere()}`);
    }
  };

  const array = (depth: number) => {
    i++;
    ws();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === "]") fail("a comma before ] — remove the trailing comma");
      value(depth + 1);
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fail(`expected "," or "]" after a list item, found ${describeHere()}`);
    }
  };

  try {
    if (text.length === 0 || /^\s*$/.test(text)) fail("the file is empty — expected a JSON object");
    value(0);
    ws();
    if (i < text.length) fail(`unexpected ${describeHere()} after the end of the JSON value`);
    return undefined;
  } catch (stop) {
    if (stop instanceof JsonStop) return stop;
    throw stop;
  }
}

function linePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------------------------------
// Schema errors in words.

/** `$.issues[3].state` */
export function jsonPath(path: readonly Segment[]): string {
  return `$${path.map((s) => (typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join("")}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isRecord(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
  null: "null",
};

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    case "invalid_value":
      return issue.values.map((v) => JSON.stringify(v)).join(" or ");
    case "invalid_format":
      return issue.format === "datetime"
        ? 'a timestamp such as "2026-03-01T12:00:00Z"'
        : `a ${issue.format} value`;
    case "too_small":
      return `at least ${String(issue.minimum)}`;
    case "too_big":
      return `at most ${String(issue.maximum)}`;
    default:
      return issue.message.replace(/^Invalid input: /, "");
  }
}

function schemaError(params: {
  text: string;
  path: string;
  data: unknown;
  issue: z.core.$ZodIssue;
}): string {
  const { text, data, issue } = params;
  const segments = issue.path.filter(
    (s): s is Segment => typeof s === "string" || typeof s === "number",
  );
  const value = valueAt(data, segments);
  const parent = valueAt(data, segments.slice(0, -1));
  const last = segments.at(-1);
  const missing =
    value === undefined && isRecord(parent) && typeof last === "string" && !(last in parent);
  const what = expectation(issue);
  const message = missing
    ? `${jsonPath(segments)} is missing: expected ${what} — add the "${String(last)}" field`
    : `${jsonPath(segments)}: expected ${what}, got ${show(value)} — set it to ${what}`;
  return `${params.path}:${positionOfPath(text, missing ? segments.slice(0, -1) : segments)}: error: ${message} (format: schema/snapshot.schema.json)`;
}

/**
 * `LINE:COL` of the value at `path` (or of the nearest object or list that holds it). Found
 * only here, on the error path: a valid snapshot (which can be 100+ MB) is read by
 * JSON.parse alone.
 */
function positionOfPath(text: string, path: readonly Segment[]): string {
  const { line, column } = flowPositionOf({ text, path });
  return `${line}:${column}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isRealDay(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `dueOn` is a free string in the schema; here it must be a day or a GitHub timestamp. */
function badDueOn(snapshot: Snapshot): number | undefined {
  const index = snapshot.milestones.findIndex(
    (m) =>
      m.dueOn !== null &&
      !isRealDay(m.dueOn) &&
      !(TIMESTAMP.test(m.dueOn) && !Number.isNaN(Date.parse(m.dueOn))),
  );
  return index >= 0 ? index : undefined;
}

/** The own `__proto__` entry of a parsed JSON object, when it is a string. */
function protoEntry(source: unknown): string | undefined {
  if (typeof source !== "object" || source === null || !Object.hasOwn(source, "__proto__")) {
    return undefined;
  }
  const value: unknown = Object.getOwnPropertyDescriptor(source, "__proto__")?.value;
  return typeof value === "string" ? value : undefined;
}

function putProtoEntry(target: Record<string, string> | undefined, source: unknown): void {
  const value = protoEntry(source);
  if (target === undefined || value === undefined) return;
  Object.defineProperty(target, "__proto__", {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * zod leaves a "__proto__" key out of the records it builds (assigning it would replace the
 * object's prototype). In a snapshot it is a file or check of that name like any other, so
 * it is put back as a plain own entry: a file named __proto__ that exists is not missing.
 */
function keepProtoEntries(raw: unknown, snapshot: Snapshot): void {
  const field = (value: unknown, key: string): unknown =>
    typeof value === "object" && value !== null && Object.hasOwn(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  putProtoEntry(snapshot.files, field(raw, "files"));
  putProtoEntry(snapshot.checks, field(raw, "checks"));
  const pulls = field(raw, "pullRequests");
  snapshot.pullRequests.forEach((pull, i) => {
    const rawPull = Array.isArray(pulls) ? pulls[i] : undefined;
    putProtoEntry(pull.headFiles, field(rawPull, "headFiles"));
    putProtoEntry(pull.headChecks, field(rawPull, "headChecks"));
  });
}

/**
 * The path of a "__proto__" file or check whose value is not a string. zod never sees that
 * key (it leaves it out of the records it builds), so a wrong type there would pass unseen.
 */
function badProtoEntry(raw: unknown): Segment[] | undefined {
  const bad = (value: unknown): boolean =>
    isRecord(value) &&
    Object.hasOwn(value, "__proto__") &&
    typeof Object.getOwnPropertyDescriptor(value, "__proto__")?.value !== "string";
  if (!isRecord(raw)) return undefined;
  for (const key of ["files", "checks"]) if (bad(raw[key])) return [key, "__proto__"];
  const pulls = raw.pullRequests;
  if (!Array.isArray(pulls)) return undefined;
  for (const [i, pull] of pulls.entries()) {
    if (!isRecord(pull)) continue;
    for (const key of ["headFiles", "headChecks"]) {
      if (bad(pull[key])) return ["pullRequests", i, key, "__proto__"];
    }
  }
  return undefined;
}

/** The snapshot's own fields, with its two big lists taken as they are (validated beforehand). */
const shellSchema = snapshotSchema.extend({
  issues: z.array(z.unknown()).default([]),
  pullRequests: z.array(z.unknown()).default([]),
});

/**
 * Validates a parsed snapshot without making a second copy of it that lives: each issue and
 * pull request is validated on its own, and the parsed object is made equal to its validated
 * copy (defaults added, unknown fields dropped) and kept. The copy dies young, cheap to
 * collect, so the process holds one snapshot, not two (at 200,000 issues, most of its memory).
 * Null when something is invalid: the caller validates the whole snapshot again, which gives
 * the same first error as before (the elements already adjusted are valid both ways).
 */
function parseInPlace(data: unknown): { success: true; data: Snapshot } | null {
  if (!isRecord(data)) return null;
  for (const [key, schema, canonical] of [
    ["issues", snapshotIssueSchema, isCanonicalIssue],
    ["pullRequests", snapshotPullRequestSchema, isCanonicalPullRequest],
  ] as const) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return null;
    for (const raw of list) {
      // Already what the schema would make of it (the loader's output): nothing to copy.
      if (canonical(raw)) continue;
      const item = schema.safeParse(raw);
      if (!item.success || !isRecord(raw)) return null;
      adopt(raw, item.data);
    }
  }
  const shell = shellSchema.safeParse(data);
  return shell.success ? { success: true, data: shell.data as Snapshot } : null;
}

/** Makes `raw` deeply equal to `valid`, keeping its own arrays and maps where they hold the same values. */
function adopt(raw: Record<string, unknown>, valid: Record<string, unknown>): void {
  for (const key of Object.keys(raw)) if (!Object.hasOwn(valid, key)) delete raw[key];
  for (const key of Object.keys(valid)) {
    if (Object.hasOwn(raw, key) && sameValues(raw[key], valid[key])) continue;
    const before = raw[key];
    raw[key] = valid[key];
    // A file or check named "__proto__" (a head file, a head check) is kept as an own entry.
    const after = raw[key];
    if (isRecord(after)) putProtoEntry(after as Record<string, string>, before);
  }
}

/** Equal primitives, or arrays or maps of the same primitives. */
function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

export function parseSnapshot(params: { text: string; path: string }): SnapshotReadResult {
  const { path } = params;
  const text = params.text.startsWith("\uFEFF") ? params.text.slice(1) : params.text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    let stop: JsonStop | undefined;
    try {
      stop = scanJson(text);
    } catch {
      stop = undefined;
    }
    const detail = error instanceof Error ? error.message : String(error);
    const { line, column } = linePosition(text, stop?.offset ?? 0);
    return {
      ok: false,
      error: `${path}:${line}:${column}: error: invalid JSON: ${stop?.problem ?? detail}`,
    };
  }
  const proto = badProtoEntry(data);
  if (proto) {
    const value = Object.getOwnPropertyDescriptor(valueAt(data, proto.slice(0, -1)), "__proto__");
    const message = `${jsonPath(proto)}: expected a string, got ${show(value?.value)} — set it to a string (format: schema/snapshot.schema.json)`;
    return { ok: false, error: `${path}:${positionOfPath(text, proto)}: error: ${message}` };
  }
  const parsed = parseInPlace(data) ?? snapshotSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, error: schemaError({ text, path, data, issue: parsed.error.issues[0] }) };
  }
  const due = badDueOn(parsed.data);
  if (due !== undefined) {
    const segments = ["milestones", due, "dueOn"];
    const message = `${jsonPath(segments)}: expected a date "YYYY-MM-DD", a timestamp such as "2026-06-01T07:00:00Z", or null, got ${show(parsed.data.milestones[due].dueOn)} — change this value`;
    return { ok: false, error: `${path}:${positionOfPath(text, segments)}: error: ${message}` };
  }
  keepProtoEntries(data, parsed.data);
  return { ok: true, snapshot: parsed.data };
}
