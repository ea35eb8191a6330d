/**
 * Contract validation: every request the suite sends to "GitHub" is checked against GitHub's
 * own descriptions — REST against the OpenAPI documents of api.github.com AND the oldest
 * GitHub Enterprise Server that @octokit/openapi ships, GraphQL against @octokit/graphql-schema.
 * A test that mocks an endpoint that does not exist, or sends a body GitHub would reject,
 * fails here instead of passing against a fantasy API.
 *
 * Costs are paid once. The REST specs are the non-dereferenced JSON files (11–13 MB each); what
 * validation reads of them — every path and method, the request bodies and the components
 * those reference, ~0.5 MB — is kept as a file under node_modules/.cache keyed by the
 * package's version (built once per install, by the first process that needs it; see
 * ./contract-cache.ts). In a process, operations are matched once per method and path, only
 * the request-body schemas actually used are converted and compiled, and a GraphQL document
 * is parsed and validated once per distinct text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import {
  buildSchema,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  parse,
  validate,
} from "graphql";
import { readRestSpec } from "./contract-cache.ts";

const require = createRequire(import.meta.url);

export interface Violation {
  kind: "rest" | "graphql";
  method?: string;
  path?: string;
  message: string;
}

// ---------- REST ----------

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  literalSegments: number;
  operation: Json;
}
interface Spec {
  name: string;
  doc: Json;
  operations: Operation[];
  validators: Map<string, ValidateFunction | null>;
  /** `METHOD path` → the operation it matches (null: none). */
  matches: Map<string, Operation | null>;
}

const openapiDir = join(dirname(require.resolve("@octokit/openapi/package.json")), "generated");
let specsCache: Spec[] | null = null;

/** The descriptions every request must satisfy: api.github.com and the oldest GHES shipped. */
export function restSpecNames(): string[] {
  const ghes = readdirSync(openapiDir)
    .map((f) => /^ghes-(\d+)\.(\d+)\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2]));
  const oldest = ghes[0]?.[0];
  return ["api.github.com.json", ...(oldest ? [oldest] : [])];
}

/** Builds the cached part of each description now (the suite's global setup calls this). */
export function cacheRestSpecs(): void {
  for (const name of restSpecNames()) readRestSpec(openapiDir, name);
}

