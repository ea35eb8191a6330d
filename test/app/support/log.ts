import type { Logger } from "../../../src/github/types.ts";

type Level = "debug" | "info" | "warn" | "error";

/** A Logger that records lines, so tests can assert what a user would read in the log. */
export function memoryLog(): Logger & {
  entries: { level: Level; msg: string }[];
  lines(level: Level): string[];
} {
  const entries: { level: Level; msg: string }[] = [];
  const at = (level: Level) => (msg: string) => {
    entries.push({ level, msg });
  };
  return {
    entries,
    lines: (level) => entries.filter((e) => e.level === level).map((e) => e.msg),
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
  };
}
