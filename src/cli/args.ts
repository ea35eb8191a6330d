/**
 * Argument parsing for the offline commands, on node:util's parseArgs, with messages a
 * person can act on instead of parseArgs' own ("Unknown option '--x'. To specify a
 * positional argument…").
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import type { CliIo } from "./io.ts";

/** A mistake in how the command was called: exit 2 with the message and the usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A file that could not be read: exit 2 with the message (it names the file and the fix). */
export class InputError extends Error {
  override name = "InputError";
}

export function parseFlags<T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
}

function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted ?? ""}`.trim();
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${quoted ? `"${quoted}"` : ""}`.trim();
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const flag = /(--[a-z-]+)/.exec(error.message)?.[1];
      return flag ? `option ${flag} needs a value` : error.message;
    }
    default:
      return error.message;
  }
}

/** A positive whole number (a pull request number), or a usage error naming the flag. */
export function parsePositiveInt(flag: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) {
    throw new UsageError(`${flag} takes a pull request number, e.g. ${flag} 40 (got "${value}")`);
  }
  return Number(value);
}

/** Reads a text file relative to the working directory; failures name the file and the fix. */
export async function readTextFile(params: {
  io: CliIo;
  file: string;
  /** What the file is, for the message: "plan", "snapshot". */
  what: string;
  /** How to point at another file, e.g. "--plan FILE". */
  flag: string;
}): Promise<string> {
  const { io, file, what, flag } = params;
  try {
    // One synchronous read (the CLI has nothing else to do meanwhile): the promise API reads a
    // 67 MB snapshot in 512 KiB round trips to the thread pool and decodes it chunk by chunk,
    // half a second more than this.
    return readFileSync(resolve(io.cwd, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : (error as Error).message;
    throw new InputError(
      `cannot read the ${what} file ${file}: ${reason}. Check the path (relative to ${io.cwd}), or pass ${flag}.`,
    );
  }
}

/** The first default plan location that exists under the working directory, or null. */
export async function findDefaultPlan(
  io: CliIo,
  candidates: readonly string[],
): Promise<string | null> {
  for (const candidate of candidates) {
    try {
      await readFile(resolve(io.cwd, candidate));
      return candidate;
    } catch {
      // Try the next location.
    }
  }
  return null;
}
