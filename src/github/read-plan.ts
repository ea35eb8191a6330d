/**
 * Reads single files through the contents API: the plan file (trying the default locations)
 * and any other file at a ref. A missing file is `null`, not an error: "no plan here" is a
 * normal state of a repository. Everything else (no permission, server errors) throws with
 * a message that says what was being read and how to fix it.
 */
import { DEFAULT_PLAN_PATHS } from "../plan/default-paths.ts";
import { describe, statusOf } from "./errors.ts";
import type { GitHubClient, PlanFile, RepoRef } from "./types.ts";

export interface ReadFileAtParams extends RepoRef {
  client: GitHubClient;
  /** Branch, tag or commit SHA; absent: the default branch. */
  ref?: string;
  path: string;
}

/** The text of `path` at `ref`, or null when it does not exist there. */
export async function readFileAt(params: ReadFileAtParams): Promise<string | null> {
  const { client, owner, repo, ref, path } = params;
  let data: unknown;
  try {
    const res = await client.rest.repos.getContent({
      owner,
      repo,
      path,
      ...(ref ? { ref } : {}),
      // raw: the file's bytes as text, up to 100 MB (the JSON form stops at 1 MB).
      mediaType: { format: "raw" },
    });
    data = res.data;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw new Error(
      `Could not read ${path} from ${owner}/${repo}${ref ? `@${ref}` : ""}: ${describe(error)}. ` +
        "Check that the token can read the repository's contents (permission contents: read).",
    );
  }
  return contentText({ data, path, where: `${owner}/${repo}` });
}

export interface ReadPlanFileParams extends RepoRef {
  client: GitHubClient;
  ref?: string;
  /** Absent: the first of DEFAULT_PLAN_PATHS that exists. */
  path?: string;
}

/** The plan file, or null when there is none (at `path`, or at any default location). */
export async function readPlanFile(params: ReadPlanFileParams): Promise<PlanFile | null> {
  const paths = params.path ? [params.path] : [...DEFAULT_PLAN_PATHS];
  for (const path of paths) {
    const text = await readFileAt({ ...params, path });
    // "HEAD" stands for the default branch when no ref was asked for.
    if (text !== null) return { path, text, ref: params.ref ?? "HEAD" };
  }
  return null;
}

/** Raw answers are strings; a proxy or an old server may still answer the JSON form. */
function contentText(params: { data: unknown; path: string; where: string }): string {
  const { data, path, where } = params;
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (Array.isArray(data)) {
    throw new Error(`${path} in ${where} is a directory, not a file; name a file instead.`);
  }
  if (data && typeof data === "object") {
    const obj = data as { type?: string; content?: string; encoding?: string };
    if (obj.type && obj.type !== "file") {
      throw new Error(`${path} in ${where} is a ${obj.type}, not a file; name a file instead.`);
    }
    if (obj.encoding === "base64" && typeof obj.content === "string") {
      return Buffer.from(obj.content, "base64").toString("utf8");
    }
    if (typeof obj.content === "string" && obj.encoding !== "none") return obj.content;
  }
  throw new Error(`GitHub answered an unexpected shape for ${path} in ${where}.`);
}

// src/app/queue.ts still reads the status from here; its home is errors.ts.
export { statusOf };
