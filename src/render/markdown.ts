import type { Report } from "../model/report.ts";
import { formatCount, plural } from "../model/words.ts";
import { byteLength, truncateToBytes } from "./format.ts";
import type { Detail } from "./markdown/context.ts";
import { renderSections } from "./markdown/document.ts";

/** GitHub's limit on a check run's summary. */
export const CHECK_RUN_SUMMARY_LIMIT = 65_535;

/**
 * From most to least detailed. Each tier is tried in turn and the first that fits wins, so
 * a small plan always gets the full report and a huge one still gets a useful summary:
 *  - full:      everything; achieved milestones folded in `<details>`.
 *  - collapsed: achieved milestones and done deliverables one line each.
 *  - summary:   no criteria; one row per milestone not achieved; long lists capped.
 *  - counts:    counts, the milestones that need attention, and short lists.
 */
const TIERS: Detail[] = ["full", "collapsed", "summary", "counts"];

/** The check run's Markdown summary; stays under `maxBytes` (UTF-8), cutting detail and saying so. */
export function renderMarkdown(report: Report, options: { maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? CHECK_RUN_SUMMARY_LIMIT;
  const limit =
    maxBytes === CHECK_RUN_SUMMARY_LIMIT
      ? `GitHub's ${formatCount(maxBytes)}-byte limit`
      : `the ${formatCount(maxBytes)}-byte limit`;
  let text = "";
  for (const detail of TIERS) {
    text = renderSections({ report, detail, limit });
    if (byteLength(text) <= maxBytes) return text;
  }
  // Last resort (absurdly long titles or messages): cut the smallest rendering and say so.
  const note = `\n\n✂️ Cut at ${plural(maxBytes, "byte")} to fit ${limit}; run \`plan-align report\` for the full report.\n`;
  return `${truncateToBytes(text, Math.max(0, maxBytes - byteLength(note)))}${note}`;
}
