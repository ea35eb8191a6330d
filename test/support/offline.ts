/**
 * Keeps a test offline without nock: every TCP connection to anything but loopback is
 * refused and recorded. Tests that talk to the fake GitHub or the App over loopback use this
 * (`offlineFile()`); tests that mock GitHub with nock use test/support/nock.ts instead.
 *
 * Why not `nock.disableNetConnect()` here: loading nock installs its request interceptor,
 * and through it every loopback request costs about 44 ms (measured on the 2-core machine:
 * 100 signed webhooks to an idle App took 4.4 s with nock loaded, 0.14 s without). The
 * replay and load tests make thousands of loopback requests (webhooks to the App, the App's
 * calls to the fake GitHub); with nock loaded they would not fit the suite's time.
 */
import net from "node:net";
import { afterAll, beforeAll, expect } from "vitest";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"]);

export interface OfflineGuard {
  /** Hosts something tried to reach (and was refused). */
  attempts: string[];
  restore(): void;
}

export function refuseNetwork(): OfflineGuard {
  const original = net.Socket.prototype.connect;
  const attempts: string[] = [];
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const host = hostOf(args);
    if (host !== null && !LOOPBACK.has(host)) {
      attempts.push(host);
      throw new Error(`test is offline: refused a connection to ${host}`);
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  return {
    attempts,
    restore() {
      net.Socket.prototype.connect = original;
    },
  };
}

/**
 * Refuses the network (loopback only) for the whole test file, and fails the file if
 * anything tried to reach past loopback. Call it at the top level of a test file.
 */
export function offlineFile(): OfflineGuard {
  const attempts: string[] = [];
  let guard: OfflineGuard | null = null;
  beforeAll(() => {
    guard = refuseNetwork();
  });
  afterAll(() => {
    guard?.restore();
    attempts.push(...(guard?.attempts ?? []));
    expect(attempts, "connections past loopback").toEqual([]);
  });
  return {
    get attempts() {
      return guard?.attempts ?? attempts;
    },
    restore: () => guard?.restore(),
  };
}

/** The host of `socket.connect(options | port, host?, cb?)`; null for a local (IPC) path. */
function hostOf(args: unknown[]): string | null {
  let first = args[0];
  // Node passes [options, cb] as one array argument internally (normalizeArgs).
  if (Array.isArray(first)) first = first[0];
  if (typeof first === "object" && first !== null) {
    const o = first as { path?: string; host?: string };
    if (o.path) return null;
    return o.host ?? "localhost";
  }
  if (typeof first === "string" && Number.isNaN(Number(first))) return null; // a pipe path
  return typeof args[1] === "string" ? args[1] : "localhost";
}
