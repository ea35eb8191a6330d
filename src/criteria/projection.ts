/**
 * The repository as it would be after merging a pull request: each kind projects the part of
 * the snapshot it reads (its open closing issues closed as completed, itself merged with the
 * approvals it has now, the files it changes read from its head, the checks of its head
 * commit). What the snapshot does not hold (no `headFiles`, no `headChecks`) stays as on the
 * base. Every kind's projection applies, whatever kinds the plan uses, so the projected
 * repository is the same for every plan.
 *
 * Only what the pull request touches is copied; the rest of the snapshot is shared, so a
 * projection costs time in proportion to the snapshot's issue and pull request lists.
 */
import type { Snapshot, SnapshotPullRequest } from "../model/snapshot.ts";
import { CRITERION_KINDS } from "./registry.ts";

export function projectMerge(snapshot: Snapshot, pr: SnapshotPullRequest): Snapshot {
  let projected = snapshot;
  for (const kind of CRITERION_KINDS) {
    if (kind.project) projected = { ...projected, ...kind.project({ snapshot: projected, pr }) };
  }
  return projected;
}
