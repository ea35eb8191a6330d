/**
 * The workflow event the step runs for, read from the runner's environment (never from
 * `@actions/github`'s global context) so tests pass real webhook payloads in.
 */
import { readFileSync } from "node:fs";
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
  ref?: string;
  repository?: { full_name?: string; default_branch?: string };
  pull_request?: {
    number: number;
    title?: string;
    head: { sha: string; ref?: string; repo?: { full_name?: string } | null };
    base: { sha?: string; ref: string; repo?: { full_name?: string } | null };
  };
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
