/**
 * `already-done` (polishing): a pull request that serves at least one deliverable, every one
 * of which is already done in a milestone already achieved before the merge. Advisory: it may
 * be maintenance, or effort past the point of value; the reader decides.
 */
import type { PullRequestReport } from "../model/report.ts";
import type { Evaluation } from "./repository.ts";

type Warning = PullRequestReport["warnings"][number];

/** The warning, or null when something it serves is still open (or its level is `ignore`). */
export function alreadyDoneWarning(params: {
  served: readonly string[];
  current: Evaluation;
  level: "warn" | "fail" | "ignore";
}): Warning | null {
  const { served, current, level } = params;
  if (served.length === 0 || level === "ignore") return null;
  const doneInAchieved = new Map<string, string>();
  for (const m of current.milestones) {
    if (!m.achieved) continue;
    for (const d of m.deliverables) if (d.done) doneInAchieved.set(d.id, d.title);
  }
  const titles = served.map((id) => doneInAchieved.get(id));
  if (titles.some((t) => t === undefined)) return null;
  const list = titles.map((t) => `"${t}"`).join(", ");
  return {
    code: "already-done",
    level,
    message: `Every deliverable this serves is already done: ${list} — is this maintenance, or effort past the point of value?`,
  };
}
