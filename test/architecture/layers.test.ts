/**
 * DESIGN §6: the pure core imports no GitHub library, no @actions/*, no probot, no
 * filesystem or network; only src/github talks to GitHub; the front ends do not import
 * each other. Checked on the import lines of every source file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
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

const PURE = ["plan", "snapshot", "evaluate", "sync", "render"];
const FORBIDDEN_IN_PURE = [
  /^probot/,
  /^@actions\//,
  /^@octokit\//,
  /^node:(fs|net|http|https|child_process|dgram|tls)/,
  /^\.\.\/(github|action|app|cli)\//,
];
const FRONT_ENDS = ["action", "app", "cli"];

describe("layers (DESIGN §6)", () => {
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
