/**
 * The App's Octokit: Probot's (retry, throttling, app auth) plus a request timeout. Without
 * one, a GitHub reply that never comes would hold that repository's queue forever, since
 * only one evaluation per repository runs at a time. A function default runs after Probot's
 * own options, so it is not replaced when Probot creates each installation's client.
 */
import { ProbotOctokit } from "probot";
import { REQUEST_TIMEOUT_MS, withTimeout } from "../github/client.ts";

export function appOctokit(params: { timeoutMs?: number } = {}): typeof ProbotOctokit {
  const timeoutMs = params.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return ProbotOctokit.defaults((options: { request?: { fetch?: typeof fetch } }) => ({
    ...options,
    request: {
      ...options.request,
      fetch: withTimeout({ timeoutMs, fetch: options.request?.fetch }),
    },
  })) as typeof ProbotOctokit;
}
