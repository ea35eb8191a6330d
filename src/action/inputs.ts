/**
 * The Action's inputs, read from `INPUT_*` variables the way the runner passes them, and
 * validated so that a typo gets a message naming the input, the value and what is allowed.
 */

export const MODES = ["auto", "check", "milestones"] as const;
export type Mode = (typeof MODES)[number];

export interface ActionInputs {
  token: string;
  /** Repository path of the plan; undefined: try the default paths. */
  plan: string | undefined;
  mode: Mode;
  dryRun: boolean;
}

/** A user-facing configuration mistake; its message is shown as is. */
export class InputError extends Error {
  override name = "InputError";
}

/** Same rule as `@actions/core`'s getInput: `INPUT_` + name upper-cased, spaces as `_`, trimmed. */
export function getInput(env: Record<string, string | undefined>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

export function readInputs(params: { env: Record<string, string | undefined> }): ActionInputs {
  const { env } = params;
  const token = getInput(env, "token");
  if (!token) {
    throw new InputError(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, shown literally
      "input token is empty: pass a token (the default is ${{ github.token }}), e.g. `token: ${{ secrets.GITHUB_TOKEN }}`",
    );
  }
  const mode = getInput(env, "mode") || "auto";
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new InputError(
      `input mode is "${mode}": use one of ${MODES.map((m) => `"${m}"`).join(", ")}`,
    );
  }
  return {
    token,
    plan: readPlanPath(getInput(env, "plan")),
    mode: mode as Mode,
    dryRun: readBoolean(getInput(env, "dry-run"), "dry-run"),
  };
}

function readPlanPath(value: string): string | undefined {
  if (!value) return undefined;
  // The plan is read through the contents API, so it must be a path inside the repository.
  const path = value.replace(/^\.\//, "");
  if (path.startsWith("/") || path.split("/").includes("..")) {
    throw new InputError(
      `input plan is "${value}": give a path inside the repository, e.g. .github/plan.yml`,
    );
  }
  return path;
}

function readBoolean(value: string, name: string): boolean {
  // YAML 1.2 core schema booleans, as `core.getBooleanInput` accepts them.
  if (value === "" || ["false", "False", "FALSE"].includes(value)) return false;
  if (["true", "True", "TRUE"].includes(value)) return true;
  throw new InputError(`input ${name} is "${value}": use true or false`);
}
