/**
 * The words of "what merging changes", shared by the check run (Markdown) and the terminal
 * report: one sentence per milestone a pull request serves, and how its criteria are marked.
 */
import type { MergeChange } from "../model/report.ts";
import { plural } from "../model/words.ts";

/** `Prototype completed: merging meets 2 of 3 unmet criteria; 1 stays unmet.` */
export function mergeChangeSummary(title: string, change: MergeChange): string {
  const open = change.meets.length + change.unmet.length;
  if (open === 0) return `${title}: every criterion is already met.`;
  const criteria = plural(open, "unmet criterion", "unmet criteria");
  if (change.unmet.length === 0) return `${title}: merging meets all ${criteria}.`;
  const stay = change.unmet.length === 1 ? "stays" : "stay";
  return `${title}: merging meets ${change.meets.length} of ${criteria}; ${change.unmet.length} ${stay} unmet.`;
}

/** How a criterion is marked: met by the merge, or still unmet after it. */
export const MET_BY_MERGING = "met by merging:";
export const STILL_UNMET = "still unmet:";
