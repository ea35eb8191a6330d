/**
 * The repository as it would be after merging a pull request: its open closing issues closed
 * as completed, itself merged (with the approvals it has now), the files it changes read from
 * its head (a changed file its head lacks is deleted), and the checks of its head commit.
 * What the snapshot does not hold (no `headFiles`, no `headChecks`) is left as on the base.
 *
 * Only what the pull request touches is copied; the rest of the snapshot is shared, so a
 * projection costs time in proportion to the snapshot's issue and pull request lists.
 */
import type { Snapshot, SnapshotPullRequest } from "../model/snapshot.ts";

export function projectMerge(snapshot: Snapshot, pr: SnapshotPullRequest): Snapshot {
  const closing = new Set(pr.closingIssues);
  const issues =
    closing.size === 0
      ? snapshot.issues
      : snapshot.issues.map((issue) =>
          // Only open ones: merging leaves an already-closed issue as it is (one closed as
          // not planned stays out of the deliverable's scope).
          closing.has(issue.number) && issue.state === "open"
            ? { ...issue, state: "closed" as const, stateReason: "completed" as const }
            : issue,
        );
  const pullRequests = snapshot.pullRequests.map((p) =>
    p.number === pr.number ? { ...p, state: "closed" as const, merged: true } : p,
  );

  // `headFiles` absent means the head was not read (not that every file was deleted): then
  // the base branch's files stay.
  let files = snapshot.files;
  const head = pr.headFiles;
  if (pr.changedFiles && pr.changedFiles.length > 0 && head) {
    files = { ...snapshot.files };
    for (const path of pr.changedFiles) {
      if (Object.hasOwn(head, path)) files[path] = head[path] as string;
      else delete files[path];
    }
  } else if (pr.changedFiles === undefined && head && Object.keys(head).length > 0) {
    // Which files it changes is not known (a hand-written snapshot may omit it), but what
    // its head holds is: those files are read from the head, the others stay.
    files = { ...snapshot.files, ...head };
  }

  // Without the head's checks (not loaded) the base branch's stay: better than no checks.
  const checks = pr.headChecks ?? snapshot.checks;
  return { ...snapshot, issues, pullRequests, files, checks };
}
