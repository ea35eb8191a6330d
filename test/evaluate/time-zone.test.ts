/**
 * `settings.timezone`: every day boundary is counted in the plan's zone — overdue, at risk,
 * days left, stale measures, the history day and the instant shown in reports. Boundaries are
 * tested one second either side, west of UTC (Los Angeles), east of it (Kolkata, +05:30),
 * and across daylight saving changes (London, Los Angeles).
 */
import { describe, expect, it } from "vitest";
import { milestoneTiming } from "../../src/evaluate/dates.ts";
import { dayIn, isTimeZone } from "../../src/model/time-zone.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { historyEntryOf } from "../../src/sync/progress.ts";
import { findings, MINIMAL, summary } from "../plan/fixtures.ts";
import { snapshot } from "../support/builders.ts";

/** MINIMAL with milestone m1 due `due`, in zone `zone` (none: the default, UTC). */
function planText(due: string, zone?: string, extra = ""): string {
  const text = MINIMAL.replace("due: 2026-02-15", `due: ${due}`);
  return `${text}${extra}${zone ? `settings:\n  timezone: ${zone}\n` : ""}`;
}

function milestoneAt(params: { due: string; zone?: string; now: string }) {
  const report = buildReport({
    planText: planText(params.due, params.zone),
    planPath: ".github/plan.yml",
    snapshot: snapshot({ fetchedAt: params.now }),
  });
  expect(report.plan.valid).toBe(true);
  const m = report.milestones[0];
  if (!m) throw new Error("no milestone");
  return { overdue: m.overdue, atRisk: m.atRisk, daysLeft: m.daysLeft, report };
}

describe("overdue from midnight after the due day, in the plan's zone", () => {
  it.each([
    // [zone, due, last instant of the due day there, first instant after it]
    // West of UTC (PDT, UTC−7): the contract's example, 2026-04-02 00:00 there = 07:00Z.
    ["America/Los_Angeles", "2026-04-01", "2026-04-02T06:59:59Z", "2026-04-02T07:00:00Z"],
    // East of UTC (IST, UTC+05:30): the day ends 5½ hours before UTC's.
    ["Asia/Kolkata", "2026-04-01", "2026-04-01T18:29:59Z", "2026-04-01T18:30:00Z"],
    // London: the last day on GMT (UTC+0), then the first day on BST (UTC+1, from 29 March).
    ["Europe/London", "2026-03-28", "2026-03-28T23:59:59Z", "2026-03-29T00:00:00Z"],
    ["Europe/London", "2026-03-29", "2026-03-29T22:59:59Z", "2026-03-29T23:00:00Z"],
    // Los Angeles: the last day on PST (UTC−8), then PDT (UTC−7) from 8 March.
    ["America/Los_Angeles", "2026-03-07", "2026-03-08T07:59:59Z", "2026-03-08T08:00:00Z"],
    ["America/Los_Angeles", "2026-03-08", "2026-03-09T06:59:59Z", "2026-03-09T07:00:00Z"],
    // And back in autumn: London leaves BST on 25 October.
    ["Europe/London", "2026-10-25", "2026-10-25T23:59:59Z", "2026-10-26T00:00:00Z"],
    // UTC, the default.
    [undefined, "2026-04-01", "2026-04-01T23:59:59Z", "2026-04-02T00:00:00Z"],
  ])("%s, due %s: due today at %s, overdue at %s", (zone, due, before, after) => {
    const z = zone ?? undefined;
    expect(milestoneAt({ due, now: before, ...(z ? { zone: z } : {}) })).toMatchObject({
      overdue: false,
      daysLeft: 0,
    });
    expect(milestoneAt({ due, now: after, ...(z ? { zone: z } : {}) })).toMatchObject({
      overdue: true,
      daysLeft: -1,
    });
  });

  it("the same instant is overdue in UTC and not yet in Los Angeles", () => {
    const now = "2026-04-02T03:00:00Z"; // 1 April, 20:00 in Los Angeles
    expect(milestoneAt({ due: "2026-04-01", now }).overdue).toBe(true);
    expect(milestoneAt({ due: "2026-04-01", zone: "America/Los_Angeles", now }).overdue).toBe(
      false,
    );
  });

  it("at risk from at_risk_days before the due day, counted in the zone", () => {
    // Due 1 April in Kolkata, at_risk_days 7: at risk from 25 March 00:00 IST (24 March 18:30Z).
    const at = (now: string) => milestoneAt({ due: "2026-04-01", zone: "Asia/Kolkata", now });
    expect(at("2026-03-24T18:29:59Z")).toMatchObject({ atRisk: false, daysLeft: 8 });
    expect(at("2026-03-24T18:30:00Z")).toMatchObject({ atRisk: true, daysLeft: 7 });
    // Without a zone, that instant is still 24 March.
    expect(
      milestoneTiming({
        due: "2026-04-01",
        now: "2026-03-24T18:30:00Z",
        achieved: false,
        atRiskDays: 7,
      }),
    ).toMatchObject({ atRisk: false, daysLeft: 8 });
  });
});

