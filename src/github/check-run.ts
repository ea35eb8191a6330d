/**
 * Posts the `plan-align` check run. GitHub takes at most 50 annotations per request and
 * 65,535 bytes of summary: the first 50 annotations go with the create, the rest in updates
 * of the same run, and an oversized summary is cut on a character boundary with a note.
 * A read-only token (fork pull requests) gets 403: that becomes CheckRunForbiddenError so
 * the Action can fall back to its job summary without failing.
 */
import type { Finding } from "../model/findings.ts";
import {
  ANNOTATIONS_PER_REQUEST,
  CHECK_RUN_TEXT_BYTES as MAX_SUMMARY_BYTES,
  CHECK_RUN_TITLE_CHARS as MAX_TITLE_CHARS,
} from "../model/github-limits.ts";
import { visible } from "../model/visible-text.ts";
import { describe, failureOf } from "./errors.ts";
import {
  CheckRunForbiddenError,
  type CheckRunParams,
  type GitHubClient,
  type RepoRef,
} from "./types.ts";

const TRUNCATION_NOTE =
  "\n\n---\n*This summary was cut to GitHub's 65,535-byte limit; the full report is in the JSON report.*";

interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export async function writeCheckRun(params: CheckRunParams): Promise<{ id: number; url: string }> {
  const { client, owner, repo } = params;
  const annotations = params.annotations.map((a) => toAnnotation(a.path, a.finding));
  const output = {
    title: truncateBytes(params.title, MAX_TITLE_CHARS, "…"),
    summary: truncateBytes(params.summary, MAX_SUMMARY_BYTES, TRUNCATION_NOTE),
  };
  const batches = chunk(annotations, ANNOTATIONS_PER_REQUEST);

  const created = await forbiddenAware(() =>
    client.rest.checks.create({
      owner,
      repo,
      name: params.name,
      head_sha: params.headSha,
      status: "completed",
      conclusion: params.conclusion,
      completed_at: new Date().toISOString(),
      ...(params.detailsUrl ? { details_url: params.detailsUrl } : {}),
      ...(params.externalId ? { external_id: params.externalId } : {}),
      output: { ...output, ...(batches[0] ? { annotations: batches[0] } : {}) },
    }),
  );
  const id = created.data.id;
  for (const batch of batches.slice(1)) {
    // Annotations sent in an update are appended to the run's existing ones.
    await updateCheckRun({ client, owner, repo, id, output: { ...output, annotations: batch } });
  }
  return { id, url: created.data.html_url ?? "" };
}

interface UpdateCheckRunParams extends RepoRef {
  client: GitHubClient;
  id: number;
  output?: { title: string; summary: string; annotations?: Annotation[] };
  conclusion?: CheckRunParams["conclusion"];
}

/** PATCHes a run (more annotations, a new output or conclusion). 403 → CheckRunForbiddenError. */
async function updateCheckRun(params: UpdateCheckRunParams): Promise<void> {
  const { client, owner, repo, id, output, conclusion } = params;
  await forbiddenAware(() =>
    client.rest.checks.update({
      owner,
      repo,
      check_run_id: id,
      ...(conclusion ? { status: "completed" as const, conclusion } : {}),
      ...(output
        ? {
            output: {
              title: truncateBytes(output.title, MAX_TITLE_CHARS, "…"),
              summary: truncateBytes(output.summary, MAX_SUMMARY_BYTES, TRUNCATION_NOTE),
              ...(output.annotations ? { annotations: output.annotations } : {}),
            },
          }
        : {}),
    }),
  );
}

/** A plan-file finding as a GitHub annotation; columns only when it spans one line (GitHub's rule). */
function toAnnotation(path: string, finding: Finding): Annotation {
  const start = Math.max(1, finding.line);
  const end = Math.max(start, finding.endLine ?? start);
  const annotation: Annotation = {
    path,
    start_line: start,
    end_line: end,
    annotation_level: finding.severity === "error" ? "failure" : "warning",
    message: truncateBytes(visible(finding.message), MAX_SUMMARY_BYTES, "…"),
    ...(finding.code ? { title: finding.code } : {}),
  };
  if (start === end && finding.column > 0) {
    annotation.start_column = finding.column;
    annotation.end_column = Math.max(finding.column, finding.endColumn ?? finding.column);
  }
  return annotation;
}

/**
 * `text` if it fits in `maxBytes` of UTF-8, else its longest prefix that fits together with
 * `note`, cut before a character (never inside a multi-byte sequence).
 */
export function truncateBytes(text: string, maxBytes: number, note: string): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  const noteBytes = Buffer.byteLength(note, "utf8");
  let cut = Math.max(0, maxBytes - noteBytes);
  // 0b10xxxxxx bytes continue a character: step back to the start of one.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString("utf8") + note;
}

async function forbiddenAware<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    // A 403 for a (secondary) rate limit that outlasted the retries is not a permission problem.
    if (failureOf(error).kind === "forbidden") {
      throw new CheckRunForbiddenError(
        `Cannot write the check run: ${describe(error)}. The token is read-only (a pull request ` +
          "from a fork, or a workflow without `permissions: checks: write`).",
        { cause: error },
      );
    }
    throw error;
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
