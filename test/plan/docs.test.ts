/**
 * docs/plan-format.md promises to list every validation message with what to do about it.
 * This fails when a finding code is added to the loader without documenting it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FINDING_CODES } from "../../src/model/findings.ts";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

describe("docs/plan-format.md", () => {
  const docs = read("docs/plan-format.md");

  it("documents every finding code", () => {
    const codes = [...FINDING_CODES].sort();
    expect(codes.length).toBeGreaterThan(35);
    const missing = codes.filter((code) => !docs.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it("mentions the yaml-language-server schema comment", () => {
    expect(docs).toContain("# yaml-language-server: $schema=");
  });
});
