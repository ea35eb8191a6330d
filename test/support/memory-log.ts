/** A Logger that records what it says, so tests can assert what a user would read in the log. */
import type { Logger } from "../../src/github/types.ts";

export type Level = "debug" | "info" | "warn" | "error";

export interface MemoryLog extends Logger {
  entries: { level: Level; msg: string }[];
  /** Every line as `level: message`, in order. */
  lines: string[];
  /** The messages logged at one level, in order. */
  at(level: Level): string[];
}

export function memoryLog(): MemoryLog {
  const entries: { level: Level; msg: string }[] = [];
  const lines: string[] = [];
  const say = (level: Level) => (msg: string) => {
    entries.push({ level, msg });
    lines.push(`${level}: ${msg}`);
  };
  return {
    entries,
    lines,
    at: (level) => entries.filter((e) => e.level === level).map((e) => e.msg),
    debug: say("debug"),
    info: say("info"),
    warn: say("warn"),
    error: say("error"),
  };
}
