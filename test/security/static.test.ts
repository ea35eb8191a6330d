/**
 * Static guarantees, read from the source and the manifests:
 * - no regular expression is ever built from data (plan, snapshot, payload): every
 *   `new RegExp(` / `RegExp(` in src/ must take a literal, and none exists today;
 * - the App's manifest asks for exactly the least privileges, and the Action's documented
 *   workflow permissions are the same set.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe("no regular expression from user input", () => {
  it("src/ builds no RegExp from a non-literal (and plan/payload strings never reach one)", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, "src"))) {
      const text = readFileSync(file, "utf8");
      // `new RegExp(x)` or `RegExp(x)` whose first argument is not a string/regex literal.
      for (const m of text.matchAll(/\b(?:new\s+)?RegExp\s*\(\s*([^)\s])/g)) {
        const first = m[1];
        if (first === '"' || first === "'" || first === "/") continue;
        const line = text.slice(0, m.index).split("\n").length;
        offenders.push(`${relative(ROOT, file)}:${line}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the scan itself finds a dynamic RegExp (it can fail)", () => {
    const sample = "const r = new RegExp(plan.title);";
    expect([...sample.matchAll(/\b(?:new\s+)?RegExp\s*\(\s*([^)\s])/g)].map((m) => m[1])).toEqual([
      "p",
    ]);
  });
});

describe("least privilege", () => {
  const manifest = parse(readFileSync(join(ROOT, "app.yml"), "utf8")) as {
    default_permissions: Record<string, string>;
  };
  const LEAST = {
    checks: "write",
    issues: "write",
    pull_requests: "read",
    contents: "read",
    metadata: "read",
    // GitHub delivers merge_group only to an app with it; nothing is read through it.
    merge_queues: "read",
  };

  it("app.yml's default_permissions are exactly checks write, issues write, pull_requests/contents/metadata/merge_queues read", () => {
    expect(manifest.default_permissions).toEqual(LEAST);
  });

  it("each permission in app.yml carries a comment saying why", () => {
    const text = readFileSync(join(ROOT, "app.yml"), "utf8");
    const block = text.slice(text.indexOf("default_permissions:"));
    for (const key of Object.keys(LEAST)) {
      const line = block.split("\n").findIndex((l) => l.trim().startsWith(`${key}:`));
      expect(line, key).toBeGreaterThan(0);
      expect(block.split("\n")[line - 1]?.trim().startsWith("#"), `comment above ${key}`).toBe(
        true,
      );
    }
  });

  it("the Action's documented workflow permissions are the same set (metadata is implicit)", () => {
    for (const doc of ["docs/action.md"]) {
      const text = readFileSync(join(ROOT, doc), "utf8");
      const yamlBlock = /```yaml\n([\s\S]*?)```/g;
      const blocks = [...text.matchAll(yamlBlock)]
        .map((m) => parse(m[1] ?? "") as { permissions?: Record<string, string> } | null)
        .filter((b) => b?.permissions);
      expect(blocks.length, doc).toBeGreaterThan(0);
      for (const b of blocks) {
        const permissions = Object.fromEntries(
          Object.entries(b?.permissions ?? {}).map(([k, v]) => [k.replace("-", "_"), v]),
        );
        // A workflow token has no merge-queues permission: the merge_group event is enough.
        const { metadata: _implicit, merge_queues: _appOnly, ...rest } = LEAST;
        expect(permissions, doc).toEqual(rest);
      }
    }
  });
});
