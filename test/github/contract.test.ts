import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import {
  githubGraphQLSchema,
  restSpecNames,
  validateGraphQL,
  validateRestRequest,
} from "../support/contract.ts";
import { readRestSpec, requestParts } from "../support/contract-cache.ts";

describe("contract validation", () => {
  it("checks against api.github.com and the oldest GHES description shipped", () => {
    const names = restSpecNames();
    expect(names[0]).toBe("api.github.com.json");
    expect(names[1]).toMatch(/^ghes-3\.\d+\.json$/);
  });

  it("accepts a valid milestone create and rejects a body GitHub would refuse", () => {
    const path = "/repos/acme/canteen/milestones";
    expect(
      validateRestRequest({
        method: "POST",
        path,
        body: { title: "A", due_on: "2026-02-15T12:00:00Z" },
      }),
    ).toEqual([]);
    const bad = validateRestRequest({ method: "POST", path, body: { title: 5, state: "done" } });
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.join("\n")).toMatch(/title|state/);
  });

  it("rejects operations GitHub does not have, and matches GHES-prefixed paths", () => {
    expect(validateRestRequest({ method: "DELETE", path: "/repos/a/b/labels" })[0]).toMatch(
      /not an operation/,
    );
    expect(
      validateRestRequest({ method: "GET", path: "/api/v3/repos/a/b/milestones?state=all" }),
    ).toEqual([]);
    expect(
      validateRestRequest({
        method: "GET",
        path: "/repos/a/b/contents/docs/requirements/README.md?ref=main",
      }),
    ).toEqual([]);
  });

  it("validates GraphQL documents against GitHub's schema", () => {
    expect(
      validateGraphQL(
        'query { repository(owner: "a", name: "b") { issues(first: 1) { nodes { number } } } }',
      ),
    ).toEqual([]);
    expect(
      validateGraphQL('query { repository(owner: "a", name: "b") { issuez { number } } }')[0],
    ).toMatch(/issuez/);
    expect(validateGraphQL("query {")[0]).toMatch(/syntax/);
  });

  it("takes GitHub's GraphQL schema as valid because it is", () => {
    expect(validateSchema(githubGraphQLSchema())).toEqual([]);
  });

  it("keeps every operation and request body of a description in its cached part", () => {
    const dir = join(
      dirname(createRequire(import.meta.url).resolve("@octokit/openapi/package.json")),
      "generated",
    );
    // One description is enough: every description goes through the same code.
    for (const name of restSpecNames().slice(0, 1)) {
      const full = JSON.parse(readFileSync(join(dir, name), "utf8"));
      const part = requestParts(full);
      expect(readRestSpec(dir, name)).toEqual(part);
      for (const [template, item] of Object.entries(full.paths as Record<string, object>)) {
        for (const [method, operation] of Object.entries(item)) {
          if (!["get", "post", "put", "patch", "delete", "head"].includes(method)) continue;
          expect(
            (part.paths as Record<string, Record<string, unknown>>)[template]?.[method],
          ).toEqual(operation.requestBody ? { requestBody: operation.requestBody } : {});
        }
      }
      // Every reference a request body makes resolves in the part.
      const refs = JSON.stringify(part).match(/"\$ref":"#\/[^"]+"/g) ?? [];
      for (const ref of new Set(refs)) {
        const keys = ref.slice(10, -1).split("/");
        expect(
          keys.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], part),
          ref,
        ).toBeDefined();
      }
    }
  });
});
