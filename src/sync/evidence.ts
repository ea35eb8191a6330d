import { ownerNote } from "../model/names/login.ts";
import type { MilestoneResult } from "../model/report.ts";

/**
 * What proves a milestone achieved, one line per criterion, `requires` entry and review:
 * recorded in the close action (and the "Achieved on" footer) so a reader sees WHY it closed.
 */
export function milestoneEvidence(result: MilestoneResult): string[] {
  const lines: string[] = [];
  for (const d of result.deliverables) {
    for (const c of d.criteria) {
      if (c.met) lines.push(`${d.title}: ${c.name} — ${c.detail}`);
    }
  }
  for (const r of result.requires) {
    if (r.achieved) lines.push(`Requires "${r.id}": achieved`);
  }
  if (result.review?.signedOff) lines.push(`Review: ${result.review.detail}`);
  return lines;
}

/** What is missing, one line each: the unmet criteria, `requires` entries and review. */
export function milestoneGaps(result: MilestoneResult): string[] {
  const lines: string[] = [];
  for (const d of result.deliverables) {
    for (const c of d.criteria) {
      if (!c.met) lines.push(`${d.title}: ${c.name} — ${c.detail}${ownerNote(d)}`);
    }
  }
  for (const r of result.requires) {
    if (!r.achieved) lines.push(`Requires "${r.id}": not achieved`);
  }
  if (result.review && !result.review.signedOff) lines.push(`Review: ${result.review.detail}`);
  return lines;
}

/** Whether everything but the review is met: the moment a review issue is opened. */
export function readyForReview(result: MilestoneResult): boolean {
  return result.deliverables.every((d) => d.done) && result.requires.every((r) => r.achieved);
}
