/**
 * `report --format svg-badge`: a status badge for a README — milestones achieved of total,
 * coloured by the worst state (overdue, then at risk or forecast late, then on track; all
 * achieved is green; an invalid plan is grey). Flat, shields.io-like, self-contained SVG.
 */
import type { Report } from "../model/report.ts";

const COLORS = {
  achieved: "#1a7f37",
  onTrack: "#0969da",
  atRisk: "#9a6700",
  overdue: "#cf222e",
  invalid: "#6e7781",
} as const;

export type BadgeState = keyof typeof COLORS;

/** The worst state of the plan's milestones, for the badge's colour. */
export function badgeState(report: Report): BadgeState {
  if (!report.plan.valid) return "invalid";
  const ms = report.milestones;
  if (ms.some((m) => m.overdue)) return "overdue";
  if (ms.some((m) => m.atRisk || (m as { forecastLate?: boolean }).forecastLate === true))
    return "atRisk";
  if (ms.length > 0 && ms.every((m) => m.achieved)) return "achieved";
  return "onTrack";
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

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function renderSvgBadge(report: Report): string {
  const state = badgeState(report);
  const label = "plan";
  const achieved = report.milestones.filter((m) => m.achieved).length;
  const total = report.milestones.length;
  const words: Record<BadgeState, string> = {
    achieved: "achieved",
    onTrack: "on track",
    atRisk: "at risk",
    overdue: "overdue",
    invalid: "invalid",
  };
  const message =
    state === "invalid"
      ? "invalid"
      : `${achieved}/${total} milestones${state === "achieved" ? "" : ` · ${words[state]}`}`;
  const lw = textWidth(label) + 12;
  const mw = textWidth(message) + 12;
  const width = lw + mw;
  const title = xml(`${label}: ${message}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">
<title>${title}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${COLORS[state]}"/><rect width="${width}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="14">${xml(label)}</text>
<text x="${lw + mw / 2}" y="14">${xml(message)}</text>
</g>
</svg>
`;
}
