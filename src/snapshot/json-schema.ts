/**
 * The repository snapshot's JSON Schema, generated from `schema.ts` and committed as
 * `schema/snapshot.schema.json` (kept fresh by a test).
 */
import { z } from "zod";
import { snapshotSchema } from "./schema.ts";

export const SNAPSHOT_SCHEMA_URL =
  "https://raw.githubusercontent.com/plan-align/plan-align/main/schema/snapshot.schema.json";

export function snapshotJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(snapshotSchema, { io: "input" }) as Record<
    string,
    unknown
  >;
  return {
    $schema,
    $id: SNAPSHOT_SCHEMA_URL,
    title: "plan-align repository snapshot, version 1",
    ...rest,
  };
}
