/**
 * The runner's workflow-command protocol, written directly: `::command props::message` lines
 * on stdout, and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. These few functions are all
 * the Action needs from `@actions/core`, whose bundle also carries undici (a third of the old
 * dist/index.js) for OIDC tokens the Action never asks for. Same escaping and file formats as
 * `@actions/core` (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync } from "node:fs";
import { EOL } from "node:os";
import type { AnnotationProps } from "./core.ts";

type Write = (text: string) => void;

/** The message of a command: `%`, CR and LF escaped so one message stays one command. */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** A property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** `::name k=v,k=v::message` — the line the runner turns into a log group, annotation, …. */
export function formatCommand(
  name: string,
  props: Record<string, string | number | undefined>,
  message: string,
): string {
  const pairs = Object.entries(props)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name}${pairs.length > 0 ? ` ${pairs.join(",")}` : ""}::${escapeData(message)}`;
}

/** An annotation's position, under the property names the runner reads. */
export function annotationProperties(
  p: AnnotationProps | undefined,
): Record<string, string | number | undefined> {
  if (!p) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
  };
}

/**
 * `name<<DELIMITER` … `DELIMITER`, as GITHUB_OUTPUT wants a value that may span lines; the
 * delimiter is random so a value cannot end it early.
 */
export function formatOutput(
  name: string,
  value: string,
  delimiter = `ghadelimiter_${randomUUID()}`,
) {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`output ${name}: its value contains the delimiter ${delimiter}`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export interface WorkflowCommands {
  command(name: string, props: Record<string, string | number | undefined>, message: string): void;
  log(message: string): void;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): void;
}

/** The protocol on a real process: stdout, and the files the runner names in the environment. */
export function workflowCommands(
  env: NodeJS.ProcessEnv = process.env,
  write: Write = (t) => process.stdout.write(t),
): WorkflowCommands {
  const appendTo = (variable: string, text: string) => {
    const path = env[variable];
    if (!path || !existsSync(path))
      throw new Error(`${variable} names no file (${path ?? "unset"})`);
    appendFileSync(path, text, "utf8");
  };
  return {
    command: (name, props, message) => write(`${formatCommand(name, props, message)}${EOL}`),
    log: (message) => write(`${message}${EOL}`),
    setOutput: (name, value) => {
      if (env.GITHUB_OUTPUT) appendTo("GITHUB_OUTPUT", formatOutput(name, value));
      // An old runner without the file: the deprecated command, as @actions/core does.
      else write(`${EOL}${formatCommand("set-output", { name }, value)}${EOL}`);
    },
    appendSummary: (markdown) => appendTo("GITHUB_STEP_SUMMARY", `${markdown}${EOL}`),
  };
}
