/**
 * A burst of 1,000 signed webhooks for one repository, sent over loopback to the App running
 * as a real server against the fake GitHub (the same harness as the end-to-end tests), 25 in
 * flight at a time. What a maintainer cares about in a burst:
 *   app.burst.evaluations            how many repository evaluations ran (coalescing at work)
 *   app.burst.requests_per_webhook   GitHub API requests per webhook received
 *   app.burst.ack_p99_ms             99th-percentile time to acknowledge a webhook
 */

import { DEFAULT_COALESCE_MS } from "../src/app/settings.ts";
import { type Delivery, sendWebhook, startApp } from "../test/app/support/server.ts";
import { canteenExample } from "../test/app/support/webhooks.ts";
import { startFakeGitHub } from "../test/support/fake-github/index.ts";
import { SPEC_PLAN } from "../test/support/spec-plan.ts";
import type { Figure } from "./run.ts";

const WEBHOOKS = 1000;
const IN_FLIGHT = 25;

export default async function bench(): Promise<Figure[]> {
  const gh = await startFakeGitHub({
    repos: [
      {
        owner: "acme",
        name: "canteen",
        files: { ".github/plan.yml": SPEC_PLAN },
        issues: Array.from({ length: 20 }, (_, i) => ({
          number: i + 1,
          title: `Issue ${i + 1}`,
          labels: ["deliverable:spec"],
        })),
      },
    ],
  });
  const app = await startApp({ githubUrl: gh.url, coalesceMs: DEFAULT_COALESCE_MS });
  try {
    const kinds: [string, string][] = [
      ["issues", "labeled"],
      ["issues", "opened"],
      ["issues", "edited"],
      ["milestone", "created"],
      ["label", "created"],
    ];
    const deliveries: Delivery[] = Array.from({ length: WEBHOOKS }, (_, i) => {
      const [name, action] = kinds[i % kinds.length] as [string, string];
      return { name, payload: canteenExample(name, action), id: `burst-${i}` };
    });

    const acks: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < deliveries.length) {
        const d = deliveries[next++] as Delivery;
        const res = await sendWebhook(app.url, d);
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
        acks.push(res.ms);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await app.settle();

    acks.sort((a, b) => a - b);
    const p99 = acks[Math.min(acks.length - 1, Math.ceil(acks.length * 0.99) - 1)] ?? 0;
    const median = acks[Math.floor(acks.length / 2)] ?? 0;
    return [
      {
        name: "app.burst.evaluations",
        value: app.handle.stats.evaluations,
        unit: "evaluations",
        against: `${WEBHOOKS} webhooks for one repository (window ${DEFAULT_COALESCE_MS} ms)`,
        ratio: app.handle.stats.evaluations / WEBHOOKS,
      },
      {
        name: "app.burst.requests_per_webhook",
        value: gh.requests.length / WEBHOOKS,
        unit: "requests",
        against: `${gh.requests.length} API requests for ${WEBHOOKS} webhooks`,
        ratio: null,
      },
      {
        name: "app.burst.ack_p99_ms",
        value: p99,
        unit: "ms",
        against: `median acknowledgement ${median.toFixed(1)} ms`,
        ratio: median > 0 ? p99 / median : null,
      },
    ];
  } finally {
    await app.close();
    await gh.close();
  }
}
