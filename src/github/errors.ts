/**
 * GitHub's errors as data. Code decides on the HTTP status and a kind read from the error
 * Octokit throws — never by matching the text of a message plan-align wrote for a person.
 */

/** What went wrong, as far as a caller needs to tell: the hint it gives depends on it. */
export type FailureKind =
  /** 401: the token is wrong or expired. */
  | "unauthorized"
  /** 403 without a rate limit: the token may not do this (a read-only or fork token). */
  | "forbidden"
  /** 429, or a 403 for a primary or secondary rate limit that outlasted the retries. */
  | "rate-limited"
  /** 404 (or 410): the object or the repository is not there, or not visible to the token. */
  | "not-found"
  /** 409 or 422: GitHub refused the request as it stands. */
  | "rejected"
  /** 5xx, a timeout or the network (Octokit reports those as 500 too). */
  | "server"
  /** No request was sent: something this run needed (a milestone it should have created) is missing. */
  | "missing-milestone"
  /** Anything else (a bug, an unexpected answer). */
  | "other";

export interface Failure {
  kind: FailureKind;
  /** GitHub's HTTP status; null when GitHub was not asked or did not answer one. */
  status: number | null;
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** "GitHub answered 403 (Resource not accessible by integration)", for messages. */
export function describe(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return status ? `GitHub answered ${status} (${message})` : message;
}

/** The kind and status of an error thrown by a request to GitHub. */
export function failureOf(error: unknown): Failure {
  const status = statusOf(error) ?? null;
  return { kind: kindOf(error, status), status };
}

function kindOf(error: unknown, status: number | null): FailureKind {
  if (status === null) return "other";
  if (status === 401) return "unauthorized";
  if (status === 429 || (status === 403 && rateLimited(error))) return "rate-limited";
  if (status === 403) return "forbidden";
  if (status === 404 || status === 410) return "not-found";
  if (status === 409 || status === 422) return "rejected";
  if (status >= 500) return "server";
  return "other";
}

/** A 403 is a rate limit when GitHub says so: no requests left, or its message names one. */
function rateLimited(error: unknown): boolean {
  const response = (error as { response?: { headers?: Record<string, unknown> } }).response;
  if (String(response?.headers?.["x-ratelimit-remaining"]) === "0") return true;
  const message = error instanceof Error ? error.message : "";
  return /rate limit/i.test(message);
}

/** GitHub's answer to creating something that exists: 422 with an `already_exists` error. */
export function alreadyExists(error: unknown): boolean {
  if (statusOf(error) !== 422) return false;
  const data = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data;
  return (data?.errors ?? []).some((e) => e.code === "already_exists");
}
