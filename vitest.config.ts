import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { testFilesUsingNock } from "./test/support/projects.ts";

const ALL = ["test/**/*.test.ts"];
/** Files that mock GitHub with nock; see test/support/projects.ts for why they run apart. */
const NOCK = testFilesUsingNock(fileURLToPath(new URL(".", import.meta.url)));
if (NOCK.length === 0) throw new Error("vitest.config.ts: found no test file using nock");

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // It imports its JSON schemas without `with { type: "json" }`: let vite load it.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
    globalSetup: ["test/support/global-setup.ts"],
    // Test files share their worker processes (no per-file module isolation): GitHub's
    // GraphQL schema, the API descriptions, Probot and the core are loaded once per worker,
    // not once per file. Every test file sets up and tears down what it uses.
    projects: [
      { extends: true, test: { name: "nock", include: NOCK, isolate: false } },
      { extends: true, test: { name: "loopback", include: ALL, exclude: NOCK, isolate: false } },
    ],
  },
});
