/**
 * What contract validation reads of an OpenAPI description, kept on disk. The descriptions
 * @octokit/openapi ships are 11–13 MB each; validating a request needs only every path and
 * method, the request bodies, and the components those reference (~0.5 MB). The first process
 * that needs a description writes that part under node_modules/.cache, keyed by the package's
 * version and the file's size, so a reinstall or another version rebuilds it; every later
 * test process reads the small file.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Json = Record<string, unknown>;

/** Bump when the shape written below changes. */
const FORMAT = 1;
const METHODS = ["get", "post", "put", "patch", "delete", "head"];

/** The parts of `openapiDir/name` contract validation reads, from the cache when it is there. */
export function readRestSpec(openapiDir: string, name: string): Json {
  const { version } = JSON.parse(readFileSync(join(openapiDir, "..", "package.json"), "utf8"));
  const size = statSync(join(openapiDir, name)).size;
  const dir = join(openapiDir, "..", "..", "..", ".cache", "plan-align-contract");
  const file = join(dir, `v${FORMAT}-${version}-${size}-${name}`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Json;
  } catch {
    // Not built yet (or unreadable): build it from the full description.
  }
  const slim = requestParts(JSON.parse(readFileSync(join(openapiDir, name), "utf8")) as Json);
  try {
    mkdirSync(dir, { recursive: true });
    // Write then rename: a concurrent reader sees the whole file or none.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(slim));
    renameSync(partial, file);
  } catch {
    // A read-only tree: validate from memory this time.
  }
  return slim;
}

/** Every path and method, their request bodies, and the components those reach by $ref. */
export function requestParts(doc: Json): Json {
  const out: Json = { paths: {} };
  const pending: unknown[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
    const methods: Json = {};
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      methods[method] = operation.requestBody ? { requestBody: operation.requestBody } : {};
      if (operation.requestBody) pending.push(operation.requestBody);
    }
    (out.paths as Json)[template] = methods;
  }
  const copied = new Set<string>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node !== "object") continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#/") && !copied.has(ref)) {
      copied.add(ref);
      const keys = ref
        .slice(2)
        .split("/")
        .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
      let from: unknown = doc;
      let to = out;
      keys.forEach((key, i) => {
        from = (from as Json)[key];
        if (i < keys.length - 1) {
          to[key] ??= {};
          to = to[key] as Json;
        } else {
          to[key] = from;
        }
      });
      pending.push(from);
    }
    pending.push(...Object.values(node));
  }
  return out;
}
