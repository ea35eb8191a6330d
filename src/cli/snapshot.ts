import type { Command } from "./io.ts";

/** `plan-align snapshot --repo OWNER/NAME [--pr N] [--plan FILE]` (owned by the Action work). */
export const runSnapshot: Command = async (_argv, io) => {
  io.stderr("plan-align snapshot: not implemented yet\n");
  return 2;
};
