/**
 * Risks: validation with positions, when a risk fires, the `open-risk` action (one issue per
 * risk, ever), its executor, and where fired risks are shown.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routeWebhook } from "../../src/app/routes.ts";
import { applyActions } from "../../src/github/apply-actions.ts";
import { createClient, silentLogger } from "../../src/github/client.ts";
import type { ActionOf } from "../../src/model/actions.ts";
import { renderDashboard } from "../../src/render/dashboard.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { buildReport } from "../../src/sync/build-report.ts";
import { findings, MINIMAL, summary } from "../plan/fixtures.ts";
import { snapshot } from "../support/builders.ts";
import { expectCleanGitHubMocks, fastClientOptions, githubNock, offline } from "../support/nock.ts";

describe("risk validation", () => {
  const withRisk = (risk: string) => `${MINIMAL}risks:\n  - ${risk}\n`;
  it.each([
    [
      "{ id: r, title: R, contingency: C }",
      {
        line: 22,
        column: 5,
        code: "missing-key",
        message: 'risk "r": missing required key "threatens" — add it',
      },
    ],
    [
      "{ id: r, title: R, threatens: [m1] }",
      {
        line: 22,
        column: 5,
        code: "missing-key",
        message: 'risk "r": missing required key "contingency" — add it',
      },
    ],
    [
      "{ id: r, title: R, threatens: [], contingency: C }",
      {
        line: 22,
        column: 35,
        code: "risk-threatens-nothing",
        message:
          'risk "r" threatens no milestone — list the ids of the milestones it threatens, e.g. threatens: [m1]',
      },
    ],
    [
      "{ id: r, title: R, threatens: [m2], contingency: C }",
      {
        line: 22,
        column: 36,
        code: "unknown-milestone",
        message: 'risk "r" threatens unknown milestone "m2" — did you mean "m1"?',
      },
    ],
    [
      "{ id: r, title: R, threatens: [m1], contingency: C, when: late }",
      {
        line: 22,
        column: 63,
        code: "invalid-value",
        message: 'risk "r": "when" must be one of "at-risk", "overdue", got "late"',
      },
    ],
    [
      "{ id: r, title: R, threatens: [m1], contingency: C, owner: '@bob' }",
      {
        line: 22,
        column: 64,
        code: "invalid-login",
        message:
          'risk "r": owner "@bob" is not a possible GitHub login — write it without the "@" or spaces: bob',
      },
    ],
  ])("%s", (risk, expected) => {
    expect(summary(findings(withRisk(risk)))).toEqual([
      expect.objectContaining({ severity: "error", ...expected }),
    ]);
  });

  it("risk ids are unique among risks", () => {
    const text = `${MINIMAL}risks:\n  - { id: r, title: A, threatens: [m1], contingency: C }\n  - { id: r, title: B, threatens: [m1], contingency: D }\n`;
    expect(summary(findings(text))).toEqual([
      expect.objectContaining({
        line: 23,
        code: "duplicate-id",
        message:
          'risk id "r" is used twice (first on line 22) — ids must be unique among risks; rename one',
      }),
    ]);
  });

  it("a complete risk is valid", () => {
    expect(
      findings(
        withRisk("{ id: r, title: R, threatens: [m1], contingency: C, owner: bob, when: overdue }"),
      ),
    ).toEqual([]);
  });
});

/** now = 2026-03-01: "soon" is due 03-05 (at risk), "late" was due 02-20 (overdue), "far" 06-01. */
function report(params: {
  when?: string;
  threatens: string;
  issues?: unknown[];
  pr?: Record<string, unknown>;
}) {
  const planText = `version: 1
milestones:
  - { id: soon, title: Soon, due: 2026-03-05, deliverables: [a] }
  - { id: late, title: Late, due: 2026-02-20, deliverables: [b] }
  - { id: far, title: Far, due: 2026-06-01, deliverables: [c] }
deliverables:
  - { id: a, title: Alpha, owner: carol, paths: ["a/**"], criteria: [{ issues: closed }] }
  - { id: b, title: Beta, criteria: [{ issues: closed }] }
  - { id: c, title: Gamma, paths: ["c/**"], criteria: [{ issues: closed }] }
risks:
  - id: vendor
    title: The vendor is late
    threatens: ${params.threatens}
    ${params.when ? `when: ${params.when}` : ""}
    contingency: Use the menu screens.
    owner: bob
`;
  return buildReport({
    planText,
    planPath: ".github/plan.yml",
    snapshot: snapshot({
      milestones: [
        { number: 1, title: "Soon", state: "open", dueOn: "2026-03-05" },
        { number: 2, title: "Late", state: "open", dueOn: "2026-02-20" },
      ],
      issues: [
        { number: 10, title: "a", state: "open", labels: ["deliverable:a"] },
        { number: 11, title: "b", state: "open", labels: ["deliverable:b"] },
        ...(params.issues ?? []),
      ],
      pullRequests: params.pr ? [params.pr] : [],
    }),
    ...(params.pr ? { pr: params.pr.number as number } : {}),
  });
}

