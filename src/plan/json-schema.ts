/**
 * The plan's JSON Schema, generated from the zod schema in `schema.ts` so editors check
 * the same format the loader does. `scripts/gen-schema.ts` writes it to
 * `schema/plan.schema.json`; a test fails when that committed file is stale.
 */
import { z } from "zod";
import { criterionSchema } from "../criteria/registry.ts";
import { planSchema } from "./schema.ts";

/** Where the committed schema is published (the `$id`, and the editor comment's URL). */
export const PLAN_SCHEMA_URL =
  "https://raw.githubusercontent.com/plan-align/plan-align/main/schema/plan.schema.json";

export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(planSchema, {
    // "input": what a user may write, so keys with defaults are optional.
    io: "input",
    override: (ctx) => {
      // The kinds exclude each other (each requires its own kind key and allows no other),
      // so "exactly one" is the honest statement and editors then name the kind that fits.
      if (ctx.zodSchema === criterionSchema && Array.isArray(ctx.jsonSchema.anyOf)) {
        ctx.jsonSchema.oneOf = ctx.jsonSchema.anyOf;
        delete ctx.jsonSchema.anyOf;
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PLAN_SCHEMA_URL,
    title: "plan-align plan, version 1",
    ...rest,
  };
}
