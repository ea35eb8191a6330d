import { describe, expect, it } from "vitest";
import { githubDay } from "../../src/model/names/due-on.ts";

describe("githubDay", () => {
  it.each([
    ["2026-06-01", "2026-06-01"],
    // GitHub stores due dates at Pacific midnight: 07:00Z in summer, 08:00Z in winter.
    ["2026-06-01T07:00:00Z", "2026-06-01"],
    ["2026-12-01T08:00:00Z", "2026-12-01"],
    // Before Pacific midnight it is still the previous day there.
    ["2026-06-01T06:59:59Z", "2026-05-31"],
    ["2026-06-01T12:00:00Z", "2026-06-01"],
    ["2026-06-02T06:00:00Z", "2026-06-01"],
    ["2026-06-01T00:00:00-07:00", "2026-06-01"],
    [null, null],
    ["not a date", null],
  ])("%s → %s", (input, expected) => {
    expect(githubDay(input)).toBe(expected);
  });

  it("reads a timestamp without a zone as UTC, whatever the machine's time zone", () => {
    // Evaluation is a pure function: the same snapshot gives the same day on every machine.
    const saved = process.env.TZ;
    try {
      process.env.TZ = "Asia/Tokyo";
      expect(githubDay("2026-06-01T12:00:00")).toBe("2026-06-01");
      expect(githubDay("2026-06-01T12:00")).toBe("2026-06-01");
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
