/**
 * Parsed plans kept per blob: a long-running process (the App) reads the same plan on every
 * event until someone commits a change to it, and loading a plan (YAML with positions, schema,
 * validation) is the costly part of an evaluation that does not depend on GitHub's state. The
 * key is the git blob SHA of the plan's text (what `git hash-object` prints) and its path (the
 * findings name the path), so a changed plan is loaded afresh and an unchanged one once per
 * process. Bounded: the least recently used entry goes first.
 */
import { createHash } from "node:crypto";
import { loadPlan, type PlanLoadResult } from "../plan/load.ts";

/** Entries kept by default: plenty for the installations one process serves at once. */
export const PLAN_CACHE_SIZE = 100;

/** The git blob SHA-1 of `text` (UTF-8), as `git hash-object` computes it. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export class PlanCache {
  private readonly entries = new Map<string, PlanLoadResult>();
  private hits = 0;
  private misses = 0;

  readonly size: number;

  constructor(size: number = PLAN_CACHE_SIZE) {
    this.size = size;
  }

  /** The plan loaded from `text` at `path`: from the cache when this blob was loaded before. */
  load(params: { text: string; path: string }): PlanLoadResult {
    const key = `${blobSha(params.text)}:${params.path}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      // Most recently used goes last.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    const loaded = loadPlan(params);
    this.entries.set(key, loaded);
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return loaded;
  }

  /** How many loads were answered from the cache, and how many parsed a plan. */
  stats(): { hits: number; misses: number; entries: number } {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size };
  }
}

/** The App process's cache (one per process; the Action and the CLI load a plan once anyway). */
export const appPlanCache = new PlanCache();
