/**
 * The Octokit the Action and the CLI use (the App gets Probot's, which has the same plugins).
 * Retries transient server errors, waits out rate limits a bounded number of times, and
 * pins the REST API version so GitHub's answers keep the shape the port was written for.
 */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck";
import type { GitHubClient, Logger } from "./types.ts";

const API_VERSION = "2022-11-28";

export interface CreateClientParams {
  token: string;
  /** GITHUB_API_URL: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  baseUrl?: string;
  log: Logger;
  /** Retries of a failed request (5xx, network) and of a rate-limited one. Default 3; 0 turns retrying off. */
  retries?: number;
  /** Throttle writes and wait out rate limits (default true). */
  throttle?: boolean;
  /**
   * Milliseconds per "second" of every wait (retry back-off, retry-after, rate-limit reset, the
   * 1 s between writes GitHub asks integrators to keep). Default 1000; tests pass 0 or 1.
   */
  waitUnitMs?: number;
  /** A fetch implementation; tests pass `globalThis.fetch` so nock sees the requests. */
  fetch?: typeof fetch;
  /**
   * Milliseconds a request may take (answer and body) before it is aborted and, like a 5xx,
   * retried. Default 30000. Without it a connection GitHub never answers would hang the
   * Action until the job's 6-hour limit.
   */
  timeoutMs?: number;
  userAgent?: string;
}

const RetryingOctokit = Octokit.plugin(retry, throttling);

/** Default limit on one request to GitHub: a reply that never comes must not hang a run. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * `fetch` that gives up after `timeoutMs`. A TimeoutError (unlike an AbortError) becomes a
 * retryable RequestError in @octokit/request, so a hung request is retried like a 5xx.
 * Shared by `createClient` and the App's Probot Octokit.
 */
export function withTimeout(params: {
  timeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
}): typeof fetch {
  const timeoutMs = params.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return (params.fetch ?? globalThis.fetch)(input, { ...init, signal });
  };
}

export function createClient(params: CreateClientParams): GitHubClient {
  const { log } = params;
  const retries = params.retries ?? 3;
  const unit = params.waitUnitMs ?? 1000;
  const throttleEnabled = params.throttle ?? true;
  const timedFetch = withTimeout({ timeoutMs: params.timeoutMs, fetch: params.fetch });

  // Rate limits are waited out (honouring retry-after / x-ratelimit-reset) at most `retries`
  // times per request; after that the request fails and the caller reports it.
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _o: unknown, count: number) => {
      const what = `${options.method} ${options.url}`;
      if (count < retries) {
        log.warn(`GitHub ${kind} on ${what}; retrying in ${retryAfter}s (${count + 1}/${retries})`);
        return true;
      }
      log.error(`GitHub ${kind} on ${what}; giving up after ${retries} retries`);
      return false;
    };

  const throttle = throttleEnabled
    ? {
        onRateLimit: onLimit("rate limit"),
        onSecondaryRateLimit: onLimit("secondary rate limit"),
        retryAfterBaseValue: unit,
        // The default limiter groups are shared module-wide with a fixed 1 s between writes;
        // a scaled wait gets its own groups.
        ...(unit === 1000
          ? {}
          : {
              write: new Bottleneck.Group({ maxConcurrent: 1, minTime: unit }),
              notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * unit }),
              search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 * unit }),
            }),
      }
    : { enabled: false as const };

  const octokit = new RetryingOctokit({
    auth: params.token,
    ...(params.baseUrl ? { baseUrl: params.baseUrl.replace(/\/+$/, "") } : {}),
    userAgent: params.userAgent ?? "plan-align",
    request: { fetch: timedFetch },
    retry: {
      enabled: retries > 0,
      retries,
      retryAfterBaseValue: unit,
      // 429 is a rate limit: left to the throttling plugin, which waits until the reset. The
      // retry plugin would otherwise spend its retries within seconds, before the reset.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle,
    log: {
      debug: (msg: string) => log.debug(msg),
      info: (msg: string) => log.info(msg),
      warn: (msg: string) => log.warn(msg),
      error: (msg: string) => log.error(msg),
    },
  });
  // Octokit's constructor takes no default headers; pin the version on every request.
  octokit.hook.before("request", (options) => {
    options.headers["x-github-api-version"] = API_VERSION;
  });
  return octokit as unknown as GitHubClient;
}

/** A Logger that drops everything (for callers that have none). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
