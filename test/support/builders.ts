/** Plain-object builders shared by the core's table-driven tests: schema defaults applied, no files, no HTTP. */

import { type Snapshot, snapshotSchema } from "../../src/model/snapshot.ts";
import { type Plan, planSchema } from "../../src/plan/schema.ts";

/** A plan from a plain object, with the schema's defaults applied (as loadPlan would). */
export function plan(input: Record<string, unknown>): Plan {
  return planSchema.parse({ version: 1, ...input });
}

/** A snapshot from a plain object, with the schema's defaults applied. */
export function snapshot(input: Record<string, unknown> = {}): Snapshot {
  return snapshotSchema.parse({
    version: 1,
    repository: "acme/canteen",
    defaultBranch: "main",
    fetchedAt: "2026-03-01T12:00:00Z",
    ...input,
  });
}
