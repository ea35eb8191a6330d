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
  /** Evaluations at once in this process (PLAN_ALIGN_CONCURRENCY). */
  concurrency: number;
  /** Every installed repository is evaluated on this period and at start-up; 0: never. */
  reconcileSeconds: number;
  /** REDIS_URL: the work queue lives in Redis and is shared by every process using it. */
  redisUrl?: string;
  /**
   * Redis mode: how long a job or a repository lock is held without its holder renewing it
   * (PLAN_ALIGN_LOCK_SECONDS); after that, work held by a killed process is taken up again.
   */
  lockSeconds: number;
}

export const DEFAULT_COALESCE_MS = 2000;
export const DEFAULT_CONCURRENCY = 4;
/** Six hours. */
export const DEFAULT_RECONCILE_SECONDS = 21_600;
export const DEFAULT_LOCK_SECONDS = 30;

/** Every setting at its default (the embedded queue). */
export const DEFAULT_SETTINGS: AppSettings = {
  coalesceMs: DEFAULT_COALESCE_MS,
  concurrency: DEFAULT_CONCURRENCY,
  reconcileSeconds: DEFAULT_RECONCILE_SECONDS,
  lockSeconds: DEFAULT_LOCK_SECONDS,
};

/** A whole number from the environment, or the default when empty; else a message to fix it. */
function wholeNumber(params: {
  env: Record<string, string | undefined>;
  name: string;
  min: number;
  max: number;
  fallback: number;
  unit: string;
}): number {
  const text = params.env[params.name]?.trim();
  if (!text) return params.fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < params.min || n > params.max) {
    throw new Error(
      `${params.name} is "${text}"; set it to a whole number of ${params.unit} between ${params.min} and ${params.max} (default ${params.fallback}), or leave it empty.`,
    );
  }
  return n;
}

export function settingsFromEnv(env: Record<string, string | undefined>): AppSettings {
  const settings: AppSettings = {
    coalesceMs: wholeNumber({
      env,
      name: "PLAN_ALIGN_COALESCE_MS",
      min: 0,
      max: 600_000,
      fallback: DEFAULT_COALESCE_MS,
      unit: "milliseconds",
    }),
    concurrency: wholeNumber({
      env,
      name: "PLAN_ALIGN_CONCURRENCY",
      min: 1,
      max: 256,
      fallback: DEFAULT_CONCURRENCY,
      unit: "evaluations",
    }),
    reconcileSeconds: wholeNumber({
      env,
      name: "PLAN_ALIGN_RECONCILE_SECONDS",
      min: 0,
      max: 31_536_000,
      fallback: DEFAULT_RECONCILE_SECONDS,
      unit: "seconds",
    }),
    lockSeconds: wholeNumber({
      env,
      name: "PLAN_ALIGN_LOCK_SECONDS",
      min: 1,
      max: 3600,
      fallback: DEFAULT_LOCK_SECONDS,
      unit: "seconds",
    }),
  };
  const redisUrl = env.REDIS_URL?.trim();
  if (redisUrl) {
    if (!/^rediss?:\/\//.test(redisUrl)) {
      throw new Error(
        `REDIS_URL does not start with redis:// or rediss://; set it to the Redis server's address, e.g. redis://localhost:6379, or leave it empty to keep the queue in this process.`,
      );
    }
    settings.redisUrl = redisUrl;
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
