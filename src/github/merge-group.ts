/**
 * A merge queue's group, as the `merge_group` webhook describes it. GitHub names a group's
 * branch `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`, where N is the LAST pull request
 * the group adds (the group holds that one on top of the groups before it in the queue, which
 * have their own check runs). The payload lists no pull requests, so the number is read from
 * the branch name; the group is judged as that pull request, against the plan on its base.
 */

export interface MergeGroup {
  /** The group's head commit: where the `plan-align` check run goes. */
  headSha: string;
  /** The base branch's name (`main`, not `refs/heads/main`). */
  baseRef: string;
  /** The pull request the group adds (the latest in the queue). */
  pullRequest: number;
}

/** Bounds on untrusted names: a branch name is short, a pull request number too. */
const MAX_REF_LENGTH = 1024;
const QUEUE_REF = /^refs\/heads\/gh-readonly-queue\/(.+)\/pr-(\d{1,9})-[0-9a-f]{7,64}$/;

/** The pull request number GitHub encoded in a merge-queue branch name, or null. */
export function pullRequestOfQueueRef(headRef: string): number | null {
  if (headRef.length > MAX_REF_LENGTH) return null;
  const match = QUEUE_REF.exec(headRef);
  const number = match ? Number(match[2]) : Number.NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

/**
 * The group of a `merge_group` payload's `merge_group` object, or a sentence saying why it
 * cannot be judged (the caller logs it).
 */
export function readMergeGroup(raw: unknown): MergeGroup | { error: string } {
  const group = (raw ?? {}) as { head_sha?: unknown; head_ref?: unknown; base_ref?: unknown };
  const headSha = typeof group.head_sha === "string" ? group.head_sha : "";
  const headRef = typeof group.head_ref === "string" ? group.head_ref : "";
  const baseRef =
    typeof group.base_ref === "string" ? group.base_ref.replace(/^refs\/heads\//, "") : "";
  if (!/^[0-9a-f]{40,64}$/.test(headSha) || !baseRef || baseRef.length > MAX_REF_LENGTH) {
    return { error: "the merge_group payload has no head_sha or base_ref" };
  }
  const pullRequest = pullRequestOfQueueRef(headRef);
  if (pullRequest === null) {
    return {
      error: `the merge group's branch "${headRef.slice(0, 200)}" does not name a pull request (expected refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>)`,
    };
  }
  return { headSha, baseRef, pullRequest };
}
