/** Real webhook payloads from @octokit/webhooks-examples, deep-copied so tests can adjust them. */
import { createRequire } from "node:module";

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}
const definitions = createRequire(import.meta.url)(
  "@octokit/webhooks-examples/api.github.com/index.json",
) as Definition[];

// biome-ignore lint/suspicious/noExplicitAny: payloads are adjusted freely in tests
export type Payload = Record<string, any>;

export function example(name: string, action?: string): Payload {
  const found = definitions
    .find((d) => d.name === name)
    ?.examples.find((e) => action === undefined || e.action === action);
  if (!found)
    throw new Error(`@octokit/webhooks-examples has no ${name}${action ? `.${action}` : ""}`);
  return structuredClone(found) as Payload;
}

/** The example, moved to acme/canteen (default branch main) and given an installation. */
export function canteenExample(name: string, action?: string): Payload {
  const p = example(name, action);
  if (p.repository) {
    p.repository.name = "canteen";
    p.repository.full_name = "acme/canteen";
    p.repository.owner.login = "acme";
    p.repository.html_url = "https://github.com/acme/canteen";
    p.repository.default_branch = "main";
  }
  p.installation = { id: 42, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=" };
  return p;
}
