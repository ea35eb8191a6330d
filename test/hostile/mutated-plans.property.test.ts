/**
 * Structural mutations of the canteen plan (examples/canteen/plan.yml): the plan is parsed,
 * its tree is changed — keys dropped, duplicated, renamed; values swapped for other types;
 * references pointed at ids that do not exist, at themselves, or at look-alikes — and written
 * back as YAML. loadPlan must answer every one with well-formed, positioned findings (or
 * accept it) and never throw; values and keys include control characters and the names
 * every object inherits (`__proto__`, `constructor`, `toString`, `hasOwnProperty`), and no
 * printed finding carries a raw control character (expectWellFormed). Seeded: a failure prints its seed and path and reproduces.
 *
 * (test/plan/never-throws.property.test.ts mutates the TEXT; this one mutates the STRUCTURE,
 * which reaches the schema and cross-reference rules rather than the YAML parser.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadPlan } from "../../src/plan/load.ts";
import { expectWellFormed } from "./support.ts";

const SEED = 0x7e57_4a7;
const CANTEEN = readFileSync(join(import.meta.dirname, "../../examples/canteen/plan.yml"), "utf8");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a node of the tree (the root is []). */
function paths(node: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      paths(child, [...at, i], out);
    });
  } else if (node !== null && typeof node === "object")
    for (const [k, v] of Object.entries(node)) paths(v, [...at, k], out);
  return out;
}

function get(root: Json, path: (string | number)[]): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, Json>)[key];
  }
  return node;
}

/** Values of other types, and hostile strings, to swap in. */
const replacement: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    0,
    -1,
    1.5,
    1e308,
    "",
    "2026-02-30",
    "1e400",
    "<= four",
    "(a+)+$",
    "queue-displаy", // Cyrillic а
    "requirements-approved",
    "wait-minus-2",
    "queue-display",
    [],
    {},
    ["requirements-doc", "requirements-doc"],
    { issues: "closed", file: "x.md" },
    { "": "" },
    // Control characters and prototype names, as plain values, paths and file names.
    "a\nb",
    "x\r\n.github/plan.yml:1:1: warning: forged",
    "\u000b\u000c\u0007\u001b[31m",
    "\u202egnp.exe\u2066",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "constructor.name",
    "__proto__.toString",
    ["/", "./", "!"],
    ["__proto__/**", "constructor", "!toString"],
    ["docs/\n.md", "src/\u001b/**"],
    { file: "__proto__", headings: ["toString"] },
    { file: "constructor", contains: ["function"] },
    { checks: ["__proto__", "hasOwnProperty"] },
    { file: "hasOwnProperty", path: "__proto__.constructor", target: ">= 1" },
  ),
  fc.string({
    unit: fc.constantFrom("a", "\n", "\r", "\u001b", "\u202e", "_", "/", "."),
    maxLength: 12,
  }),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
);

/** Keys the plan format knows, and near-misses of them, to rename keys into. */
const keyName = fc.oneof(
  fc.constantFrom(
    "id",
    "title",
    "due",
    "requires",
    "deliverables",
    "criteria",
    "objective",
    "objectives",
    "issues",
    "file",
    "checks",
    "pull_requests",
    "min",
    "approvals",
    "headings",
    "contains",
    "measure",
    "target",
    "label",
    "paths",
    "review",
    "close",
    "settings",
    "version",
    "isues",
    "Title",
    "<<",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "id\n",
    "",
  ),
  fc.string({ maxLength: 10 }),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), at: fc.nat(), to: keyName }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant("reference" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("wrap" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Applies one mutation at the node chosen by `at` (modulo the number of nodes). */
function mutate(root: Json, m: Mutation): Json {
  const all = paths(root);
  const path = all[m.at % all.length] ?? [];
  if (path.length === 0) {
    // The root itself: only a replacement makes sense (a plan that is not a map).
    return m.kind === "replace" ? m.value : root;
  }
  const parent = get(root, path.slice(0, -1)) as Json;
  const key = path[path.length - 1] as string | number;
  if (parent === null || typeof parent !== "object") return root;
  const node = get(root, path) as Json;
  const copy = () => structuredClone(node);
  if (Array.isArray(parent)) {
    const i = key as number;
    switch (m.kind) {
      case "drop":
        parent.splice(i, 1);
        break;
      case "duplicate":
        parent.splice(i, 0, copy());
        break;
      case "replace":
        parent[i] = m.value;
        break;
      case "wrap":
        parent[i] = [copy()];
        break;
      case "rename":
      case "reference":
        parent[i] = referenceTo(root, m.at + (m.kind === "reference" ? m.other : 0));
        break;
    }
    return root;
  }
  const map = parent as Record<string, Json>;
  const k = String(key);
  switch (m.kind) {
    case "drop":
      delete map[k];
      break;
    case "duplicate":
      // YAML maps cannot hold a key twice in data; the sibling gets a copy under a new key.
      map[`${k}_copy`] = copy();
      break;
    case "rename":
      delete map[k];
      Object.defineProperty(map, m.to, {
        value: node,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      break;
    case "replace":
      map[k] = m.value;
      break;
    case "reference":
      map[k] = referenceTo(root, m.other);
      break;
    case "wrap":
      map[k] = { [k]: copy() };
      break;
  }
  return root;
}

/** An id defined somewhere in the plan (a valid-looking reference to the wrong kind of thing). */
function referenceTo(root: Json, pick: number): Json {
  const ids = paths(root)
    .filter((p) => p[p.length - 1] === "id")
    .map((p) => get(root, p))
    .filter((v): v is string => typeof v === "string");
  const extra = ["nope", "requirements-approved", "wait-minus-2", "shorter-queues"];
  const all = [...ids, ...extra];
  return all[pick % all.length] ?? "nope";
}

function render(tree: Json): string {
  return stringify(tree, { aliasDuplicateObjects: false, lineWidth: 0 });
}

describe("loadPlan on structurally mutated canteen plans", () => {
  it("the unmutated plan is valid (so mutations start from a good plan)", () => {
    expect(loadPlan({ text: render(parse(CANTEEN) as Json), path: "p.yml" }).valid).toBe(true);
  });

  it("never throws and always answers with positioned findings (1,000 seeded cases)", () => {
    let invalid = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (edits) => {
        const tree = edits.reduce((t, e) => mutate(t, e), parse(CANTEEN) as Json);
        const text = render(tree);
        const result = loadPlan({ text, path: ".github/plan.yml" });
        expectWellFormed(result);
        const lines = text.split("\n").length;
        for (const f of result.findings) expect(f.line).toBeLessThanOrEqual(lines + 1);
        if (!result.valid) invalid++;
      }),
      { seed: SEED, numRuns: 1_000 },
    );
    // Most mutations break the plan; the run really exercised the error paths.
    expect(invalid).toBeGreaterThan(500);
  });

  it("random JSON-like trees never crash it either (1,000 seeded cases)", () => {
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        replacement,
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(keyName, tie("node"), { maxKeys: 5 }),
      ),
    })).node as fc.Arbitrary<Json>;
    fc.assert(
      fc.property(
        fc.dictionary(keyName, tree, { maxKeys: 6 }).map((m) => ({ version: 1, ...m })),
        (plan) => {
          expectWellFormed(loadPlan({ text: render(plan as Json), path: ".github/plan.yml" }));
        },
      ),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});
