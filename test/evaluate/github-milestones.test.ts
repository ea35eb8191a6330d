import { describe, expect, it } from "vitest";
import {
  githubMilestonesNotInPlan,
  matchGitHubMilestones,
} from "../../src/evaluate/github-milestones.ts";
import {
  milestoneMarker,
  readMilestoneMarker,
} from "../../src/model/names/milestone-description.ts";
import type { SnapshotMilestone } from "../../src/model/snapshot.ts";
import { plan } from "./helpers.ts";

const p = plan({
  milestones: [
    { id: "req", title: "Requirements approved", due: "2026-02-15", deliverables: ["d"] },
    { id: "proto", title: "Prototype completed", due: "2026-04-01", deliverables: ["d"] },
  ],
  deliverables: [{ id: "d", title: "D", criteria: [{ issues: "closed" }] }],
});
const gh = (number: number, title: string, description: string | null = ""): SnapshotMilestone => ({
  number,
  title,
  state: "open",
  dueOn: null,
  description,
});
const match = (milestones: SnapshotMilestone[]) =>
  Object.fromEntries(
    [...matchGitHubMilestones({ plan: p, milestones })].map(([id, m]) => [id, m.number]),
  );

describe("matchGitHubMilestones", () => {
  it("matches by exact title", () => {
    expect(match([gh(1, "Requirements approved"), gh(2, "prototype completed")])).toEqual({
      req: 1,
    });
  });

  it("the marker wins over the title, so a renamed milestone stays matched", () => {
    expect(
      match([
        gh(1, "Requirements approved"),
        gh(2, "Old name", `Text\n\n${milestoneMarker("req")}`),
      ]),
    ).toEqual({ req: 2 });
  });

  it("a milestone whose marker names another plan milestone is not taken by title", () => {
    expect(match([gh(5, "Prototype completed", milestoneMarker("req"))])).toEqual({ req: 5 });
  });

  it("a marker naming no plan milestone does not block a title match", () => {
    expect(match([gh(5, "Prototype completed", milestoneMarker("gone"))])).toEqual({ proto: 5 });
  });

  it("of two milestones with the same marker, the one with the plan's title wins", () => {
    expect(
      match([
        gh(1, "Stale", milestoneMarker("req")),
        gh(2, "Requirements approved", milestoneMarker("req")),
      ]),
    ).toEqual({ req: 2 });
    expect(match([gh(1, "A", milestoneMarker("req")), gh(2, "B", milestoneMarker("req"))])).toEqual(
      {
        req: 1,
      },
    );
  });

  it("lists the rest as not in the plan", () => {
    const milestones = [
      gh(3, "Backlog"),
      gh(1, "Requirements approved"),
      gh(2, "Old", milestoneMarker("proto")),
    ];
    expect(githubMilestonesNotInPlan({ plan: p, milestones }).map((m) => m.number)).toEqual([3]);
  });

  it("reads the marker with any spacing, and only a valid id", () => {
    expect(readMilestoneMarker("x <!--plan-align:id=a.b-c-->")).toBe("a.b-c");
    expect(readMilestoneMarker("<!-- plan-align:id=Bad -->")).toBeNull();
    expect(readMilestoneMarker(null)).toBeNull();
  });
});
