/**
 * The starter plan `plan-align init` writes: valid as written, with the schema comment so an
 * editor completes and checks it, and with comments saying what to fill in. Built as a YAML
 * document (not by string concatenation) so titles and descriptions from GitHub are quoted
 * correctly whatever they contain.
 */
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from "yaml";
import { slugify } from "./describe.ts";

export const SCHEMA_URL =
  "https://raw.githubusercontent.com/plan-align/plan-align/main/schema/plan.schema.json";

/** An existing milestone to start the plan from (a GitHub milestone, as the port reads it). */
export interface StarterMilestone {
  title: string;
  /** `YYYY-MM-DD`, or null when the milestone has no due date. */
  dueOn: string | null;
  description?: string | null;
}

/** The ids of `titles` slugged, unique, never empty (`milestone-N` when a title has no letters). */
export function uniqueIds(titles: readonly string[], fallback: string): string[] {
  const used = new Set<string>();
  return titles.map((title, i) => {
    const base =
      slugify(title)
        .slice(0, 60)
        .replace(/[-._]+$/, "") || `${fallback}-${i + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** Today plus `days`, as `YYYY-MM-DD` (UTC). */
function dayAfter(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The plan's text. With no milestones, one example of each part (goal, objective, milestone,
 * deliverable) due 30 days after `now`; with milestones, those, each with one deliverable
 * to fill in.
 */
export function starterPlan(params: {
  milestones?: readonly StarterMilestone[];
  now: Date;
}): string {
  const { now } = params;
  const imported = params.milestones ?? [];
  const milestones: StarterMilestone[] =
    imported.length > 0
      ? [...imported]
      : [{ title: "First release", dueOn: dayAfter(now, 30), description: "What we ship first." }];
  const ids = uniqueIds(
    milestones.map((m) => m.title),
    "milestone",
  );

  const doc = new Document({
    version: 1,
    goals: [
      {
        id: "main-goal",
        title: "What this project is for (edit me)",
        objectives: [
          {
            id: "first-objective",
            title: "A measurable result, with a number and a date (edit me)",
            due: milestones.find((m) => m.dueOn)?.dueOn ?? dayAfter(now, 90),
          },
        ],
      },
    ],
    milestones: milestones.map((m, i) => ({
      id: ids[i],
      title: m.title,
      ...(m.dueOn ? { due: m.dueOn } : {}),
      ...(m.description?.trim() ? { description: m.description.trim() } : {}),
      deliverables: [`${ids[i]}-deliverable`],
    })),
    deliverables: milestones.map((m, i) => ({
      id: `${ids[i]}-deliverable`,
      title: `What "${m.title}" delivers (edit me)`,
      objective: "first-objective",
      criteria: [{ issues: "closed" }],
    })),
  });

  doc.commentBefore = [
    ` yaml-language-server: $schema=${SCHEMA_URL}`,
    " The plan plan-align keeps this repository aligned with. Edit the titles marked",
    " (edit me), give each deliverable the proof that counts as done (criteria), then run",
    "   npx plan-align validate",
  ].join("\n");
  comment(
    doc,
    "goals",
    " Goals: why the project exists; objectives: measurable results that serve them.",
  );
  comment(
    doc,
    "milestones",
    imported.length > 0
      ? " The repository's open GitHub milestones; each needs at least one deliverable."
      : " Checkpoints with a date; achieved when all their deliverables are done.",
  );
  comment(
    doc,
    "deliverables",
    " What each milestone delivers, and its proof: issues closed, files, checks, pull requests.\n" +
      ' Issues labelled "deliverable:<id>" belong to the deliverable.',
  );
  // Days (due, at risk, overdue) are counted in UTC unless the plan names its zone: shown,
  // commented out, where a team sees it before its first milestone falls due a day early.
  doc.comment = [
    " settings:",
    "   timezone: Europe/London   # the IANA zone your dates are in (default UTC)",
    "   at_risk_days: 7           # not achieved and due within this many days: at risk",
  ].join("\n");
  return doc.toString({ lineWidth: 0 });
}

function comment(doc: Document, key: string, text: string): void {
  const contents = doc.contents;
  if (!isMap(contents)) return;
  const pair = (contents as YAMLMap).items.find(
    (p) => (p.key as { value?: unknown } | null)?.value === key || p.key === key,
  );
  const keyNode = pair?.key;
  if (keyNode && typeof keyNode === "object" && "commentBefore" in keyNode) {
    (keyNode as { commentBefore?: string }).commentBefore = text;
  } else if (pair && isSeq(pair.value)) {
    (pair.value as YAMLSeq).commentBefore = text;
  }
}
