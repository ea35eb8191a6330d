/**
 * The committed dist/ must be what the sources build to: action.yml runs dist/index.js, so a
 * stale bundle would ship old behaviour. The build is deterministic (relative paths, no
 * timestamps), so a fresh in-memory build — laid out exactly as `npm run build` writes it,
 * since source-map paths are relative to the output directory — is compared byte for byte.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDist, committedFiles, ROOT } from "../../scripts/build.ts";

/** The first build, shared: the freshness check compares it, the reproducibility check builds once more. */
let firstBuild: ReturnType<typeof buildDist> | undefined;
const build = () => {
  firstBuild ??= buildDist();
  return firstBuild;
};

describe("dist/", () => {
  it("is fresh: run `npm run build` and commit dist/ when this fails", async () => {
    const built = await build();
    const paths = built.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "dist/cli.js",
        "dist/cli.js.map",
        "dist/index.js",
        "dist/index.js.map",
      ]),
    );
    // Besides the two entry points, only the Action's chunks (src/action/main.ts loads them).
    expect(paths.filter((p) => !/^dist\/(cli|index)\.js(\.map)?$/.test(p))).toEqual(
      paths.filter((p) => /^dist\/chunks\/[\w-]+\.js(\.map)?$/.test(p)),
    );
    expect(committedFiles(), "dist/ holds exactly the built files").toEqual(paths);
    const stale = built
      .filter((f) => !Buffer.from(f.contents).equals(readFileSync(join(ROOT, f.path))))
      .map((f) => f.path);
    expect(stale, "stale files (run `npm run build`)").toEqual([]);
  });

  it("is reproducible: no absolute paths or timestamps leak into the bundle or its maps", async () => {
    const [a, b] = [await build(), await buildDist()];
    expect(a.map((f) => Buffer.from(f.contents).toString("base64"))).toEqual(
      b.map((f) => Buffer.from(f.contents).toString("base64")),
    );
    for (const f of a) {
      const text = Buffer.from(f.contents).toString("utf8");
      expect(text.includes(ROOT), `${f.path} contains the checkout path`).toBe(false);
    }
    const map = JSON.parse(
      Buffer.from(a.find((f) => f.path === "dist/index.js.map")?.contents ?? []).toString(),
    );
    expect(map.sources).toContain("../src/action/main.ts");
  });
});
