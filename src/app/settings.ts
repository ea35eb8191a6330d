/**
 * The App's own settings, from the environment (Probot's variables are read by Probot).
 * A bad value stops the app at start with a message that says what to set, rather than
 * running with a surprise default.
 */
export interface AppSettings {
  /** Events for one repository within this window become one evaluation. */
  coalesceMs: number;
  /** Where the plan lives; absent: `.github/plan.yml`, then `.github/plan.yaml`. */
  planPath?: string;
  /** This app's id, so its own check runs and suites do not trigger it again. */
  appId?: number;
}

export const DEFAULT_COALESCE_MS = 2000;

export function settingsFromEnv(env: Record<string, string | undefined>): AppSettings {
  const settings: AppSettings = { coalesceMs: DEFAULT_COALESCE_MS };
  const window = env.PLAN_ALIGN_COALESCE_MS?.trim();
  if (window) {
    const ms = Number(window);
    if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
      throw new Error(
        `PLAN_ALIGN_COALESCE_MS is "${window}"; set it to a whole number of milliseconds between 0 and 600000 (default ${DEFAULT_COALESCE_MS}), or leave it empty.`,
      );
    }
    settings.coalesceMs = ms;
  }
  const path = env.PLAN_ALIGN_PLAN_PATH?.trim();
  if (path) {
    if (path.startsWith("/") || path.split("/").includes("..")) {
      throw new Error(
        `PLAN_ALIGN_PLAN_PATH is "${path}"; set it to a path inside the repository, e.g. .github/plan.yml.`,
      );
    }
    settings.planPath = path;
  }
  const appId = Number(env.APP_ID);
  if (Number.isInteger(appId) && appId > 0) settings.appId = appId;
  return settings;
}
