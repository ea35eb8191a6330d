/**
 * `report --format svg-badge`: a status badge for a README — milestones achieved of total,
 * coloured by the worst state (overdue, then at risk or forecast late, then on track; all
 * achieved is green; an invalid plan is grey). Flat, shields.io-like, self-contained SVG.
 */
import type { Report } from "../model/report.ts";
import { escapeHtml } from "./escape.ts";
import {
  type MilestoneState,
  milestoneState,
  STATE_COLORS,
  STATE_RANK,
  STATE_WORDS,
} from "./milestone-state.ts";

export type BadgeState = MilestoneState | "invalid";

/** The worst state of the plan's milestones, for the badge's colour (none: on track). */
export function badgeState(report: Report): BadgeState {
  if (!report.plan.valid) return "invalid";
  const states = new Set(report.milestones.map(milestoneState));
  return STATE_RANK.find((s) => states.has(s)) ?? "onTrack";
}

/** Advance widths of Verdana 11px (what shields.io measures with), roughly, per character class. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[ilj.,:;'|!]/.test(ch)) w += 3.5;
    else if (/[mwMW]/.test(ch)) w += 10.5;
    else if (/[A-Z0-9]/.test(ch)) w += 7.5;
    else if (ch === " ") w += 3.9;
    else w += 6.8;
  }
  return Math.ceil(w);
}

export function renderSvgBadge(report: Report): string {
  const state = badgeState(report);
  const label = "plan";
  const achieved = report.milestones.filter((m) => m.achieved).length;
  const total = report.milestones.length;
  const message =
    state === "invalid"
      ? "invalid"
      : `${achieved}/${total} milestones${state === "achieved" ? "" : ` · ${STATE_WORDS[state]}`}`;
  const lw = textWidth(label) + 12;
  const mw = textWidth(message) + 12;
  const width = lw + mw;
  const title = escapeHtml(`${label}: ${message}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">
<title>${title}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${state === "invalid" ? "#6e7781" : STATE_COLORS[state]}"/><rect width="${width}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="14">${escapeHtml(label)}</text>
<text x="${lw + mw / 2}" y="14">${escapeHtml(message)}</text>
</g>
</svg>
`;
}
