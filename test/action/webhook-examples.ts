/** Real webhook payloads from @octokit/webhooks-examples (GitHub's documented examples). */
import { createRequire } from "node:module";

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

const definitions = createRequire(import.meta.url)("@octokit/webhooks-examples") as Definition[];

/** A deep copy of the first example of `name` that `pick` accepts. */
export function webhookExample(
  name: string,
  pick: (payload: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const payload = definitions.find((d) => d.name === name)?.examples.find(pick);
  if (!payload) throw new Error(`@octokit/webhooks-examples has no matching ${name} example`);
  return structuredClone(payload);
}