describe("when a risk fires", () => {
  it.each([
    ["at-risk", "[soon]", true, ["soon"]],
    ["overdue", "[soon]", false, []],
    ["at-risk", "[late]", true, ["late"]],
    ["overdue", "[late]", true, ["late"]],
    ["at-risk", "[far]", false, []],
    ["at-risk", "[far, soon, late]", true, ["soon", "late"]],
  ])("when: %s, threatens %s → fired %s", (when, threatens, fired, milestones) => {
    const r = report({ when, threatens });
    expect(r.risks).toEqual([
      expect.objectContaining({
        id: "vendor",
        fired,
        milestones,
        contingency: "Use the menu screens.",
        owner: "bob",
      }),
    ]);
  });

  it("defaults to at-risk", () => {
    expect(report({ threatens: "[soon]" }).risks[0]?.fired).toBe(true);
  });

  it("an achieved milestone does not fire it", () => {
    const r = report({
      threatens: "[soon]",
      issues: [],
    });
    expect(r.risks[0]?.fired).toBe(true);
    const done = buildReport({
      planText: `version: 1
milestones: [{ id: soon, title: Soon, due: 2026-03-05, deliverables: [a] }]
deliverables: [{ id: a, title: Alpha, criteria: [{ issues: closed }] }]
risks: [{ id: v, title: V, threatens: [soon], contingency: C }]
`,
      planPath: "p.yml",
      snapshot: snapshot({
        issues: [
          {
            number: 1,
            title: "a",
            state: "closed",
            stateReason: "completed",
            labels: ["deliverable:a"],
          },
        ],
      }),
    });
    expect(done.risks[0]?.fired).toBe(false);
  });
});

describe("open-risk", () => {
  const openRisk = (r: ReturnType<typeof report>) =>
    r.actions.filter((a) => a.type === "open-risk");

  it("opens one issue for a fired risk, in the milestone that fires it, for its owner, with the contingency, why and what is missing", () => {
    expect(openRisk(report({ threatens: "[far, soon]" }))).toEqual([
      {
        type: "open-risk",
        risk: "vendor",
        milestone: "soon",
        number: 1,
        title: "Risk: The vendor is late",
        owner: "bob",
        contingency: "Use the menu screens.",
        reasons: ['"Soon" is due in 4 days (2026-03-05), not achieved: at risk'],
        gaps: ["Alpha: All issues closed — 0 of 1 issue closed; open: #10 — owner @carol"],
      },
    ]);
  });

  it.each([
    [
      "open, with the marker",
      { state: "open", title: "Renamed by the team", body: "x\n<!-- plan-align:risk=vendor -->" },
    ],
    [
      "closed, with the marker",
      {
        state: "closed",
        stateReason: "completed",
        title: "Handled",
        body: "<!-- plan-align:risk=vendor -->",
      },
    ],
    [
      "closed as not planned, by its title",
      { state: "closed", stateReason: "not_planned", title: "Risk: The vendor is late" },
    ],
  ])("no second risk issue when one exists (%s)", (_what, issue) => {
    const r = report({
      threatens: "[soon]",
      issues: [{ number: 50, labels: ["plan-align:risk"], ...issue }],
    });
    expect(r.risks[0]?.fired).toBe(true);
    expect(openRisk(r)).toEqual([]);
  });

  it("an issue with the title but without the risk label is not the risk issue", () => {
    const r = report({
      threatens: "[soon]",
      issues: [{ number: 50, state: "open", labels: [], title: "Risk: The vendor is late" }],
    });
    expect(openRisk(r)).toHaveLength(1);
  });

  it("nothing when the risk has not fired", () => {
    expect(openRisk(report({ when: "overdue", threatens: "[soon]" }))).toEqual([]);
  });
});

describe("where fired risks are shown", () => {
  it("first in the repository's check run and terminal report, with contingency and owner", () => {
    const r = report({ threatens: "[soon]" });
    const md = renderMarkdown(r);
    expect(md).toContain(
      "### 🔥 Fired risks\n\n- 🔥 **The vendor is late** — fired: Soon (at risk). Contingency: Use the menu screens. — owner @bob",
    );
    expect(md.indexOf("Fired risks")).toBeLessThan(md.indexOf("### Milestones"));
    expect(renderText(r)).toContain(
      "Fired risks\n  🔥 The vendor is late — fired: Soon (at risk). Contingency: Use the menu screens. — owner @bob",
    );
  });

  it("first on the dashboard (without notifying the owner on every edit)", () => {
    const body = renderDashboard({ report: report({ threatens: "[late]" }) });
    expect(body).toContain(
      "## 🔥 Fired risks\n\n- 🔥 **The vendor is late** — fired: Late (overdue).",
    );
    expect(body).toContain("owner @\u200bbob");
    expect(body.indexOf("Fired risks")).toBeLessThan(body.indexOf("## Milestones"));
  });

  it("in the report of a pull request serving a threatened milestone, not of one serving another", () => {
    const serving = report({
      threatens: "[soon]",
      pr: { number: 7, title: "x", state: "open", changedFiles: ["a/x.ts"] },
    });
    expect(renderMarkdown(serving)).toContain("### 🔥 Fired risks on the milestones this serves");
    const other = report({
      threatens: "[soon]",
      pr: { number: 7, title: "x", state: "open", changedFiles: ["c/x.ts"] },
    });
    expect(renderMarkdown(other)).not.toContain("Fired risks");
  });
});

