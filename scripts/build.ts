/**
 * Builds the committed bundles: src/action/index.ts → dist/index.js (the Action, what
 * action.yml runs) and src/cli/main.ts → dist/cli.js (what bin/plan-align.js imports).
 *
 *   npm run build         writes dist/
 *   npm run check:dist    exits 1 when dist/ differs from a fresh build (also a vitest test)
 *
 * The output is deterministic — paths relative to the repository, no timestamps — so the
 * committed dist/ can be compared byte for byte with a rebuild on any machine.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, type Plugin } from "esbuild";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");

/**
 * Bundled CommonJS dependencies (bottleneck, among others) call `require` for Node's
 * built-ins, which an ES module does not have: define it before any bundled code runs.
 */
const BANNER = [
  'import { createRequire as __planAlignCreateRequire } from "node:module";',
  "const require = __planAlignCreateRequire(import.meta.url);",
].join("\n");

/**
 * The CLI imports package.json only for its version. Bundle just that field, so that a
 * dependency or script change in package.json does not make the committed dist/ stale.
 */
const packageVersionOnly: Plugin = {
  name: "package-version-only",
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, (args) => {
      if (args.path !== join(ROOT, "package.json")) return undefined; // dependencies' own: as is
      const { version } = JSON.parse(readFileSync(args.path, "utf8")) as { version: string };
      return { contents: JSON.stringify({ version }), loader: "json" };
    });
  },
};

/**
 * zod exports every locale (`z.locales`, ~300 KB) though only English, its default, is used:
 * its locales index resolves to the English module (so `z.locales` holds no other language).
 */
const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      return { path: join(dirname(args.importer), "../locales/en.js") };
    });
  },
};

/**
 * One Bottleneck: @octokit/plugin-throttling imports `bottleneck/light.js` (no Redis), the
 * port imports `bottleneck`; the bundles never use Redis, so both get the light build.
 */
const oneBottleneck: Plugin = {
  name: "one-bottleneck",
  setup(b) {
    b.onResolve({ filter: /^bottleneck$/ }, (args) =>
      b.resolve("bottleneck/light.js", { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};

export interface BuiltFile {
  /** Path relative to the repository root, with `/`, e.g. `dist/index.js`. */
  path: string;
  contents: Uint8Array;
}

/** Builds both bundles in memory, exactly as `npm run build` writes them. */
export async function buildDist(): Promise<BuiltFile[]> {
  const common = {
    absWorkingDir: ROOT,
    outdir: "dist",
    bundle: true,
    format: "esm",
    platform: "node",
    // The Action runs on node24; the CLI (the npm package) promises Node 22 and later.
    target: "node22",
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false,
    sourcemap: "linked",
    // Relative `sources` plus their text: readable stack traces without absolute paths.
    sourcesContent: true,
    banner: { js: BANNER },
    legalComments: "eof",
    charset: "utf8",
    write: false,
    logLevel: "warning",
    plugins: [packageVersionOnly, zodEnglishOnly, oneBottleneck],
  } satisfies BuildOptions;
  const [action, cli] = await Promise.all([
    // The Action in chunks: what its dynamic imports name (evaluation, rendering, the plan
    // parser) loads after its first request is sent (src/action/main.ts).
    build({
      ...common,
      entryPoints: { index: "src/action/index.ts" },
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
    }),
    // The CLI in one file: the npm package is bin/plan-align.js and dist/cli.js alone.
    build({ ...common, entryPoints: { cli: "src/cli/main.ts" } }),
  ]);
  return [...action.outputFiles, ...cli.outputFiles]
    .map((f) => ({ path: relative(ROOT, f.path).split("\\").join("/"), contents: f.contents }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Files under dist/ now (relative to the root, with `/`). */
export function committedFiles(): string[] {
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

/**
 * Paths (relative to the root) whose committed bytes differ from `built`, are missing, or
 * are left over from an older build (a chunk no longer built).
 */
export function staleFiles(built: BuiltFile[]): string[] {
  const differ = built
    .filter((f) => {
      try {
        return !Buffer.from(f.contents).equals(readFileSync(join(ROOT, f.path)));
      } catch {
        return true;
      }
    })
    .map((f) => f.path);
  const paths = new Set(built.map((f) => f.path));
  return [...differ, ...committedFiles().filter((p) => !paths.has(p))];
}

async function main(): Promise<void> {
  const built = await buildDist();
  if (process.argv.includes("--check")) {
    const stale = staleFiles(built);
    if (stale.length > 0) {
      process.stderr.write(
        `dist/ is stale (${stale.join(", ")}): run \`npm run build\` and commit dist/\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write("dist/ is fresh\n");
    }
    return;
  }
  rmSync(join(DIST, "chunks"), { recursive: true, force: true });
  for (const f of built) {
    mkdirSync(dirname(join(ROOT, f.path)), { recursive: true });
    writeFileSync(join(ROOT, f.path), f.contents);
    process.stdout.write(`wrote ${f.path} (${Math.round(f.contents.length / 1024)} KiB)\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
