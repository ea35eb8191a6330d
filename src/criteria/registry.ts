/**
 * The criterion kinds. Adding a kind is one new module (see `kind.ts`) and one line here;
 * everything else — the plan's schema and JSON Schema, validation, what the loader reads,
 * evaluation, the merge projection, the plan diff and the names in reports — reads this list.
 */
import { z } from "zod";
import { checksKind } from "./checks.ts";
import { fileKind } from "./file.ts";
import { issuesKind } from "./issues.ts";
import type { CriterionKind } from "./kind.ts";
import { objectiveKind } from "./objective.ts";
import { pullRequestsKind } from "./pull-requests.ts";

export const CRITERION_KINDS = [
  issuesKind,
  fileKind,
  checksKind,
  pullRequestsKind,
  objectiveKind,
] as const;

type Kinds = typeof CRITERION_KINDS;
type Schemas = {
  -readonly [I in keyof Kinds]: Kinds[I] extends { schema: infer S } ? S : never;
};

export const criterionSchema = z
  .union(CRITERION_KINDS.map((kind) => kind.schema) as unknown as Schemas)
  .describe("One completion criterion: a map with exactly one kind key and its modifiers.");

export type Criterion = z.output<typeof criterionSchema>;
export type CriterionKindKey = Kinds[number]["key"];

/** The kind keys, in the order the plan format lists them. */
export const KIND_KEYS: readonly CriterionKindKey[] = CRITERION_KINDS.map((kind) => kind.key);

const BY_KEY = new Map<string, CriterionKind>(CRITERION_KINDS.map((kind) => [kind.key, kind]));

/** The kind named by `key`, when it is a kind key (own lookup: `toString` is not a kind). */
export function kindByKey(key: string): CriterionKind | undefined {
  return BY_KEY.get(key);
}

/**
 * The kind module of a (schema-valid) criterion. Typed as the general interface: each kind's
 * functions accept exactly its own criteria, which holds because the kind is found by the key
 * that its schema requires.
 */
export function kindOf(criterion: Criterion): CriterionKind<string, z.ZodObject> {
  // Indexed: a `for…of` here allocated an iterator and a result per step, measured, for every
  // criterion of every evaluation.
  for (let i = 0; i < CRITERION_KINDS.length; i++) {
    const kind = CRITERION_KINDS[i] as (typeof CRITERION_KINDS)[number];
    if (Object.hasOwn(criterion, kind.key)) return kind as unknown as CriterionKind;
  }
  // Unreachable for a criterion that passed the schema: each has exactly one kind key.
  throw new Error(`criterion has no kind key (${Object.keys(criterion).join(", ")})`);
}

/** The modifiers a kind takes besides its key and `name`, read from its schema. */
export function modifiersOf(kind: CriterionKind): string[] {
  return Object.keys(kind.schema.shape).filter((k) => k !== kind.key && k !== "name");
}
