/**
 * An objective's measure: a number read from a JSON or YAML file of the default branch at a
 * dotted path, compared with its target. Every way this can fail becomes a reason in words.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Snapshot } from "../model/snapshot.ts";
import { ownFile } from "../model/snapshot.ts";

import { type Staleness, staleness } from "./freshness.ts";

/** What reading a measure needs: the files, and a per-evaluation cache of parsed ones. */
export interface MeasureSource {
  snapshot: Snapshot;
  dataFiles: Map<string, DataFile>;
}

/** A measure's target: a comparison operator, then a number. */
export const TARGET_PATTERN = /^\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

export const measureSchema = z
  .strictObject({
    file: z
      .string()
      .min(1)
      .describe("Repository path of a JSON or YAML file, read from the default branch."),
    path: z
      .string()
      .min(1)
      .describe("Dotted path to the number inside the file, e.g. `queue.avg_wait_minutes`."),
    baseline: z.number().optional().describe("The value when the objective was set (for reports)."),
    target: z
      .string()
      .regex(TARGET_PATTERN)
      .describe(
        "What counts as met: one of `<`, `<=`, `>`, `>=`, `==`, then a number, e.g. `<= 4`.",
      ),
    max_age_days: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        "Evidence must be fresh: when the file was last changed on the default branch more than this many days ago (or when is unknown), the measure is stale and never met.",
      ),
  })
  .describe("How the objective is measured: a number in a file of the repository.");

export type Measure = z.output<typeof measureSchema>;

export type DataFile = { ok: true; data: unknown } | { ok: false; reason: string };

export type MeasureReading =
  | {
      ok: true;
      value: number;
      met: boolean;
      /** Set when the measure has `max_age_days` and its data is too old or undated: never met. */
      stale?: Staleness;
    }
  | { ok: false; value: null; reason: string };

export interface Target {
  op: "<" | "<=" | ">" | ">=" | "==";
  bound: number;
}

/** `"<= 4"` → `{ op: "<=", bound: 4 }`, or null when malformed. */
export function parseTarget(target: string): Target | null {
  const m = TARGET_PATTERN.exec(target);
  if (!m) return null;
  return { op: m[1] as Target["op"], bound: Number(m[2]) };
}

export function meetsTarget(value: number, target: Target): boolean {
  switch (target.op) {
    case "<":
      return value < target.bound;
    case "<=":
      return value <= target.bound;
    case ">":
      return value > target.bound;
    case ">=":
      return value >= target.bound;
    case "==":
      return value === target.bound;
  }
}

function readDataFile(ctx: MeasureSource, path: string): DataFile {
  const cached = ctx.dataFiles.get(path);
  if (cached) return cached;
  const text = ownFile(ctx.snapshot.files, path);
  let result: DataFile;
  if (text === undefined) {
    result = { ok: false, reason: `${path} does not exist on the default branch` };
  } else {
    const json = path.toLowerCase().endsWith(".json");
    const parsed = parseData(text, json);
    result = parsed.ok
      ? parsed
      : { ok: false, reason: `${path} is not valid ${json ? "JSON" : "YAML"} (${parsed.message})` };
  }
  ctx.dataFiles.set(path, result);
  return result;
}

type Parsed = { ok: true; data: unknown } | { ok: false; message: string };

/**
 * Parsed measure files by their text, kept across evaluations: a file's text is what its blob
 * SHA names, and the App evaluates on every event while a measure file rarely changes, so a
 * file is parsed once per content, as the plan is once per blob. Bounded in count and in the
 * size of a text kept; the parsed data is only ever read (`followPath`).
 */
const parsedFiles = { json: new Map<string, Parsed>(), yaml: new Map<string, Parsed>() };
const MAX_PARSED_FILES = 256;
const MAX_PARSED_TEXT = 64 * 1024;

function parseData(text: string, json: boolean): Parsed {
  const kept = json ? parsedFiles.json : parsedFiles.yaml;
  let parsed = kept.get(text);
  if (parsed) return parsed;
  try {
    parsed = { ok: true, data: json ? JSON.parse(text) : parseYaml(text) };
  } catch (error) {
    parsed = { ok: false, message: messageOf(error) };
  }
  if (text.length <= MAX_PARSED_TEXT) {
    if (kept.size >= MAX_PARSED_FILES) kept.clear();
    kept.set(text, parsed);
  }
  return parsed;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}

/**
 * Follows a dotted path: `queue.avg_wait_minutes`, `runs.0.value` (a numeric segment
 * indexes an array). Object keys are own properties only, so `constructor` or `__proto__`
 * in a path find nothing.
 */
export function followPath(
  data: unknown,
  path: string,
): { found: true; value: unknown } | { found: false; at: string } {
  let current = data;
  const segments = path.split(".");
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? "";
    const at = segments.slice(0, i + 1).join(".");
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return { found: false, at };
      const n = Number(segment);
      if (n >= current.length) return { found: false, at };
      current = current[n];
    } else if (current !== null && typeof current === "object") {
      if (!Object.hasOwn(current, segment)) return { found: false, at };
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false, at };
    }
  }
  return { found: true, value: current };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "string") return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "number") return String(value);
  return `${typeof value} ${String(value)}`;
}

/** Reads a measure and judges it against its target. */
export function readMeasure(ctx: MeasureSource, measure: Measure): MeasureReading {
  const file = readDataFile(ctx, measure.file);
  if (!file.ok) return { ok: false, value: null, reason: file.reason };
  const found = followPath(file.data, measure.path);
  if (!found.found) {
    const where = found.at === measure.path ? "" : ` (nothing at "${found.at}")`;
    return {
      ok: false,
      value: null,
      reason: `${measure.file} has no value at "${measure.path}"${where}`,
    };
  }
  const value = found.value;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return {
      ok: false,
      value: null,
      reason: `"${measure.path}" in ${measure.file} is ${describeValue(value)}, not a number`,
    };
  }
  const target = parseTarget(measure.target);
  if (!target) {
    return { ok: false, value: null, reason: `target "${measure.target}" is not understood` };
  }
  const stale = staleness({ ctx, measure });
  if (stale) return { ok: true, value, met: false, stale };
  return { ok: true, value, met: meetsTarget(value, target) };
}
