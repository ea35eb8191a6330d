import type { Command } from "./io.ts";

/** `plan-align sync --repo OWNER/NAME [--dry-run]` (owned by the App work). */
export const runSync: Command = async (_argv, io) => {
  io.stderr("plan-align sync: not implemented yet\n");
  return 2;
};