describe("the risk issue on GitHub", () => {
  const repo = { owner: "acme", repo: "canteen" };
  const action: ActionOf<"open-risk"> = {
    type: "open-risk",
    risk: "vendor",
    milestone: "soon",
    number: 1,
    title: "Risk: The vendor is late",
    owner: "bob",
    contingency: "Use the menu screens.",
    reasons: ['"Soon" is due in 4 days (2026-03-05), not achieved: at risk'],
    gaps: ["Alpha: All issues closed — 0 of 1 issues closed — owner @carol"],
  };
  const run = () =>
    applyActions({
      ...repo,
      client: createClient({ ...fastClientOptions, log: silentLogger }),
      actions: [action],
      log: silentLogger,
    });
  beforeEach(() => offline());
  afterEach(() => expectCleanGitHubMocks());

  it("is opened labelled, in the milestone, assigned to the owner, with contingency, why and gaps", async () => {
    let body = "";
    githubNock()
      .get("/repos/acme/canteen/issues")
      .query({ labels: "plan-align:risk", state: "all", per_page: 100 })
      .reply(200, [])
      .post("/repos/acme/canteen/labels", (b) => b.name === "plan-align:risk")
      .reply(201, {})
      .post("/repos/acme/canteen/issues", (b) => {
        body = b.body;
        return (
          b.title === "Risk: The vendor is late" &&
          b.milestone === 1 &&
          JSON.stringify(b.labels) === '["plan-align:risk"]' &&
          JSON.stringify(b.assignees) === '["bob"]'
        );
      })
      .reply(201, { number: 91 });
    const results = await run();
    expect(results[0]).toMatchObject({ status: "applied", detail: "opened risk issue #91" });
    expect(body).toContain("> Use the menu screens.");
    expect(body).toContain("Owner: @bob.");
    expect(body).toContain('- "Soon" is due in 4 days (2026-03-05), not achieved: at risk');
    expect(body).toContain("- Alpha: All issues closed — 0 of 1 issues closed — owner @carol");
    expect(body).toContain("<!-- plan-align:risk=vendor -->");
  });

  it("adopts an existing risk issue, even closed and renamed, instead of opening another", async () => {
    githubNock()
      .get("/repos/acme/canteen/issues")
      .query(true)
      .reply(200, [
        {
          number: 44,
          title: "Handled it",
          state: "closed",
          body: "<!-- plan-align:risk=vendor -->",
        },
      ]);
    const results = await run();
    expect(results[0]).toMatchObject({
      status: "adopted",
      detail: "risk issue #44 already exists (closed)",
    });
  });
});

describe("App routing", () => {
  it("an event on a risk issue re-evaluates the repository", () => {
    const requests = routeWebhook({
      name: "issues",
      payload: {
        action: "closed",
        repository: { name: "canteen", full_name: "acme/canteen", owner: { login: "acme" } },
        issue: { number: 44, labels: [{ name: "plan-align:risk" }] },
        installation: { id: 1 },
      },
    });
    expect(requests).toEqual([
      expect.objectContaining({ owner: "acme", repo: "canteen", sync: true }),
    ]);
  });
});

describe("the review issue of a threatened milestone", () => {
  it("lists the fired risks with contingency and owner", () => {
    const r = buildReport({
      planText: `version: 1
milestones:
  - { id: late, title: Late, due: 2026-02-20, deliverables: [a], review: { approvers: [alice] } }
deliverables: [{ id: a, title: Alpha, criteria: [{ issues: closed }] }]
risks: [{ id: v, title: Vendor late, threatens: [late], contingency: Use the menu screens., owner: bob }]
`,
      planPath: "p.yml",
      snapshot: snapshot({
        milestones: [{ number: 2, title: "Late", state: "open", dueOn: "2026-02-20" }],
        issues: [
          {
            number: 1,
            title: "a",
            state: "closed",
            stateReason: "completed",
            labels: ["deliverable:a"],
          },
        ],
      }),
    });
    const review = r.actions.find((a) => a.type === "open-review");
    expect(review).toMatchObject({
      risks: ["Vendor late — contingency: Use the menu screens. — owner @bob"],
    });
  });
});
