/** `plan-align schema`: the plan's JSON Schema, for editors and other tools. */
import { planJsonSchema } from "../plan/json-schema.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./io.ts";

export const SCHEMA_HELP = `usage: plan-align schema

Prints the JSON Schema of the plan file (the one committed as schema/plan.schema.json).
Point your editor at it with a first line like
  # yaml-language-server: $schema=<path or URL of the schema>

Options:
  -h, --help    show this help
`;

export const runSchema: Command = async (argv, io) => {
  const flags = parseFlags(argv, { help: { type: "boolean", short: "h" } });
  if (flags.help) {
    io.stdout(SCHEMA_HELP);
    return 0;
  }
  io.stdout(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  return 0;
};
