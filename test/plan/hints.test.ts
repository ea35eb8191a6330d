/**
 * Issue 11, item 6: the small misses new users make, each with the fix in the message —
 * a date without leading zeros, a percentage in a target, a title where an id belongs.
 */
import { describe, expect, it } from "vitest";
import { findings, MINIMAL, summary } from "./fixtures.ts";

describe("hints for common slips", () => {
  it("2026-4-1 as a due date: write 2026-04-01", () => {
    const [finding] = summary(findings(MINIMAL.replace("due: 2026-02-15", "due: 2026-4-1")));
    expect(finding).toMatchObject({ code: "invalid-date", line: 13, column: 10 });
    expect(finding?.message).toBe(
      'milestone "m1": "due" must be a date YYYY-MM-DD, got "2026-4-1" — write 2026-04-01',
    );
  });

  it('"95%" in a target: drop the %', () => {
    const pct = summary(findings(MINIMAL.replace('target: "<= 4"', 'target: ">= 95%"')));
    expect(pct).toHaveLength(1);
    expect(pct[0]?.code).toBe("invalid-target");
    expect(pct[0]?.message).toMatch(
      /, got ">= 95%" — drop the %: ">= 95" \(the measure is a plain number\)$/,
    );
    const bare = summary(findings(MINIMAL.replace('target: "<= 4"', 'target: "95%"')));
    expect(bare[0]?.message).toMatch(
      /, got "95%" — drop the % and write a comparison, e.g. ">= 95"$/,
    );
  });

  it("a deliverable listed by its title: use its id", () => {
    const [finding] = summary(
      findings(
        MINIMAL.replace("deliverables: [d1]", "deliverables: [D1 report]").replace(
          "title: D1",
          "title: D1 report",
        ),
      ),
    );
    expect(finding).toMatchObject({ code: "unknown-deliverable", line: 14 });
    expect(finding?.message).toBe(
      'milestone "m1" lists unknown deliverable "D1 report" — that is the title of "d1"; references use ids: write d1',
    );
  });

  it("a milestone required by its title: use its id", () => {
    const text = MINIMAL.replace(
      "    deliverables: [d1]\n",
      "    deliverables: [d1]\n  - id: m2\n    title: Second step\n    due: 2026-03-01\n    requires: [first]\n    deliverables: [d1]\n",
    );
    const unknown = summary(findings(text)).filter((f) => f.code === "unknown-milestone");
    expect(unknown.map((f) => f.message)).toEqual([
      'milestone "m2" requires unknown milestone "first" — that is the title of "m1"; references use ids: write m1',
    ]);
  });
});
