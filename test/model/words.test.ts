import { describe, expect, it } from "vitest";
import { formatCount, plural } from "../../src/model/words.ts";

describe("formatCount", () => {
  it("writes thousands separators from 1,000 on, and small counts as they are", () => {
    expect([0, 7, 999, 1000, 1850, -999, -1500, 2.5, 12345.5].map(formatCount)).toEqual([
      "0",
      "7",
      "999",
      "1,000",
      "1,850",
      "-999",
      "-1,500",
      "2.5",
      "12,345.5",
    ]);
    expect(plural(1000, "issue")).toBe("1,000 issues");
  });
});
