import { describe, expect, it } from "vitest";
import { firstCriterion, issue, onePlan, pr, snapshot } from "./helpers.ts";

const merged = (n: number, extra: Record<string, unknown> = {}) =>
  pr(n, { state: "closed", merged: true, labels: ["deliverable:d"], ...extra });

describe("pull_requests: merged", () => {
  const cases: {
    name: string;
    criterion?: Record<string, unknown>;
    issues?: Record<string, unknown>[];
    pullRequests: Record<string, unknown>[];
    met: boolean;
    detail: RegExp;
    refs?: number[];
  }[] = [
    {
      name: "one labelled merged pull request",
      pullRequests: [merged(40)],
      met: true,
      detail: /^1 of 1 pull request merged \(#40\)$/,
    },
    {
      name: "none found",
      pullRequests: [],
      met: false,
      detail: /no pull requests found; needs at least 1 merged/,
    },
    {
      name: "open ones do not count",
      pullRequests: [pr(41, { labels: ["deliverable:d"] })],
      met: false,
      detail: /none of 1 pull request merged; needs at least 1 merged/,
    },
    {
      name: "closing one of its issues makes it the deliverable's",
      issues: [issue(12, "closed")],
      pullRequests: [merged(42, { labels: [], closingIssues: [12] })],
      met: true,
      detail: /#42/,
      refs: [42],
    },
    {
      name: "closing another deliverable's issue does not",
      issues: [issue(12, "closed", { labels: ["deliverable:other"] })],
      pullRequests: [merged(42, { labels: [], closingIssues: [12] })],
      met: false,
      detail: /no pull requests found/,
      refs: [],
    },
    {
      name: "labelled and closing counts once",
      issues: [issue(12, "closed")],
      pullRequests: [merged(43, { closingIssues: [12] })],
      met: true,
      detail: /^1 of 1 pull request merged/,
      refs: [43],
    },
    {
      name: "labelled and closing ones together, in number order whatever the snapshot's order",
      issues: [issue(12, "closed"), issue(3, "closed")],
      pullRequests: [
        merged(50),
        merged(44, { labels: [], closingIssues: [12] }),
        merged(7, { labels: ["bug"], closingIssues: [3, 12] }),
        merged(20),
      ],
      met: true,
      detail: /^4 of 4 pull requests merged \(#7, #20, #44, #50\)/,
      refs: [7, 20, 44, 50],
    },
    {
      name: "issue numbers far apart, and closing an issue the snapshot lacks",
      issues: [issue(5, "closed", { labels: [] }), issue(9_000_000, "closed")],
      pullRequests: [
        merged(9_000_001, { labels: [], closingIssues: [9_000_000] }),
        merged(6, { labels: [], closingIssues: [5] }),
        merged(8, { labels: [], closingIssues: [123_456_789] }),
      ],
      met: true,
      detail: /^1 of 1 pull request merged \(#9000001\)/,
      refs: [9_000_001],
    },
    {
      name: "numbers 0 and below (a hand-written snapshot) are found as well",
      issues: [issue(-4, "closed"), issue(0, "closed"), issue(3, "closed", { labels: [] })],
      pullRequests: [
        merged(10, { labels: [], closingIssues: [-4] }),
        merged(11, { labels: [], closingIssues: [0] }),
        merged(12, { labels: [], closingIssues: [3] }),
      ],
      met: true,
      detail: /^2 of 2 pull requests merged \(#10, #11\)/,
      refs: [10, 11],
    },
    {
      name: "a number the snapshot repeats: each issue with it counts",
      issues: [issue(12, "closed", { labels: [] }), issue(12, "closed")],
      pullRequests: [merged(42, { labels: [], closingIssues: [12] })],
      met: true,
      detail: /^1 of 1 pull request merged \(#42\)/,
      refs: [42],
    },
    {
      name: "approvals: every merged one needs enough",
      criterion: { pull_requests: "merged", approvals: 2 },
      pullRequests: [merged(1, { approvals: ["a", "b"] }), merged(2, { approvals: ["a"] })],
      met: false,
      detail: /2 of 2 pull requests merged \(#1, #2\); #2 had 1 of 2 required approvals/,
    },
    {
      name: "approvals: the same login twice is one approval",
      criterion: { pull_requests: "merged", approvals: 2 },
      pullRequests: [merged(1, { approvals: ["a", "a"] })],
      met: false,
      detail: /#1 had 1 of 2 required approvals/,
    },
    {
      name: "approvals: enough on each",
      criterion: { pull_requests: "merged", approvals: 1 },
      pullRequests: [merged(1, { approvals: ["a"] }), merged(2, { approvals: ["b", "c"] })],
      met: true,
      detail: /2 of 2 pull requests merged/,
    },
    {
      name: "approvals of unmerged ones do not matter",
      criterion: { pull_requests: "merged", approvals: 1 },
      pullRequests: [merged(1, { approvals: ["a"] }), pr(2, { labels: ["deliverable:d"] })],
      met: true,
      detail: /1 of 2 pull requests merged \(#1\)$/,
    },
    {
      name: "min: needs that many merged",
      criterion: { pull_requests: "merged", min: 2 },
      pullRequests: [merged(1), pr(2, { labels: ["deliverable:d"] })],
      met: false,
      detail: /needs at least 2 merged/,
    },
    {
      name: "min 0 with nothing merged is met",
      criterion: { pull_requests: "merged", min: 0 },
      pullRequests: [],
      met: true,
      detail: /no pull requests found/,
    },
  ];

  it.each(cases)("$name", ({ criterion, issues, pullRequests, met, detail, refs }) => {
    const p = onePlan([criterion ?? { pull_requests: "merged" }]);
    const result = firstCriterion(p, snapshot({ issues: issues ?? [], pullRequests }));
    expect(result.kind).toBe("pull_requests");
    expect(result.met).toBe(met);
    expect(result.detail).toMatch(detail);
    if (refs) expect(result.refs).toEqual(refs);
  });

  it("names at most ten short of approvals, then how many more", () => {
    const pullRequests = Array.from({ length: 12 }, (_, i) => merged(1_001 + i));
    const result = firstCriterion(
      onePlan([{ pull_requests: "merged", approvals: 1, min: 20 }]),
      snapshot({ pullRequests }),
    );
    const short = Array.from(
      { length: 10 },
      (_, i) => `#${1_001 + i} had 0 of 1 required approval`,
    );
    expect(result.detail).toBe(
      [
        "12 of 12 pull requests merged (#1001, #1002, #1003, #1004, #1005, #1006, #1007, #1008, " +
          "#1009, #1010 and 2 more)",
        "needs at least 20 merged",
        ...short,
        "and 2 more without enough approvals",
      ].join("; "),
    );
  });

  it("names approvals and min", () => {
    const result = firstCriterion(
      onePlan([{ pull_requests: "merged", approvals: 1, min: 2 }]),
      snapshot(),
    );
    expect(result.name).toBe("Pull requests merged (min 2), 1 approval each");
  });
});
