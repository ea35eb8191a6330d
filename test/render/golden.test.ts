/**
 * Golden files of the bundled example's reports. They change only on purpose:
 * `UPDATE_GOLDEN=1 npx vitest run test/render` rewrites them; review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/render/json.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { exampleReport } from "./support.ts";

const GOLDEN = join(import.meta.dirname, "golden");

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== "1") throw new Error(`wrote missing golden ${name}; re-run`);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("golden reports of examples/canteen", () => {
  const cases = [
    { name: "canteen-repo", pr: undefined },
    { name: "canteen-pr40", pr: 40 },
    { name: "canteen-pr41", pr: 41 },
  ];
  for (const { name, pr } of cases) {
    it(`${name}: Markdown, JSON and text`, () => {
      const report = exampleReport(pr);
      golden(`${name}.golden.md`, renderMarkdown(report));
      golden(`${name}.golden.json`, renderJson(report));
      golden(`${name}.golden.txt`, renderText(report));
    });
  }
});
