/**
 * The branch a pull request targets. A pull request is judged by the plan on its base
 * branch, which is not always the default branch.
 */
import { statusOf } from "./errors.ts";
import type { GitHubClient, RepoRef } from "./types.ts";

/** The pull request's base branch name, or null when there is no such pull request. */
export async function pullRequestBaseRef(
  params: RepoRef & { client: GitHubClient; number: number },
): Promise<string | null> {
  const { client, owner, repo, number } = params;
  try {
    const { data } = await client.rest.pulls.get({ owner, repo, pull_number: number });
    return data.base.ref;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
