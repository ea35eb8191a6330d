import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // It imports its JSON schemas without `with { type: "json" }`: let vite load it.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
  },
});
