/**
 * nock for GitHub, with every intercepted request validated against GitHub's API
 * descriptions (contract.ts). Use `githubNock()` instead of `nock("https://api.github.com")`,
 * and call `expectCleanGitHubMocks()` after each test: it fails on unused interceptors and on
 * any request GitHub would not accept.
 */
import nock from "nock";
import { expect } from "vitest";
import { checkRequest, contractViolations, resetContractViolations } from "./contract.ts";

export const GITHUB_API = "https://api.github.com";

/** A nock scope on the GitHub API whose requests are contract-checked. */
export function githubNock(baseUrl: string = GITHUB_API): nock.Scope {
  const scope = nock(baseUrl);
  scope.on("request", (req: { method?: string; url?: string; path?: string }, _i, body) => {
    const url = new URL(req.url ?? req.path ?? "/", baseUrl);
    checkRequest({ method: req.method ?? "GET", path: url.pathname, body });
  });
  return scope;
}

/** Offline: no real network, only loopback (for the fake GitHub server). */
export function offline(): void {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  resetContractViolations();
}

/** Every interceptor was used, and no request violated GitHub's contract. */
export function expectCleanGitHubMocks(): void {
  const pending = nock.pendingMocks();
  const violations = contractViolations();
  nock.cleanAll();
  resetContractViolations();
  expect(pending, "unused nock interceptors").toEqual([]);
  expect(violations, "requests GitHub would reject").toEqual([]);
}

/** A client whose waits are ~instant and that uses globalThis.fetch (which nock sees). */
export const fastClientOptions = {
  token: "test-token",
  baseUrl: GITHUB_API,
  waitUnitMs: 1,
  fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
} as const;
