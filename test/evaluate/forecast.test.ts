import { describe, expect, it } from "vitest";
import { forecastFrom, isForecastLate } from "../../src/evaluate/forecast.ts";
import {
  historyBlock,
  MAX_HISTORY_ENTRIES,
  parseHistoryJson,
  readHistory,
  recordDay,
} from "../../src/model/names/history.ts";

/** `n` consecutive days from 2026-01-01, met growing by `step` a day. */
function days(n: number, step: number, total = 100, start = 0) {
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    met: start + Math.floor(i * step),
    total,
  }));
}

describe("history block", () => {
  it("round-trips through a dashboard body, whatever surrounds it", () => {
    const h = days(3, 1);
    const body = `# Plan dashboard\n\nsome text a person edited\n${historyBlock(h)}\nmore`;
    expect(readHistory(body)).toEqual(h);
  });

  it("starts afresh when the block is missing or unreadable", () => {
    expect(readHistory("no block")).toEqual([]);
    expect(readHistory("<!-- plan-align:history [{not json -->")).toEqual([]);
    expect(readHistory('<!-- plan-align:history [{"date":"x","met":1,"total":2}] -->')).toEqual([]);
    expect(parseHistoryJson("{}")).toBeNull();
  });

  it("keeps one entry a day (the day's last wins) and at most 400, oldest dropped", () => {
    let h = days(MAX_HISTORY_ENTRIES, 0.1);
    h = recordDay(h, { date: "2027-06-01", met: 50, total: 100 });
    expect(h).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(h[0]?.date).toBe("2026-01-02");
    h = recordDay(h, { date: "2027-06-01", met: 51, total: 100 });
    expect(h).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(h.at(-1)).toEqual({ date: "2027-06-01", met: 51, total: 100 });
  });
});

describe("forecast", () => {
  it("needs 14 days of history", () => {
    expect(forecastFrom(days(14, 1))).toBeNull();
    expect(forecastFrom(days(15, 1))).not.toBeNull();
  });

  it("projects the pace of the last 28 days to the day all criteria are met", () => {
    // 2 a day for 40 days; only the last 28 count: still 2 a day → 14 a week.
    const h = days(41, 2, 200);
    const f = forecastFrom(h);
    expect(f?.pacePerWeek).toBe(14);
    // Day 40 (2026-02-10) has 80 met of 200: 120 left at 2 a day = 60 days → 2026-04-11.
    expect(f?.date).toBe("2026-04-11");
  });

  it("uses only the last 28 days: a stall after a fast start is 'not at this pace'", () => {
    const fast = days(20, 3, 200);
    const stall = days(50, 0, 200, 57).slice(20);
    const f = forecastFrom([...fast, ...stall]);
    expect(f).toEqual({ date: null, pacePerWeek: 0 });
  });

  it("a shrinking count (criteria failing again) has a negative pace and no date", () => {
    const f = forecastFrom(days(20, -1, 100, 50));
    expect(f?.date).toBeNull();
    expect(f?.pacePerWeek).toBeLessThan(0);
  });

  it("all met: the forecast is the last day", () => {
    const f = forecastFrom(days(20, 0, 10, 10));
    expect(f?.date).toBe("2026-01-20");
  });

  it("marks unachieved milestones due before the forecast day as forecast late", () => {
    const forecast = { date: "2026-05-01", pacePerWeek: 3 };
    expect(isForecastLate({ forecast, due: "2026-04-30", achieved: false })).toBe(true);
    expect(isForecastLate({ forecast, due: "2026-05-01", achieved: false })).toBe(false);
    expect(isForecastLate({ forecast, due: "2026-04-30", achieved: true })).toBe(false);
    expect(isForecastLate({ forecast, due: null, achieved: false })).toBe(false);
    expect(
      isForecastLate({
        forecast: { date: null, pacePerWeek: 0 },
        due: "2030-01-01",
        achieved: false,
      }),
    ).toBe(true);
  });
});
