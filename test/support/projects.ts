/**
 * Which test files load nock, found by following each file's relative imports. The suite runs
 * in two groups that each share their worker processes (no per-file isolation): files that
 * mock GitHub with nock, and the rest. Loading nock installs its request interceptor in the
 * process, and through it every loopback request costs tens of milliseconds (see
 * ./offline.ts), so the files that talk to the fake GitHub or the App over loopback must
 * never share a process with nock.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g;

/** Test files (relative to `root`, with `/`) that import nock directly or through helpers. */
export function testFilesUsingNock(root: string): string[] {
  const memo = new Map<string, boolean>();
  const usesNock = (file: string): boolean => {
    const known = memo.get(file);
    if (known !== undefined) return known;
    memo.set(file, false); // an import cycle ends here
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return false;
    }
    let found = false;
    for (const [, spec] of text.matchAll(IMPORT)) {
      if (spec === "nock") found = true;
      else if (spec?.startsWith(".") && spec.startsWith("../../src/") === false) {
        found = usesNock(resolve(dirname(file), spec));
      }
      if (found) break;
    }
    memo.set(file, found);
    return found;
  };
  return testFiles(join(root, "test"))
    .filter(usesNock)
    .map((f) => relative(root, f).split("\\").join("/"))
    .sort();
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : testFiles(path);
    return e.name.endsWith(".test.ts") ? [path] : [];
  });
}
