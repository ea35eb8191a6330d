/**
 * Reads a repository with GraphQL in rounds: every round is ONE query holding the next page
 * (`first: 100`) of each connection that still has pages, plus every lookup waiting (an
 * aliased single object: a label by name, a pull request by number, the rest of a nested list
 * that overflowed its page). An answer may ask for more lookups, which ride in the next round.
 * So the number of requests is the length of the longest chain of pages, never one per label,
 * issue or milestone. Round one also carries the fields read once.
 */
import type { GitHubClient } from "./types.ts";

export const PAGE_SIZE = 100;

/** Lookups sent in one query at most (each may hold a few nested lists). */
export const LOOKUPS_PER_ROUND = 100;

/**
 * Connections paged in one query at most; the others wait for a later round. A page of 100
 * pull requests with their nested lists is about 25,000 nodes, so ten stay well below
 * GitHub's limit of 500,000 nodes a query, however many label sets a big plan has.
 */
export const CONNECTIONS_PER_ROUND = 10;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Page<N> {
  nodes: (N | null)[] | null;
  pageInfo: PageInfo;
}

export interface ConnectionSpec {
  /** Alias in the query and prefix of its cursor variable; a GraphQL name. */
  key: string;
  /** The selection under `repository`, using `$<key>After` as the cursor. */
  selection(cursorVar: string): string;
  /** The connection's page in the `repository` answer (null when the parent is absent). */
  page(repository: Record<string, unknown>): Page<unknown> | null | undefined;
  /** Extra variables the selection uses, e.g. `{ pr: ["Int!", 12] }`. */
  variables?: Record<string, [type: string, value: unknown]>;
}

/** One aliased object read under `repository`, e.g. `pr12: pullRequest(number: 12) { … }`. */
export interface Lookup {
  /** The alias; a GraphQL name unique within the round. */
  alias: string;
  /** The whole selection, starting with `alias:`. */
  selection: string;
  /** Receives the aliased answer (null when GitHub has no such object). */
  receive(answer: Record<string, unknown> | null): void;
}

export interface RoundsParams {
  client: GitHubClient;
  owner: string;
  repo: string;
  connections: ConnectionSpec[];
  /** Fields fetched once, in the first round, under `repository`. */
  firstRoundSelection?: string;
  firstRoundVariables?: Record<string, [type: string, value: unknown]>;
  /**
   * Called after each round with the nodes that round brought, by connection key, and the
   * round-one `repository` answer; returns the lookups the next round must carry.
   */
  afterRound?: (params: {
    nodes: Record<string, unknown[]>;
    first: Record<string, unknown>;
  }) => Lookup[];
  /** Called once per query, for the request budget log. */
  onQuery?: (round: number, keys: string[]) => void;
}

export interface RoundsResult {
  /** The first round's `repository` object (for the non-paginated fields). */
  first: Record<string, unknown>;
  /** All nodes of each connection, by key, in order. */
  nodes: Record<string, unknown[]>;
  queries: number;
}

export async function paginateRounds(params: RoundsParams): Promise<RoundsResult> {
  const { client, owner, repo } = params;
  const nodes: Record<string, unknown[]> = {};
  const cursors = new Map<string, string | null>();
  for (const c of params.connections) {
    nodes[c.key] = [];
    cursors.set(c.key, null);
  }
  let pending = [...params.connections];
  let lookups: Lookup[] = [];
  let first: Record<string, unknown> | null = null;
  let round = 0;

  while (first === null || pending.length > 0 || lookups.length > 0) {
    round++;
    const isFirst = first === null;
    const vars: Record<string, [string, unknown]> = {
      owner: ["String!", owner],
      name: ["String!", repo],
      ...(isFirst ? params.firstRoundVariables : {}),
    };
    const selections: string[] = [];
    if (isFirst && params.firstRoundSelection) selections.push(params.firstRoundSelection);
    const waiting = pending.slice(CONNECTIONS_PER_ROUND);
    pending = pending.slice(0, CONNECTIONS_PER_ROUND);
    for (const c of pending) {
      const cursorVar = `${c.key}After`;
      vars[cursorVar] = ["String", cursors.get(c.key) ?? null];
      Object.assign(vars, c.variables);
      selections.push(c.selection(`$${cursorVar}`));
    }
    const sent = lookups.slice(0, LOOKUPS_PER_ROUND);
    lookups = lookups.slice(sent.length);
    for (const l of sent) selections.push(l.selection);
    const declared = Object.entries(vars)
      .map(([k, [type]]) => `$${k}: ${type}`)
      .join(", ");
    const query = `query PlanAlignSnapshot(${declared}) {\n  repository(owner: $owner, name: $name) {\n${selections.join("\n")}\n  }\n}`;
    const values = Object.fromEntries(Object.entries(vars).map(([k, [, v]]) => [k, v]));
    params.onQuery?.(round, [
      ...pending.map((c) => c.key),
      ...(sent.length > 0 ? [`${sent.length} lookups`] : []),
    ]);
    const data = await runQuery({ client, query, variables: values, owner, repo });
    const repository = data.repository as Record<string, unknown> | null;
    if (!repository) {
      throw new Error(
        `Repository ${owner}/${repo} was not found, or the token cannot read it (it needs metadata, contents, issues and pull requests read access).`,
      );
    }
    if (isFirst) first = repository;
    const firstAnswer = first ?? repository;

    // Connections not sent yet go first, so every list has started before any goes further.
    const next: ConnectionSpec[] = [...waiting];
    const brought: Record<string, unknown[]> = {};
    for (const c of pending) {
      const page = c.page(repository);
      if (!page) continue;
      const fresh = (page.nodes ?? []).filter((n) => n !== null);
      brought[c.key] = fresh;
      nodes[c.key]?.push(...fresh);
      if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
        cursors.set(c.key, page.pageInfo.endCursor);
        next.push(c);
      }
    }
    for (const l of sent) {
      const answer = repository[l.alias];
      l.receive(answer && typeof answer === "object" ? (answer as Record<string, unknown>) : null);
    }
    pending = next;
    if (params.afterRound)
      lookups.push(...params.afterRound({ nodes: brought, first: firstAnswer }));
  }
  return { first: first ?? {}, nodes, queries: round };
}

async function runQuery(params: {
  client: GitHubClient;
  query: string;
  variables: Record<string, unknown>;
  owner: string;
  repo: string;
}): Promise<Record<string, unknown>> {
  try {
    return await params.client.graphql<Record<string, unknown>>(params.query, params.variables);
  } catch (error) {
    const errors = (error as { errors?: { type?: string; message?: string }[] }).errors;
    const notFound = errors?.find((e) => e.type === "NOT_FOUND");
    if (notFound) {
      throw new Error(
        `${notFound.message ?? "Not found"} (in ${params.owner}/${params.repo}). Check the repository name, the pull request number, and that the token can read them.`,
        { cause: error },
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`GitHub GraphQL query for ${params.owner}/${params.repo} failed: ${message}`, {
      cause: error,
    });
  }
}
