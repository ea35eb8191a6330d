/**
 * `npm run bench` — runs every `bench/*.bench.ts` module and prints its figures as a table,
 * or with `--json` as a JSON array of `{ name, value, unit, against, ratio }`.
 * `npm run bench -- --only evaluate` runs the modules whose file name contains "evaluate".
 * Figures are ratios measured in one run: these machines are noisy, absolute times are not.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with (a baseline figure or a description). */
  against: string;
  /** value / baseline, or null when the figure is absolute (e.g. a count). */
  ratio: number | null;
}

/** A bench module's default export. */
export type Bench = () => Promise<Figure[]>;

const { values } = parseArgs({
  options: { json: { type: "boolean", default: false }, only: { type: "string" } },
});

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") && (!values.only || f.includes(values.only)))
  .sort();

const figures: Figure[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  if (!values.json) process.stderr.write(`running ${file}…\n`);
  figures.push(...(await mod.default()));
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const rows = figures.map((f) => [
    f.name,
    `${round(f.value)} ${f.unit}`,
    f.against,
    f.ratio === null ? "" : round(f.ratio).toString(),
  ]);
  const head = ["figure", "value", "against", "ratio"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(`${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000;
}
