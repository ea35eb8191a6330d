/**
 * flowPositionOf finds where a value starts in JSON (flow YAML) text from the yaml Lexer's
 * tokens alone: the snapshot reader positions its schema errors with it.
 */
import { describe, expect, it } from "vitest";
import { flowPositionOf } from "../../src/plan/positions.ts";

const TEXT = [
  "{",
  '  "files": {"a\\"b": "x", "__proto__": 5, "constructor": [1, {"k": null}]},',
  '  "list": [ [], {}, "s", -1.5e3, true ],',
  '  "it\'s": 1',
  "}",
].join("\r\n");

const LINES = TEXT.split("\r\n");
/** 1-based line and column of the first `marker` on line `line`. */
const at = (line: number, marker: string) => ({
  line,
  column: (LINES[line - 1] ?? "").indexOf(marker) + 1,
});

describe("flowPositionOf", () => {
  it.each([
    [[], at(1, "{")],
    [["files"], at(2, "{")],
    [["files", 'a"b'], at(2, '"x"')],
    [["files", "__proto__"], at(2, "5")],
    [["files", "constructor", 1, "k"], at(2, "null")],
    [["list", 0], at(3, "[]")],
    [["list", 3], at(3, "-1.5e3")],
    [["list", 4], at(3, "true")],
    [["it's"], at(4, "1")],
  ] as const)("%j is at %j", (path, position) => {
    expect(position.column).toBeGreaterThan(0);
    expect(flowPositionOf({ text: TEXT, path })).toEqual(position);
  });

  it("a path that is not there points at the deepest object or list that is", () => {
    expect(flowPositionOf({ text: TEXT, path: ["files", "missing"] })).toEqual(at(2, "{"));
    expect(flowPositionOf({ text: TEXT, path: ["list", 9] })).toEqual(at(3, "["));
    expect(flowPositionOf({ text: TEXT, path: ["nothing", 0] })).toEqual(at(1, "{"));
  });
});
