import { describe, expect, it } from "vitest";
import { failureOf } from "../../src/github/errors.ts";

/** What Octokit throws for an HTTP error answer: an Error with `status` and `response`. */
const answer = (status: number, message: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, response: { status, headers, data: { message } } });

describe("failureOf: what kind of failure GitHub answered", () => {
  it.each([
    [answer(401, "Bad credentials"), "unauthorized", 401],
    [answer(403, "Resource not accessible by integration"), "forbidden", 403],
    [answer(403, "You have exceeded a secondary rate limit"), "rate-limited", 403],
    [answer(403, "Forbidden", { "x-ratelimit-remaining": "0" }), "rate-limited", 403],
    [answer(429, "Too many requests"), "rate-limited", 429],
    [answer(404, "Not Found"), "not-found", 404],
    [answer(410, "Gone"), "not-found", 410],
    [answer(422, "Validation Failed"), "rejected", 422],
    [answer(502, "Bad Gateway"), "server", 502],
    [new TypeError("fetch failed"), "other", null],
  ])("%s → %s", (error, kind, status) => {
    expect(failureOf(error)).toEqual({ kind, status });
  });

  it("does not read a status out of a message", () => {
    expect(failureOf(new Error("milestone m-403 is missing"))).toEqual({
      kind: "other",
      status: null,
    });
  });
});