describe("stale measures count days in the zone", () => {
  const measured = (zone: string, committed: string, now: string) => {
    const text = planText("2026-09-01", zone).replace(
      'measure: { file: m.json, path: a, target: "<= 4" }',
      'measure: { file: m.json, path: a, target: "<= 4", max_age_days: 1 }',
    );
    const report = buildReport({
      planText: text,
      planPath: ".github/plan.yml",
      snapshot: snapshot({
        fetchedAt: now,
        files: { "m.json": '{"a": 3}' },
        fileCommittedAt: { "m.json": committed },
      }),
    });
    expect(report.plan.valid).toBe(true);
    return report.objectives[0];
  };

  it("is fresh one day after the change and stale from the second midnight in Los Angeles", () => {
    // Changed 1 March 23:00 in Los Angeles (2 March 07:00Z): in UTC that is already 2 March.
    const committed = "2026-03-02T07:00:00Z";
    expect(measured("America/Los_Angeles", committed, "2026-03-03T07:59:59Z")).toMatchObject({
      met: true,
    });
    const stale = measured("America/Los_Angeles", committed, "2026-03-03T08:00:00Z");
    expect(stale).toMatchObject({ met: false, stale: true });
    expect(JSON.stringify(stale)).toContain("since 2026-03-01");
    // In UTC the change was on 2 March, so the same instant is still fresh.
    expect(measured("UTC", committed, "2026-03-03T08:00:00Z")).toMatchObject({ met: true });
  });
});

describe("the history day and the shown instant", () => {
  it("records an evening run in Los Angeles on that day, and names the zone", () => {
    const { report } = milestoneAt({
      due: "2026-04-01",
      zone: "America/Los_Angeles",
      now: "2026-04-02T03:00:00Z",
    });
    expect(report.timezone).toBe("America/Los_Angeles");
    expect(Object.keys(report).slice(0, 4)).toEqual([
      "version",
      "repository",
      "evaluatedAt",
      "timezone",
    ]);
    expect(historyEntryOf(report).date).toBe("2026-04-01");
    expect(renderText(report)).toContain("evaluated 2026-04-01 20:00 America/Los_Angeles");
    expect(renderMarkdown(report)).toContain("evaluated 2026-04-01 20:00 America/Los_Angeles");
    expect(renderDashboard({ report })).toContain("Dates are days in `America/Los_Angeles`.");
  });

  it("leaves the report as before in UTC: no timezone key, UTC named", () => {
    const { report } = milestoneAt({ due: "2026-04-01", now: "2026-04-02T03:00:00Z" });
    expect("timezone" in report).toBe(false);
    expect(historyEntryOf(report).date).toBe("2026-04-02");
    expect(renderText(report)).toContain("evaluated 2026-04-02 03:00 UTC");
    expect(renderDashboard({ report })).not.toContain("Dates are days in");
  });

  it("reads days in Tokyo ahead of UTC", () => {
    expect(dayIn("2026-04-01T14:59:59Z", "Asia/Tokyo")).toBe("2026-04-01");
    expect(dayIn("2026-04-01T15:00:00Z", "Asia/Tokyo")).toBe("2026-04-02");
  });
});

describe("settings.timezone validation", () => {
  it("refuses a name that is not an IANA zone, at its line and column, with a suggestion", () => {
    const text = planText("2026-04-01", "Europe/Londn");
    const line = text.split("\n").findIndex((l) => l.includes("timezone:")) + 1;
    expect(summary(findings(text))).toContainEqual(
      expect.objectContaining({
        severity: "error",
        line,
        column: 13,
        message:
          'settings.timezone "Europe/Londn" is not an IANA zone — did you mean "Europe/London"?',
      }),
    );
  });

  it("says what to write when nothing is close, and refuses UTC offsets", () => {
    for (const zone of ["Mars/Olympus_Mons_Base", '"+01:00"']) {
      const messages = findings(planText("2026-04-01", zone)).map((f) => f.message);
      expect(messages.join("\n")).toMatch(
        /is not an IANA zone — use an IANA zone name such as Europe\/London/,
      );
    }
  });

  it("accepts zones and aliases the runtime knows", () => {
    for (const zone of ["UTC", "Europe/London", "America/Los_Angeles", "US/Pacific", "Etc/GMT+5"]) {
      expect(isTimeZone(zone), zone).toBe(true);
      expect(findings(planText("2026-04-01", zone)).filter((f) => f.severity === "error")).toEqual(
        [],
      );
    }
  });
});
