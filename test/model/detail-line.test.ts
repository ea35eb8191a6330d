import { describe, expect, it } from "vitest";
import { line } from "../../src/model/detail-line.ts";

/** `line.refs` as a line of its own. */
const refList = (numbers: readonly number[], total?: number) =>
  line.begin().refs(numbers, total).end();

describe("refList", () => {
  it("names at most ten numbers as GitHub links them, then how many more", () => {
    expect(refList([7])).toBe("#7");
    expect(refList([0, 10, 999, 1000, 200_001, 9_000_000_001])).toBe(
      "#0, #10, #999, #1000, #200001, #9000000001",
    );
    const many = Array.from({ length: 12 }, (_, i) => 100 * (i + 1));
    expect(refList(many)).toBe(
      "#100, #200, #300, #400, #500, #600, #700, #800, #900, #1000 and 2 more",
    );
    expect(refList(many.slice(0, 3), 40)).toBe("#100, #200, #300 and 37 more");
    expect(refList([], 4)).toBe(" and 4 more");
    expect(refList([])).toBe("");
  });

  it("writes every number of digits, up to 32-bit integers and past them", () => {
    const edges = [9, 10, 99_999, 100_000, 999_999_999, 1_000_000_000, 2_147_483_647, 2 ** 31];
    expect(refList(edges)).toBe(edges.map((n) => `#${n}`).join(", "));
    const powers = Array.from({ length: 10 }, (_, i) => 10 ** i - 1 + (i % 2));
    expect(refList(powers)).toBe(powers.map((n) => `#${n}`).join(", "));
  });

  it("writes a number no GitHub issue has (a hand-written snapshot) as JavaScript does", () => {
    const odd = [-3, 1.5, 2 ** 60, -1.2345678901234567e308, Number.NaN];
    expect(refList(odd)).toBe(odd.map((n) => `#${n}`).join(", "));
  });
});

describe("line", () => {
  it("keeps text beyond Latin-1 and text longer than its buffer, in order", () => {
    const long = "x".repeat(3_000);
    const written = line
      .begin()
      .text("café ")
      .text("παραδοτέο 🚀")
      .number(12)
      .text(long)
      .refs([5, 6])
      .count(1_850)
      .end();
    expect(written).toBe(`café παραδοτέο 🚀12${long}#5, #61,850`);
  });

  it("drops a line its writer abandoned (an exception midway) when the next begins", () => {
    line.begin().text("abandoned ").refs([1, 2, 3]);
    expect(line.begin().text("next").end()).toBe("next");
  });
});
