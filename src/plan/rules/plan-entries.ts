/**
 * The plan's entries and the indexes the rules look things up in, built once from the raw
 * data before any rule runs. Building them reports nothing; the rules do.
 */
import { isRecord } from "../describe.ts";
import type { PathSegment } from "../positions.ts";
import { type Entry, type Reference, references, text } from "./rule-context.ts";

export interface PlanEntries {
  goals: Entry[];
  objectives: Entry[];
  milestones: Entry[];
  deliverables: Entry[];
  /** The first entry of each id (a repeated id is an error of its own). */
  objectiveById: Map<string, Entry>;
  milestoneById: Map<string, Entry>;
  deliverableById: Map<string, Entry>;
  /**
   * Every milestone listing of each known deliverable, in file order: the first listing of
   * a deliverable in each milestone (a repeat inside one milestone is only a warning).
   */
  listings: Map<string, Reference[]>;
  /** Milestones and deliverables by title (trimmed, lower case; the first of each title). */
  milestoneByTitle: Map<string, Entry>;
  deliverableByTitle: Map<string, Entry>;
  /** Milestones by their place in `milestones:` (the index in `path[1]`). */
  milestoneByPlace: Map<PathSegment | undefined, Entry>;
}

function entries(list: unknown, base: PathSegment[]): Entry[] {
  if (!Array.isArray(list)) return [];
  const out: Entry[] = [];
  list.forEach((raw, i) => {
    if (isRecord(raw)) out.push({ id: text(raw.id), path: [...base, i], raw });
  });
  return out;
}

function firstById(list: Entry[]): Map<string, Entry> {
  const byId = new Map<string, Entry>();
  for (const entry of list) {
    if (entry.id !== undefined && !byId.has(entry.id)) byId.set(entry.id, entry);
  }
  return byId;
}

function firstByTitle(list: Entry[]): Map<string, Entry> {
  const byTitle = new Map<string, Entry>();
  for (const entry of list) {
    const title = text(entry.raw.title)?.trim().toLowerCase();
    if (entry.id !== undefined && title !== undefined && !byTitle.has(title)) {
      byTitle.set(title, entry);
    }
  }
  return byTitle;
}

function deliverableListings(
  milestones: Entry[],
  deliverableById: Map<string, Entry>,
): Map<string, Reference[]> {
  const listings = new Map<string, Reference[]>();
  for (const milestone of milestones) {
    const seenHere = new Set<string>();
    for (const ref of references(milestone, "deliverables")) {
      if (!deliverableById.has(ref.value) || seenHere.has(ref.value)) continue;
      seenHere.add(ref.value);
      const earlier = listings.get(ref.value);
      if (earlier) earlier.push(ref);
      else listings.set(ref.value, [ref]);
    }
  }
  return listings;
}

export function planEntries(data: unknown): PlanEntries {
  const root = isRecord(data) ? data : {};
  const goals = entries(root.goals, ["goals"]);
  const objectives = goals.flatMap((goal) =>
    entries(goal.raw.objectives, [...goal.path, "objectives"]),
  );
  const milestones = entries(root.milestones, ["milestones"]);
  const deliverables = entries(root.deliverables, ["deliverables"]);
  const deliverableById = firstById(deliverables);
  return {
    goals,
    objectives,
    milestones,
    deliverables,
    objectiveById: firstById(objectives),
    milestoneById: firstById(milestones),
    deliverableById,
    listings: deliverableListings(milestones, deliverableById),
    milestoneByTitle: firstByTitle(milestones),
    deliverableByTitle: firstByTitle(deliverables),
    milestoneByPlace: new Map(milestones.map((m) => [m.path[1], m])),
  };
}
