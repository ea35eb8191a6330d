/**
 * A file or check named "__proto__" is an entry like any other: kept when it is a string,
 * refused (positioned, in words) when it is not — zod never sees that key, so without this
 * a wrong type there would pass unseen.
 */
import { describe, expect, it } from "vitest";
import { parseSnapshot } from "../../src/snapshot/read.ts";

const snapshot = (files: string, head = "{}") =>
  [
    "{",
    '  "version": 1, "repository": "a/b", "defaultBranch": "main",',
    '  "fetchedAt": "2026-03-01T12:00:00Z", "milestones": [], "labels": [], "issues": [],',
    `  "pullRequests": [{"number": 1, "title": "t", "state": "open", "headSha": "abc", "headFiles": ${head}}],`,
    `  "files": ${files}`,
    "}",
  ].join("\n");

describe("__proto__ entries in a snapshot", () => {
  it("a string is kept as the file named __proto__", () => {
    const result = parseSnapshot({ text: snapshot('{"__proto__": "# Intro"}'), path: "s.json" });
    expect(result.ok && Object.hasOwn(result.snapshot.files, "__proto__")).toBe(true);
  });

  it("a number is refused at its position", () => {
    expect(parseSnapshot({ text: snapshot('{"__proto__": 5}'), path: "s.json" })).toEqual({
      ok: false,
      error:
        "s.json:5:26: error: $.files.__proto__: expected a string, got 5 — set it to a string (format: schema/snapshot.schema.json)",
    });
  });

  it("an object in a pull request's head files is refused at its position", () => {
    const result = parseSnapshot({
      text: snapshot("{}", '{"__proto__": {"x": 1}}'),
      path: "s.json",
    });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^s\.json:4:\d+: error: \$\.pullRequests\[0\]\.headFiles\.__proto__: expected a string, got an object/,
      ),
    });
  });
});
