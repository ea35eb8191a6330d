/**
 * A Probot instance running the plan-align app for tests: a private key generated at run
 * time (never committed), retry and throttling off, a log that records what it says, and a
 * fake clock for the coalescing window so nothing waits on real time.
 */
import { Writable } from "node:stream";
import { type Logger, pino } from "pino";
import { type ApplicationFunction, Probot, ProbotOctokit } from "probot";
import { createPlanAlignApp, type PlanAlignHandle } from "../../../src/app/index.ts";
import type { Timers } from "../../../src/app/queue.ts";
import type { AppSettings } from "../../../src/app/settings.ts";

import { testPrivateKey } from "../../support/test-key.ts";

export { testPrivateKey };

export const TEST_APP_ID = 4242;
export const TEST_SECRET = "plan-align-test-secret";

export interface LogLine {
  level: number;
  msg: string;
}

export function recordingLogger() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split("\n")) {
        if (text.trim()) lines.push(JSON.parse(text) as LogLine);
      }
      done();
    },
  });
  const log = pino({ level: "debug" }, stream);
  return {
    log,
    lines,
    /** Messages at warn (40) or above. */
    problems: () => lines.filter((l) => l.level >= 40).map((l) => l.msg),
    messages: () => lines.map((l) => l.msg),
  };
}

/** Fires armed timers on demand: the test decides when the coalescing window closes. */
export { fakeTimers as manualTimers } from "./timers.ts";

/**
 * The plan-align app loaded into a Probot for tests — the one place the suite builds it (the
 * in-process handler tests, the App as a server, the App as its own process): the run's
 * private key, the test secret and app id, retry and throttling off.
 */
export function loadTestApp(params: {
  log: Logger;
  baseUrl?: string;
  settings?: Partial<AppSettings>;
  timers?: Timers;
  now?: () => Date;
}): { probot: Probot; app: ApplicationFunction; handle: PlanAlignHandle } {
  const probot = new Probot({
    appId: TEST_APP_ID,
    privateKey: testPrivateKey(),
    secret: TEST_SECRET,
    log: params.log,
    ...(params.baseUrl ? { baseUrl: params.baseUrl } : {}),
    Octokit: unthrottledOctokit(),
  });
  const { app, handle } = createPlanAlignApp({
    settings: { coalesceMs: 0, appId: TEST_APP_ID, ...params.settings },
    ...(params.timers ? { timers: params.timers } : {}),
    ...(params.now ? { now: params.now } : {}),
  });
  return { probot, app, handle };
}

export function testProbot(params: {
  baseUrl?: string;
  settings?: Partial<AppSettings>;
  timers?: Timers;
  now?: () => Date;
}): { probot: Probot; handle: PlanAlignHandle; logs: ReturnType<typeof recordingLogger> } {
  const logs = recordingLogger();
  const { probot, app, handle } = loadTestApp({
    ...params,
    log: logs.log,
    settings: { coalesceMs: 0, ...params.settings },
  });
  void probot.load(app);
  return { probot, handle, logs };
}

/**
 * Probot's Octokit with retry and throttling off. A plain `.defaults({ throttle: { enabled:
 * false } })` is not enough in Probot 14: Probot passes its own `throttle` options when it
 * creates each client, replacing ours, and writes are then spaced a second apart. A
 * function default runs last and keeps `enabled: false`.
 */
export function unthrottledOctokit(): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { ...(options.throttle as object), enabled: false },
  })) as typeof ProbotOctokit;
}
