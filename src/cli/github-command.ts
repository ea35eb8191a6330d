/**
 * What the commands that read GitHub (`snapshot`, `sync`) share: the client from
 * GITHUB_TOKEN / GITHUB_API_URL, a logger that keeps stdout for the command's output, and a
 * plan read from a local file instead of the repository.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { createClient } from "../github/client.ts";
import type { LoadedPlanFile } from "../github/evaluate-on-github.ts";
import type { GitHubClient, Logger } from "../github/types.ts";
import { visible } from "../model/visible-text.ts";
import { loadPlan } from "../plan/load.ts";
import type { CliIo } from "./io.ts";

/** `--repo OWNER/NAME`, split; a missing or malformed value is an error saying which. */
export function parseRepo(value: string | undefined): { owner: string; repo: string } {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value ?? "");
  if (!match) {
    throw new Error(
      value ? `--repo "${value}" is not OWNER/NAME` : "--repo OWNER/NAME is required",
    );
  }
  return { owner: match[1] ?? "", repo: match[2] ?? "" };
}

/** stdout carries the command's output; progress stays quiet and warnings go to stderr. */
export function stderrLogger(io: CliIo): Logger {
  return {
    debug() {},
    info() {},
    // One line each, control characters visible (a title can carry a line break).
    warn: (m) => io.stderr(`warning: ${visible(m)}\n`),
    error: (m) => io.stderr(`error: ${visible(m)}\n`),
  };
}

/**
 * The client for GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise Server). `globalThis.fetch`
 * on purpose: an interceptor (nock in tests, a proxy agent) sees what it sends.
 */
export function clientFromEnv(params: { io: CliIo; token: string; log: Logger }): GitHubClient {
  const { io, token, log } = params;
  return createClient({
    token,
    ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}),
    log,
    fetch: (...a: Parameters<typeof fetch>) => globalThis.fetch(...a),
  });
}

/**
 * A local plan, loaded. Its path relative to the working directory names it in messages and
 * doubles as its path in the repository (run from the checkout's root), which is where the
 * snapshot loader looks for a pull request's change to it.
 */
export async function readLocalPlan(params: {
  file: string;
  io: CliIo;
}): Promise<LoadedPlanFile<{ path: string; text: string }>> {
  const abs = resolve(params.io.cwd, params.file);
  let text: string;
  try {
    text = await readFile(abs, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `cannot read the plan ${params.file}: ${code === "ENOENT" ? "no such file" : (code ?? String(error))}`,
    );
  }
  const rel = relative(params.io.cwd, abs).split("\\").join("/");
  const path = isAbsolute(params.file) || rel.startsWith("..") ? params.file : rel;
  return { planFile: { path, text }, loaded: loadPlan({ text, path }) };
}
