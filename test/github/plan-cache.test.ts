import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blobSha, PlanCache } from "../../src/github/plan-cache.ts";

const canteen = readFileSync(new URL("../../examples/canteen/plan.yml", import.meta.url), "utf8");
const path = ".github/plan.yml";

describe("PlanCache", () => {
  it("keys plans by the git blob SHA of their text", () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(blobSha("hello\n")).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
  });

  it("parses and validates a plan once per blob, and again when the plan changes", () => {
    const cache = new PlanCache();
    const first = cache.load({ text: canteen, path });
    expect(first.valid).toBe(true);
    expect(cache.load({ text: canteen, path })).toBe(first);
    const changed = cache.load({ text: `${canteen}\n# edited\n`, path });
    expect(changed).not.toBe(first);
    // The same text at another path names that path in its findings: its own entry.
    expect(cache.load({ text: canteen, path: "plan.yml" }).path).toBe("plan.yml");
    expect(cache.stats()).toEqual({ hits: 1, misses: 3, entries: 3 });
  });

  it("is bounded: the least recently used plan is dropped first", () => {
    const cache = new PlanCache(2);
    const a = cache.load({ text: "version: 1\n# a\n", path });
    cache.load({ text: "version: 1\n# b\n", path });
    expect(cache.load({ text: "version: 1\n# a\n", path })).toBe(a);
    cache.load({ text: "version: 1\n# c\n", path });
    expect(cache.stats().entries).toBe(2);
    // "a" was used after "b", so "b" went.
    expect(cache.load({ text: "version: 1\n# a\n", path })).toBe(a);
    cache.load({ text: "version: 1\n# b\n", path });
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 4 });
  });
});
