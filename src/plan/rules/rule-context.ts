/**
 * What every validation rule shares: the findings it adds to (positioned in the plan file)
 * and the plan's entries read defensively from the raw data (any field may have the wrong
 * type when the schema failed).
 */
import type { Finding, FindingCode } from "../../model/findings.ts";
import { findingAt, type PlanContext, suggestIn } from "../plan-context.ts";
import { type PathSegment, positionOf } from "../positions.ts";

/** One goal, objective, milestone or deliverable as written, with its place in the file. */
export interface Entry {
  id?: string;
  path: PathSegment[];
  raw: Record<string, unknown>;
}

/** One id written in a reference list (`deliverables`, `requires`). */
export interface Reference {
  value: string;
  path: PathSegment[];
}

/** Collects the findings of all rules of one validation run. */
export class Rules {
  readonly findings: Finding[] = [];
  readonly ctx: PlanContext;
  constructor(ctx: PlanContext) {
    this.ctx = ctx;
  }

  /** ` — did you mean "x"?` for a misspelt reference, or "" (also once the budget is spent). */
  suggest(input: string, candidates: Iterable<string>): string {
    return suggestIn(this.ctx, input, candidates);
  }

  error(path: PathSegment[], code: FindingCode, message: string): void {
    this.findings.push(findingAt({ ctx: this.ctx, path, code, message }));
  }

  warn(path: PathSegment[], code: FindingCode, message: string): void {
    this.findings.push(findingAt({ ctx: this.ctx, path, code, message, severity: "warning" }));
  }

  line(path: PathSegment[]): number {
    return positionOf({ doc: this.ctx.doc, lineCounter: this.ctx.lineCounter, path }).line;
  }
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function references(entry: Entry, key: string): Reference[] {
  const list = entry.raw[key];
  // A single id where a list belongs is a schema error already; still count it as a
  // reference so it does not also cause "in no milestone" noise.
  if (typeof list === "string") return [{ value: list, path: [...entry.path, key] }];
  if (!Array.isArray(list)) return [];
  const out: Reference[] = [];
  list.forEach((value, i) => {
    if (typeof value === "string") out.push({ value, path: [...entry.path, key, i] });
  });
  return out;
}

/** How a message names an entry: by its id, or by its place when it has none. */
export function name(kind: string, entry: Entry): string {
  return entry.id === undefined
    ? `${kind} ${Number(entry.path.at(-1)) + 1}`
    : `${kind} "${entry.id}"`;
}

/** Where a finding about a whole entry points: its id, or the entry itself. */
export function idPath(entry: Entry): PathSegment[] {
  return entry.id === undefined ? entry.path : [...entry.path, "id"];
}