function specs(): Spec[] {
  if (specsCache) return specsCache;
  specsCache = restSpecNames().map((name) => {
    const doc = readRestSpec(openapiDir, name) as Json;
    const operations: Operation[] = [];
    for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const segments = template.split("/").filter(Boolean);
      const pattern = segments
        .map((s) => {
          if (!s.includes("{")) return escapeRegExp(s);
          // A file path or a git ref may itself contain slashes.
          if (/^\{(path|ref|name)\}$/.test(s)) return ".+";
          return s.replace(/\{[^}]+\}/g, "[^/]+").replace(/\.(?![+*])/g, "\\.");
        })
        .join("/");
      for (const method of ["get", "post", "put", "patch", "delete", "head"]) {
        const operation = item[method] as Json | undefined;
        if (!operation) continue;
        operations.push({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^/${pattern}$`),
          literalSegments: segments.filter((s) => !s.includes("{")).length,
          operation,
        });
      }
    }
    return { name, doc, operations, validators: new Map(), matches: new Map() };
  });
  return specsCache;
}

/** Strips a GHES `/api/v3` prefix and the query string. */
function normalizePath(path: string): string {
  const bare = path.split("?")[0] ?? path;
  return bare.replace(/^\/api\/v3(?=\/)/, "") || "/";
}

function matchOperation(spec: Spec, method: string, path: string): Operation | null {
  const key = `${method.toUpperCase()} ${path}`;
  const known = spec.matches.get(key);
  if (known !== undefined) return known;
  const hits = spec.operations.filter(
    (o) => o.method === method.toUpperCase() && o.regex.test(path),
  );
  hits.sort((a, b) => b.literalSegments - a.literalSegments);
  const hit = hits[0] ?? null;
  spec.matches.set(key, hit);
  return hit;
}

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);

/** Validates one REST request; returns the problems (empty when GitHub would accept it). */
export function validateRestRequest(params: {
  method: string;
  path: string;
  body?: unknown;
}): string[] {
  const method = params.method.toUpperCase();
  const path = normalizePath(params.path);
  const problems: string[] = [];
  for (const spec of specs()) {
    const op = matchOperation(spec, method, path);
    if (!op) {
      problems.push(`${method} ${path} is not an operation of ${spec.name}`);
      continue;
    }
    const validator = bodyValidator(spec, op);
    const body = typeof params.body === "string" ? parseBody(params.body) : params.body;
    if (validator === null) continue;
    if (body === undefined || body === "") {
      const required = (resolve(spec.doc, op.operation.requestBody) as Json | undefined)?.required;
      if (required) problems.push(`${method} ${op.template} requires a JSON body (${spec.name})`);
      continue;
    }
    if (!validator(body)) {
      const errors = (validator.errors ?? [])
        .map((e) => `${e.instancePath || "body"} ${e.message ?? ""}`.trim())
        .join("; ");
      problems.push(`${method} ${op.template} body rejected by ${spec.name}: ${errors}`);
    }
  }
  return problems;
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function bodyValidator(spec: Spec, op: Operation): ValidateFunction | null {
  const key = `${op.method} ${op.template}`;
  if (spec.validators.has(key)) return spec.validators.get(key) ?? null;
  const requestBody = resolve(spec.doc, op.operation.requestBody) as Json | undefined;
  const content = requestBody?.content as Record<string, Json> | undefined;
  const schema = (content?.["application/json"] ?? Object.values(content ?? {})[0])?.schema;
  let validator: ValidateFunction | null = null;
  if (schema) {
    const definitions: Record<string, unknown> = {};
    const root = convert(spec.doc, schema, definitions);
    validator = ajv.compile({ ...(root as Json), definitions });
  }
  spec.validators.set(key, validator);
  return validator;
}

function resolve(doc: Json, node: unknown): unknown {
  let current = node;
  while (current && typeof current === "object" && "$ref" in current) {
    const ref = (current as { $ref: string }).$ref;
    current = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((v, k) => (v as Json)[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return current;
}

/** OpenAPI 3.0 schema → JSON Schema draft-07 for ajv: `nullable`, component $refs. */
function convert(doc: Json, node: unknown, defs: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(doc, n, defs));
  if (!node || typeof node !== "object") return node;
  const obj = node as Json;
  if (typeof obj.$ref === "string") {
    const name = obj.$ref.split("/").pop() as string;
    if (!(name in defs)) {
      defs[name] = true; // placeholder: breaks cycles
      defs[name] = convert(doc, resolve(doc, obj), defs);
    }
    return { $ref: `#/definitions/${name}` };
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (["nullable", "example", "examples", "discriminator", "xml", "externalDocs"].includes(k)) {
      continue;
    }
    if (k === "properties" || k === "patternProperties") {
      out[k] = Object.fromEntries(
        Object.entries(v as Json).map(([p, s]) => [p, convert(doc, s, defs)]),
      );
    } else {
      out[k] = convert(doc, v, defs);
    }
  }
  if (obj.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (Array.isArray(out.type)) out.type = [...out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------- GraphQL ----------

let graphqlSchema: GraphQLSchema | null = null;

/** GitHub's GraphQL schema (github.com), parsed once. */
export function githubGraphQLSchema(): GraphQLSchema {
  if (!graphqlSchema) {
    // The shipped SDL repeats a few enterprise fields; they do not concern us. The schema
    // itself is taken as valid (test/github/contract.test.ts checks that it is).
    const sdl = readFileSync(
      join(
        dirname(fileURLToPath(import.meta.resolve("@octokit/graphql-schema"))),
        "schema.graphql",
      ),
      "utf8",
    );
    graphqlSchema = buildSchema(sdl, { assumeValidSDL: true, assumeValid: true });
  }
  return graphqlSchema;
}

/** A document and the errors GitHub's schema finds in it (syntax errors included). */
interface CheckedDocument {
  document: DocumentNode | null;
  errors: readonly GraphQLError[];
}
const checkedDocuments = new Map<string, CheckedDocument>();

/**
 * Parses and validates a GraphQL text against GitHub's schema, once per distinct text (the
 * port sends the same few documents over and over, with different variables).
 */
export function checkGraphQLDocument(query: string): CheckedDocument {
  let checked = checkedDocuments.get(query);
  if (!checked) {
    try {
      const document = parse(query);
      checked = { document, errors: validate(githubGraphQLSchema(), document) };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      checked = { document: null, errors: [error] };
    }
    checkedDocuments.set(query, checked);
  }
  return checked;
}

/** Validates one GraphQL document; returns the problems (empty when GitHub would accept it). */
export function validateGraphQL(query: string): string[] {
  const { document, errors } = checkGraphQLDocument(query);
  if (document === null) return errors.map((e) => `GraphQL syntax: ${e.message}`);
  return errors.map((e) => `GraphQL: ${e.message}`);
}

// ---------- recording ----------

const violations: Violation[] = [];

/** Validates a request seen by a mock (nock or the fake server) and records any violation. */
export function checkRequest(params: { method: string; path: string; body?: unknown }): string[] {
  const path = normalizePath(params.path);
  let problems: string[];
  let kind: Violation["kind"] = "rest";
  if (/(^|\/api)\/graphql$/.test(params.path.split("?")[0] ?? "")) {
    kind = "graphql";
    const body = typeof params.body === "string" ? parseBody(params.body) : params.body;
    const query = (body as { query?: unknown } | undefined)?.query;
    problems =
      typeof query === "string" ? validateGraphQL(query) : ["GraphQL request without a query"];
  } else {
    problems = validateRestRequest({ ...params, path });
  }
  for (const message of problems) {
    violations.push({ kind, method: params.method, path, message });
  }
  return problems;
}

/** Violations recorded since the last reset. */
export function contractViolations(): Violation[] {
  return [...violations];
}

export function resetContractViolations(): void {
  violations.length = 0;
}
