/**
 * Found by the replay: when the plan changes the description of a milestone plan-align has
 * already closed (so its GitHub description carries the "Achieved on" footer), the update
 * must keep ONE footer. The planner's update-milestone action carries the footer it read,
 * and the executor used to append the footer it re-read on top: two footers, for good (the
 * comparison ignores everything from the first footer on, so nothing ever repaired it).
 */
import { afterAll, expect, it } from "vitest";
import { sendWebhook, startApp } from "../app/support/server.ts";
import { startFakeGitHub } from "../support/fake-github/index.ts";
import { refuseNetwork } from "../support/offline.ts";
import { installationPayload } from "../support/replay/payloads.ts";

const offline = refuseNetwork();
afterAll(() => {
  offline.restore();
  expect(offline.attempts).toEqual([]);
});

const PLAN = `version: 1
milestones:
  - id: spec
    title: Spec approved
    due: 2026-03-01
    description: The new description.
    deliverables: [spec-doc]
deliverables:
  - id: spec-doc
    title: Specification
    criteria:
      - issues: closed
`;

const FOOTER =
  "<!-- plan-align:achieved -->\n**Achieved on 2026-02-10** (recorded by plan-align)\n- Specification: All issues closed — 1 of 1 issue closed";

it("a plan change to an achieved milestone's description keeps exactly one Achieved-on footer", async () => {
  const gh = await startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "footer",
        files: { ".github/plan.yml": PLAN },
        milestones: [
          {
            number: 1,
            title: "Spec approved",
            state: "closed",
            due_on: "2026-03-01T08:00:00Z",
            description: `The old description.\n\n<!-- plan-align:id=spec -->\n\n${FOOTER}`,
          },
        ],
        issues: [
          {
            number: 1,
            title: "Write it",
            state: "closed",
            state_reason: "completed",
            labels: ["deliverable:spec-doc"],
            milestone: 1,
          },
        ],
      },
    ],
  });
  const app = await startApp({ githubUrl: gh.url, now: () => new Date("2026-02-20T12:00:00Z") });
  try {
    const payload = installationPayload([{ owner: "acme", name: "footer" }]);
    for (let run = 0; run < 2; run++) {
      expect((await sendWebhook(app.url, { name: "installation", payload })).status).toBe(200);
      await app.settle();
    }
    const description = gh.repo("acme/footer").milestones[0]?.description ?? "";
    expect(description).toBe(`The new description.\n\n<!-- plan-align:id=spec -->\n\n${FOOTER}`);
    expect(description.split("<!-- plan-align:achieved -->")).toHaveLength(2);
  } finally {
    await app.close();
    await gh.close();
  }
});
