/**
 * The GitHub App's private key in tests: an RSA key generated at run time, never committed.
 * The suite's global setup makes one per run and hands it to every test process through the
 * environment (making a 2048-bit key costs a test process ~0.1–0.5 s); a process started
 * outside the suite makes its own.
 */
import { generateKeyPairSync } from "node:crypto";

export const TEST_KEY_VARIABLE = "PLAN_ALIGN_TEST_APP_KEY";

let cachedKey: string | null = null;

export function makeTestPrivateKey(): string {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
}

/** The run's key (from the global setup), or one made once for this process. */
export function testPrivateKey(): string {
  cachedKey ??= process.env[TEST_KEY_VARIABLE] || makeTestPrivateKey();
  return cachedKey;
}
