import { describe, expect, it } from "vitest";
import { restSpecNames, validateGraphQL, validateRestRequest } from "../support/contract.ts";

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
});
