/**
 * What a CLI command gets from the outside world. Commands return their exit code
 * (0 ok, 1 invalid plan / evaluation verdict, 2 usage or I/O error) and never call
 * process.exit, so tests drive them in-process.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export type Command = (argv: string[], io: CliIo) => Promise<number>;
