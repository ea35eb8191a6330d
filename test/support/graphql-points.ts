/**
 * GitHub's published estimate of what a GraphQL query costs against the rate limit ("Calculating
 * a rate limit score before running the call"): add up the requests needed to fulfil each
 * connection, assuming every `first`/`last` limit is reached (a connection nested in a
 * connection of 100 is 100 requests), divide by 100 and round; a query costs at least 1 point.
 */
import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  parse,
  type SelectionSetNode,
} from "graphql";

/** The requests GitHub counts for one document (before dividing by 100). */
export function graphqlRequests(query: string, variables: Record<string, unknown> = {}): number {
  const document: DocumentNode = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const limit = (args: readonly ArgumentNode[] | undefined): number | null => {
    for (const arg of args ?? []) {
      if (arg.name.value !== "first" && arg.name.value !== "last") continue;
      const v = arg.value;
      if (v.kind === Kind.INT) return Number(v.value);
      if (v.kind === Kind.VARIABLE) {
        const value = variables[v.name.value];
        if (typeof value === "number") return value;
      }
    }
    return null;
  };
  let requests = 0;
  const walk = (set: SelectionSetNode | undefined, multiplier: number): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        const n = limit(s.arguments);
        if (n === null) walk(s.selectionSet, multiplier);
        else {
          requests += multiplier;
          walk(s.selectionSet, multiplier * n);
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, multiplier);
      } else {
        walk(fragments.get(s.name.value)?.selectionSet, multiplier);
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, 1);
  }
  return requests;
}

/** The points GitHub charges for one document: requests / 100, rounded, at least 1. */
export function graphqlPoints(query: string, variables: Record<string, unknown> = {}): number {
  return Math.max(1, Math.round(graphqlRequests(query, variables) / 100));
}
