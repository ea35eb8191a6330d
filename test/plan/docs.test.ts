/**
 * docs/plan-format.md promises to list every validation message with what to do about it.
 * This fails when a finding code is added to the loader without documenting it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

/** Every finding code the plan loader can emit, read from its source. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of readdirSync(new URL("src/plan/", root))) {
    if (!file.endsWith(".ts")) continue;
    const text = read(`src/plan/${file}`);
    for (const m of text.matchAll(/(?:code: |return )"([a-z0-9]+(?:-[a-z0-9]+)+)"/g)) {
      codes.add(m[1]);
    }
    // In the cross-reference rules, every kebab-case string literal is a finding code.
    if (file === "validate.ts") {
      for (const m of text.matchAll(/"([a-z]+(?:-[a-z0-9]+)+)"/g)) codes.add(m[1]);
    }
  }
  return codes;
}

describe("docs/plan-format.md", () => {
  const docs = read("docs/plan-format.md");

  it("documents every finding code", () => {
    const codes = [...codesInSource()].sort();
    expect(codes.length).toBeGreaterThan(35);
    const missing = codes.filter((code) => !docs.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it("mentions the yaml-language-server schema comment", () => {
    expect(docs).toContain("# yaml-language-server: $schema=");
  });
});
