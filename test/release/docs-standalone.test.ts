/**
 * The repository's docs stand alone: nothing points to a document the reader does not have,
 * and each Action output is defined once — docs/action.md's table is what action.yml says.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = join(import.meta.dirname, "../..");

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => filesUnder(`${path}/${name}`));
}

describe("the docs stand alone", () => {
  it("no README, doc, manifest, example or source refers to a design document", () => {
    const files = ["README.md", "action.yml", "app.yml", "docs", "examples", "src"].flatMap(
      filesUnder,
    );
    const hits = files
      .filter((f) => !/\.(png|jpe?g|gif|svg)$/.test(f))
      .flatMap((f) =>
        readFileSync(join(ROOT, f), "utf8")
          .split("\n")
          .map((line, i) => ({ at: `${f}:${i + 1}`, line }))
          .filter(({ line }) => line.includes("DESIGN")),
      );
    expect(hits).toEqual([]);
  });

  it("action.yml's output descriptions are docs/action.md's definitions, word for word", () => {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
      outputs: Record<string, { description: string }>;
    };
    const doc = readFileSync(join(ROOT, "docs/action.md"), "utf8");
    const section = doc.slice(
      doc.indexOf("## Outputs"),
      doc.indexOf("\n## ", doc.indexOf("## Outputs") + 1),
    );
    const documented: Record<string, string> = {};
    for (const m of section.matchAll(/^\| `([\w-]+)` +\| (.+?) +\|$/gm)) {
      documented[m[1] ?? ""] = m[2] ?? "";
    }
    const declared = Object.fromEntries(
      Object.entries(action.outputs).map(([name, o]) => [name, o.description.replace(/\s+/g, " ")]),
    );
    expect(Object.keys(declared)).toEqual(["conclusion", "aligned", "achieves", "report"]);
    expect(documented).toEqual(declared);
  });

  it("the README defines no output itself: it points to docs/action.md", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).not.toMatch(/^\| `aligned`/m);
    expect(readme).toContain("[docs/action.md](docs/action.md#outputs)");
  });
});
