/**
 * Renders the example pull request's check-run Markdown (the golden file the tests keep
 * exact) to HTML styled like GitHub's check-run page, and screenshots it with headless
 * Chromium for the README: `npm exec -- node scripts/screenshot-report.ts`.
 * Needs Debian's chromium (`apt-get install chromium`); not part of the test suite.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { marked } from "marked";

const markdown = readFileSync("test/render/golden/canteen-pr40.golden.md", "utf8");
// <details> stay closed in a static picture; open them so the picture shows the criteria.
const body = (await marked.parse(markdown)).replaceAll("<details>", "<details open>");
const html = `<!doctype html><meta charset="utf-8"><style>
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  color: #1f2328; max-width: 880px; margin: 24px auto; padding: 0 24px; }
.head { border: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; padding: 12px 16px; background: #f6f8fa; }
.head b { font-size: 16px; } .neutral { color: #59636e; }
.body { border: 1px solid #d1d9e0; border-top: 0; border-radius: 0 0 6px 6px; padding: 8px 24px 16px; }
table { border-collapse: collapse; margin: 12px 0; } th, td { border: 1px solid #d1d9e0; padding: 4px 10px; }
th { background: #f6f8fa; } code { background: #eff1f3; padding: 1px 5px; border-radius: 4px; font-size: 85%; }
summary { cursor: pointer; font-weight: 600; } h3, h4 { margin: 18px 0 6px; }
</style>
<div class="head"><b>plan-align</b> <span class="neutral">· check run on pull request #40 · success</span></div>
<div class="body">${body}</div>`;

const dir = mkdtempSync(join(tmpdir(), "plan-align-shot-"));
const page = join(dir, "report.html");
writeFileSync(page, html);
const out = join(process.cwd(), "docs/images/check-run-report.png");
execFileSync("chromium", [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--hide-scrollbars",
  `--user-data-dir=${join(dir, "profile")}`,
  "--window-size=930,1640",
  `--screenshot=${out}`,
  `file://${page}`,
]);
process.stdout.write(`wrote ${out}\n`);
