/**
 * What an App is installed on: its installations (with the App's own token) and each
 * installation's repositories (with that installation's token). The reconcile walks these
 * to evaluate every installed repository without waiting for a webhook.
 */
import type { GitHubClient } from "./types.ts";

export interface InstalledRepository {
  owner: string;
  repo: string;
  /** Web address of the GitHub server (`https://github.com`, or the GHES host). */
  serverUrl: string;
}

/** Installation ids of the App (one request per 100 installations). */
export async function listInstallationIds(appClient: GitHubClient): Promise<number[]> {
  const installations = await appClient.paginate(appClient.rest.apps.listInstallations, {
    per_page: 100,
  });
  return installations.map((i) => i.id);
}

/** The repositories one installation can reach (one request per 100 repositories). */
export async function listInstalledRepositories(
  client: GitHubClient,
): Promise<InstalledRepository[]> {
  const repos = await client.paginate(client.rest.apps.listReposAccessibleToInstallation, {
    per_page: 100,
  });
  return repos
    .filter((r) => !r.archived)
    .map((r) => {
      const suffix = `/${r.full_name}`;
      return {
        owner: r.owner.login,
        repo: r.name,
        serverUrl: r.html_url.endsWith(suffix)
          ? r.html_url.slice(0, -suffix.length)
          : "https://github.com",
      };
    });
}
