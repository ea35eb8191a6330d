/**
 * The repository's open GitHub milestones, oldest due first (undated last): what
 * `plan-align init --repo` starts a plan from. One paginated REST read.
 */
import { githubDay } from "../model/names/due-on.ts";
import type { StarterMilestone } from "../plan/starter.ts";
import type { GitHubClient, RepoRef } from "./types.ts";

export async function openMilestones(
  params: RepoRef & { client: GitHubClient },
): Promise<StarterMilestone[]> {
  const { client, owner, repo } = params;
  const all = await client.paginate(client.rest.issues.listMilestones, {
    owner,
    repo,
    state: "open",
    sort: "due_on",
    direction: "asc",
    per_page: 100,
  });
  return all.map((m) => ({
    title: m.title,
    dueOn: m.due_on ? githubDay(m.due_on) : null,
    description: m.description ?? null,
  }));
}
