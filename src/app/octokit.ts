/**
 * The App's Octokit: Probot's (retry, throttling, app auth) plus
 * - a request timeout: without one, a GitHub reply that never comes would hold that
 *   repository's queue forever, since only one evaluation per repository runs at a time;
 * - a `warn` line as soon as GitHub cannot be reached (naming the request, so the
 *   repository), instead of silence while the retries run their course;
 * - secondary rate limits waited out (retry-after) and retried, where Probot's default only
 *   logs them.
 * A function default runs after Probot's own options, so it is not replaced when Probot
 * creates each installation's client.
 */
import { ProbotOctokit } from "probot";
import { REQUEST_TIMEOUT_MS, withTimeout } from "../github/client.ts";
import type { Logger } from "../github/types.ts";
import { describe } from "./queue.ts";

/** Retries of a request GitHub refused for its secondary rate limit. */
const SECONDARY_LIMIT_RETRIES = 2;

interface ClientOptions {
  request?: { fetch?: typeof fetch };
  log?: Logger;
  throttle?: Record<string, unknown>;
}

export function appOctokit(params: { timeoutMs?: number } = {}): typeof ProbotOctokit {
  const timeoutMs = params.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return ProbotOctokit.defaults((options: ClientOptions) => {
    const log = options.log;
    const timed = withTimeout({ timeoutMs, fetch: options.request?.fetch });
    const warned: typeof fetch = async (input, init) => {
      try {
        return await timed(input, init);
      } catch (error) {
        const url =
          typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        log?.warn(
          `plan-align: GitHub could not be reached for ${init?.method ?? "GET"} ${new URL(url).pathname}: ${describe(error)}${causeOf(error)}`,
        );
        throw error;
      }
    };
    return {
      ...options,
      request: { ...options.request, fetch: warned },
      throttle: {
        ...options.throttle,
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          const what = `${request.method} ${request.url}`;
          if (retryCount < SECONDARY_LIMIT_RETRIES) {
            log?.warn(
              `plan-align: GitHub's secondary rate limit on ${what}; retrying in ${retryAfter} s`,
            );
            return true;
          }
          log?.warn(`plan-align: GitHub's secondary rate limit on ${what}; giving up`);
          return false;
        },
      },
    };
  }) as typeof ProbotOctokit;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? ` (${cause.code})` : "";
}
