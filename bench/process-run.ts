/**
 * Runs a whole Node process and reports its wall time and peak resident memory, for figures
 * about what a user's `plan-align …` run costs (start-up and all). Also builds the CLI bundle
 * once into a temporary file, so those processes run what `npx plan-align` runs.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildDist } from "../scripts/build.ts";

/** Wall time and peak RSS (KiB, from the kernel via `process.resourceUsage`) of a Node process. */
export function processRun(
  args: string[],
  expectStatus = 0,
): { ms: number; rssKiB: number; stdout: string } {
  // The probe runs after the program: peak RSS of the whole process, printed on exit.
  const probe =
    "process.on('exit',()=>process.stderr.write('\\nmaxrss='+process.resourceUsage().maxRSS+'\\n'))";
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(probe)}`, ...args],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  const ms = performance.now() - start;
  if (result.status !== expectStatus) {
    throw new Error(`bench: ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  const rss = /maxrss=(\d+)/.exec(result.stderr)?.[1];
  return { ms, rssKiB: Number(rss ?? Number.NaN), stdout: result.stdout };
}

/** Writes the bundled CLI (`dist/cli.js` as built now) into `dir`; returns its path. */
export async function writeCli(dir: string): Promise<string> {
  const cli = (await buildDist()).find((f) => f.path === "dist/cli.js");
  if (!cli) throw new Error("bench: no dist/cli.js in the build");
  const file = join(dir, "cli.mjs");
  writeFileSync(file, cli.contents);
  return file;
}
