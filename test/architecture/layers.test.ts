/**
 * The layers of the source tree: each folder imports only from the folders before it in
 * LAYER_ORDER (or its own), nothing imports in a circle, the pure core imports no GitHub
 * library, no @actions/*, no probot, no filesystem or network; only src/github talks to
 * GitHub; the front ends do not import each other. Checked on the import lines of every
 * source file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Each file's folder under src/ and the modules it imports (static and dynamic). */
function imports(): { file: string; layer: string; specifiers: string[]; text: string }[] {
  return files(SRC).map((path) => {
    const text = readFileSync(path, "utf8");
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map(
      (m) => m[1] ?? "",
    );
    const file = relative(SRC, path);
    return { file, layer: file.split("/")[0] ?? "", specifiers, text };
  });
}

/** Lower layers first; a folder may import its own files and those of earlier layers. */
const LAYER_ORDER: Record<string, number> = {
  model: 0,
  criteria: 1,
  plan: 2,
  snapshot: 2,
  evaluate: 3,
  sync: 4,
  render: 5,
  github: 6,
  action: 7,
  app: 7,
  cli: 7,
};

/** The source files a file imports, as paths relative to src/ (relative imports only). */
function localImports(f: { file: string; specifiers: string[] }): string[] {
  return f.specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => relative(SRC, resolve(SRC, dirname(f.file), s)).replace(/\.js$/, ".ts"));
}

const PURE = ["model", "criteria", "plan", "snapshot", "evaluate", "sync", "render"];
const FORBIDDEN_IN_PURE = [
  /^probot/,
  /^@actions\//,
  /^@octokit\//,
  /^node:(fs|net|http|https|child_process|dgram|tls)/,
  /^\.\.\/(github|action|app|cli)\//,
];
const FRONT_ENDS = ["action", "app", "cli"];

describe("layers", () => {
  it("every folder of src/ has a place in the layer order", () => {
    const unplaced = [...new Set(imports().map((f) => f.layer))].filter(
      (layer) => !layer.endsWith(".ts") && !(layer in LAYER_ORDER),
    );
    expect(unplaced).toEqual([]);
  });

  it("each layer imports only from itself and the layers below it", () => {
    const broken = imports().flatMap((f) =>
      localImports(f)
        .filter((target) => {
          const to = LAYER_ORDER[target.split("/")[0] ?? ""];
          const from = LAYER_ORDER[f.layer];
          return to !== undefined && from !== undefined && to > from;
        })
        .map((target) => `${f.file} imports ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it("no module imports in a circle", () => {
    const graph = new Map(imports().map((f) => [f.file, localImports(f)]));
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        circles.push([...path.slice(path.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it("the pure core imports no GitHub library, toolkit, probot, filesystem or network", () => {
    const broken = imports()
      .filter((f) => PURE.includes(f.layer))
      .flatMap((f) =>
        f.specifiers
          .filter((s) => FORBIDDEN_IN_PURE.some((re) => re.test(s)))
          .map((s) => `${f.file} imports ${s}`),
      );
    expect(broken).toEqual([]);
  });

  it("the front ends do not import each other", () => {
    const broken = imports()
      .filter((f) => FRONT_ENDS.includes(f.layer))
      .flatMap((f) =>
        f.specifiers
          .filter((s) =>
            FRONT_ENDS.some((other) => other !== f.layer && s.startsWith(`../${other}/`)),
          )
          .map((s) => `${f.file} imports ${s}`),
      );
    expect(broken).toEqual([]);
  });

  it("only src/github calls the GitHub API", () => {
    const calls = /\.(rest\.\w+\.\w+|graphql|paginate)\s*[(<]/;
    const broken = imports()
      .filter((f) => f.layer !== "github" && calls.test(f.text))
      .map((f) => f.file);
    expect(broken).toEqual([]);
  });

  it("the scan sees imports (it can fail)", () => {
    const self = imports().find((f) => f.file === "plan/load.ts");
    expect(self?.specifiers.length).toBeGreaterThan(0);
  });
});
