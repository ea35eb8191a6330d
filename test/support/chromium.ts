/**
 * The system Chromium for browser tests (Debian's `chromium`; `.ci/run` installs it). A test
 * that needs it skips on a developer machine without it, and fails under CI: a missing
 * browser must never turn a check green.
 */
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The browser's path: `CHROMIUM_PATH` when set, else the first installed candidate. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

/** True when the test should be skipped: no browser, and not under CI. */
export function skipWithoutChromium(): boolean {
  return chromiumPath() === undefined && !process.env.CI;
}

/** The path to launch; throws (under CI) when there is none. */
export function requireChromium(): string {
  const path = chromiumPath();
  if (path === undefined) {
    throw new Error(
      `Chromium not found (looked for ${CANDIDATES.join(", ")}; set CHROMIUM_PATH): ` +
        "install it with `apt-get install chromium` (.ci/run does).",
    );
  }
  return path;
}
