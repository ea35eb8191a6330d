/**
 * Regenerates the committed JSON Schemas from the zod schemas:
 *   npm run schema
 * `test/plan/json-schema.test.ts` fails when the committed files differ from this output.
 */
import { writeFileSync } from "node:fs";
import { reportJsonSchema } from "../src/model/report.ts";
import { snapshotJsonSchema } from "../src/model/snapshot.ts";
import { planJsonSchema } from "../src/plan/json-schema.ts";

/** The exact text committed for a schema: pretty JSON with a trailing newline. */
export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export const SCHEMA_FILES = {
  "schema/plan.schema.json": planJsonSchema,
  "schema/snapshot.schema.json": snapshotJsonSchema,
  "schema/report.schema.json": reportJsonSchema,
} as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL("../", import.meta.url);
  for (const [path, make] of Object.entries(SCHEMA_FILES)) {
    writeFileSync(new URL(path, root), schemaText(make()));
    process.stdout.write(`wrote ${path}\n`);
  }
}
