import type { Snapshot } from "./schema.ts";

export type SnapshotReadResult = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

/**
 * Parses and validates snapshot JSON. On failure the error names the file, the first bad
 * field by its JSON path (e.g. `$.issues[3].state`), what was expected, and how to fix it.
 */
export function parseSnapshot(params: { text: string; path: string }): SnapshotReadResult {
  void params;
  throw new Error("not implemented: parseSnapshot");
}
