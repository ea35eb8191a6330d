/**
 * The workflow event the step runs for, read from the runner's environment (never from
 * `@actions/github`'s global context) so tests pass real webhook payloads in.
 */
import { readFileSync } from "node:fs";
import { readMergeGroup } from "../github/merge-group.ts";
import type { RepoRef } from "../github/types.ts";
import { InputError } from "./inputs.ts";

export interface ActionEvent {
  /** GITHUB_EVENT_NAME, e.g. `pull_request`, `push`, `schedule`. */
  name: string;
  payload: EventPayload;
  repo: RepoRef;
}

/** The parts of webhook payloads the runner reads; everything is optional in the raw JSON. */
export interface EventPayload {
  action?: string;
  ref?: string;
  repository?: { full_name?: string; default_branch?: string };
  pull_request?: {
    number: number;
    title?: string;
    head: { sha: string; ref?: string; repo?: { full_name?: string } | null };
    base: { sha?: string; ref: string; repo?: { full_name?: string } | null };
  };
  /** `merge_group` events: the queue's group (head_ref names the pull request it adds). */
  merge_group?: { head_sha?: string; head_ref?: string; base_ref?: string };
}

export type PullRequestPayload = NonNullable<EventPayload["pull_request"]>;

/**
 * The pull request check mode judges, and the commit its check run goes on: the event's pull
 * request, or for a merge queue's group the pull request it adds, checked on the group's head
 * commit (so `plan-align` can be a required check with a merge queue).
 */
export function checkedPullRequest(event: ActionEvent): PullRequestPayload {
  const { payload } = event;
  if (payload.pull_request) return payload.pull_request;
  if (event.name === "merge_group") {
    const group = readMergeGroup(payload.merge_group);
    if ("error" in group) throw new InputError(`cannot check this merge group: ${group.error}`);
    return {
      number: group.pullRequest,
      head: { sha: group.headSha },
      base: { ref: group.baseRef },
    };
  }
  throw new InputError(
    `mode check needs a pull request, but the event "${event.name}" has none: run it on pull_request or merge_group, or use mode milestones`,
  );
}

export function readEvent(params: {
  env: Record<string, string | undefined>;
  /** The parsed payload; when absent it is read from GITHUB_EVENT_PATH. */
  payload?: unknown;
}): ActionEvent {
  const { env } = params;
  const name = env.GITHUB_EVENT_NAME;
  if (!name) {
    throw new InputError(
      "GITHUB_EVENT_NAME is not set: run plan-align as a step of a GitHub Actions job",
    );
  }
  const payload = (params.payload ?? readPayloadFile(env.GITHUB_EVENT_PATH)) as EventPayload;
  const fullName = env.GITHUB_REPOSITORY || payload.repository?.full_name || "";
  const [owner, repo, ...rest] = fullName.split("/");
  if (!owner || !repo || rest.length > 0) {
    throw new InputError(`GITHUB_REPOSITORY is "${fullName}": expected OWNER/NAME`);
  }
  return { name, payload, repo: { owner, repo } };
}

function readPayloadFile(path: string | undefined): unknown {
  // schedule events may come without a payload file; an empty payload is fine for them.
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new InputError(
      `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(err as Error).message}`,
    );
  }
}
