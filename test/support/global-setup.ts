/**
 * Once per `vitest run`, before any test process starts: the work every process would
 * otherwise repeat. The cached part of GitHub's API descriptions is written (./contract.ts),
 * one App private key is made for the run (./test-key.ts), and the test processes (and the
 * programs they start with the environment) share Node's on-disk compile cache.
 */
import { fileURLToPath } from "node:url";
import { cacheRestSpecs } from "./contract.ts";
import { makeTestPrivateKey, TEST_KEY_VARIABLE } from "./test-key.ts";

export default function setup(): void {
  cacheRestSpecs();
  process.env[TEST_KEY_VARIABLE] ||= makeTestPrivateKey();
  process.env.NODE_COMPILE_CACHE ||= fileURLToPath(
    new URL("../../node_modules/.cache/node-compile", import.meta.url),
  );
}
