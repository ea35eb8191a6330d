/**
 * Once per `vitest run`, before any test process starts: the work every process would
 * otherwise repeat. The cached part of GitHub's API descriptions is written (./contract.ts),
 * and one App private key is made for the run (./test-key.ts).
 */
import { cacheRestSpecs } from "./contract.ts";
import { makeTestPrivateKey, TEST_KEY_VARIABLE } from "./test-key.ts";

export default function setup(): void {
  cacheRestSpecs();
  process.env[TEST_KEY_VARIABLE] ||= makeTestPrivateKey();
}
