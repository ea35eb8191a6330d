import { describe, expect, it } from "vitest";
import { settingsFromEnv } from "../../src/app/settings.ts";

describe("the App's settings from the environment", () => {
  it("defaults to the embedded queue: 4 at once, a reconcile every 6 hours", () => {
    expect(settingsFromEnv({})).toEqual({
      coalesceMs: 2000,
      concurrency: 4,
      reconcileSeconds: 21_600,
      lockSeconds: 30,
    });
  });

  it("reads the concurrency, the reconcile period (0 = off), the lock and REDIS_URL", () => {
    const settings = settingsFromEnv({
      PLAN_ALIGN_CONCURRENCY: "8",
      PLAN_ALIGN_RECONCILE_SECONDS: "0",
      PLAN_ALIGN_LOCK_SECONDS: "10",
      REDIS_URL: "redis://cache:6379",
    });
    expect(settings).toMatchObject({
      concurrency: 8,
      reconcileSeconds: 0,
      lockSeconds: 10,
      redisUrl: "redis://cache:6379",
    });
  });

  it("stops with a message saying what to set for a bad value", () => {
    expect(() => settingsFromEnv({ PLAN_ALIGN_CONCURRENCY: "0" })).toThrow(
      'PLAN_ALIGN_CONCURRENCY is "0"; set it to a whole number of evaluations between 1 and 256 (default 4), or leave it empty.',
    );
    expect(() => settingsFromEnv({ PLAN_ALIGN_RECONCILE_SECONDS: "6h" })).toThrow(
      /PLAN_ALIGN_RECONCILE_SECONDS is "6h"; set it to a whole number of seconds/,
    );
    expect(() => settingsFromEnv({ REDIS_URL: "localhost:6379" })).toThrow(
      /REDIS_URL does not start with redis:\/\/ or rediss:\/\//,
    );
  });
});
