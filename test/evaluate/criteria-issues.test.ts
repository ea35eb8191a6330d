import { describe, expect, it } from "vitest";
import { firstCriterion, issue, onePlan, snapshot } from "./helpers.ts";

describe("issues: closed", () => {
  const cases: {
    name: string;
    min?: number;
    issues: Record<string, unknown>[];
    met: boolean;
    detail: RegExp;
  }[] = [
    {
      name: "all labelled issues closed as completed",
      issues: [issue(1, "closed"), issue(2, "closed")],
      met: true,
      detail: /^2 of 2 issues closed$/,
    },
    {
      name: "one open issue is not met and is named",
      issues: [issue(1, "closed"), issue(14, "open"), issue(15, "open")],
      met: false,
      detail: /^1 of 3 issues closed; open: #14, #15$/,
    },
    {
      name: "not planned leaves scope",
      issues: [issue(1, "closed"), issue(2, "closed", { stateReason: "not_planned" })],
      met: true,
      detail: /1 of 1 issue closed; 1 closed as not planned or duplicate, out of scope/,
    },
    {
      name: "duplicate leaves scope",
      issues: [issue(1, "closed"), issue(2, "closed", { stateReason: "duplicate" })],
      met: true,
      detail: /^1 of 1 issue closed/,
    },
    {
      name: "zero issues is not met",
      issues: [],
      met: false,
      detail: /no issues labelled "deliverable:d" in scope/,
    },
    {
      name: "zero in scope (all not planned) is not met",
      issues: [issue(1, "closed", { stateReason: "not_planned" })],
      met: false,
      detail: /no issues labelled "deliverable:d" in scope; 1 closed as not planned/,
    },
    {
      name: "zero in scope is met with an explicit min 0 (issues optional)",
      min: 0,
      issues: [],
      met: true,
      detail: /^no issues labelled "deliverable:d" in scope, and min is 0$/,
    },
    {
      name: "min 0 with all issues not planned is met",
      min: 0,
      issues: [issue(1, "closed", { stateReason: "not_planned" })],
      met: true,
      detail: /min is 0; 1 closed as not planned/,
    },
    {
      name: "min 0 with an open issue is not met",
      min: 0,
      issues: [issue(1, "closed"), issue(2, "open")],
      met: false,
      detail: /open: #2/,
    },
    {
      name: "fewer in scope than min is not met",
      min: 3,
      issues: [
        issue(1, "closed"),
        issue(2, "closed"),
        issue(3, "closed", { stateReason: "not_planned" }),
      ],
      met: false,
      detail: /2 of 2 issues closed; needs at least 3 in scope, has 2/,
    },
    {
      name: "exactly min in scope, all closed",
      min: 2,
      issues: [issue(1, "closed"), issue(2, "closed")],
      met: true,
      detail: /^2 of 2 issues closed$/,
    },
    {
      name: "issues of other labels do not count",
      issues: [issue(1, "closed"), issue(2, "open", { labels: ["bug"] })],
      met: true,
      detail: /^1 of 1 issue closed$/,
    },
    {
      name: "labels match case-insensitively, as on GitHub",
      issues: [issue(1, "open", { labels: ["Deliverable:D"] })],
      met: false,
      detail: /open: #1/,
    },
    {
      name: "a closed issue with no recorded reason counts as completed",
      issues: [issue(1, "closed", { stateReason: null })],
      met: true,
      detail: /^1 of 1 issue closed$/,
    },
    {
      name: "a reopened issue is open again",
      issues: [issue(1, "open", { stateReason: "reopened" })],
      met: false,
      detail: /0 of 1 issue closed; open: #1/,
    },
  ];

  it.each(cases)("$name", ({ min, issues, met, detail }) => {
    const p = onePlan([{ issues: "closed", ...(min !== undefined ? { min } : {}) }]);
    const result = firstCriterion(p, snapshot({ issues }));
    expect(result.kind).toBe("issues");
    expect(result.met).toBe(met);
    expect(result.detail).toMatch(detail);
  });

  it("uses the deliverable's own label when it has one", () => {
    const p = onePlan([{ issues: "closed" }], { deliverable: { label: "deliverable: display" } });
    const s = snapshot({
      issues: [
        issue(1, "open", { labels: ["deliverable:d"] }),
        issue(2, "closed", { labels: ["deliverable: display"] }),
      ],
    });
    const result = firstCriterion(p, s);
    expect(result.met).toBe(true);
    expect(result.refs).toEqual([2]);
  });

  it("lists at most ten open issues", () => {
    const issues = Array.from({ length: 13 }, (_, i) => issue(i + 1, "open"));
    const result = firstCriterion(onePlan([{ issues: "closed" }]), snapshot({ issues }));
    expect(result.detail).toContain("open: #1, #2, #3, #4, #5, #6, #7, #8, #9, #10 and 3 more");
  });

  it("writes big counts with separators, and every other number plainly", () => {
    const issues = [
      ...Array.from({ length: 1_190 }, (_, i) => issue(100_000 + i, "open")),
      ...Array.from({ length: 10 }, (_, i) => issue(200_000 + i, "closed")),
      issue(300_000, "closed", { stateReason: "not_planned" }),
    ];
    const p = onePlan([{ issues: "closed", min: 1_500 }]);
    expect(firstCriterion(p, snapshot({ issues })).detail).toBe(
      "10 of 1,200 issues closed; open: #100000, #100001, #100002, #100003, #100004, #100005, " +
        "#100006, #100007, #100008, #100009 and 1180 more; needs at least 1500 in scope, has 1200; " +
        "1 closed as not planned or duplicate, out of scope",
    );
  });

  it("names the criterion after min, or after its name:", () => {
    const s = snapshot({ issues: [issue(1, "closed")] });
    expect(firstCriterion(onePlan([{ issues: "closed", min: 2 }]), s).name).toBe(
      "All issues closed (min 2)",
    );
    expect(firstCriterion(onePlan([{ issues: "closed", name: "Backlog done" }]), s).name).toBe(
      "Backlog done",
    );
  });
});
