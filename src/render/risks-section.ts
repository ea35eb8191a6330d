/**
 * Risks in the reports people read: fired risks first, each with why it fired, its
 * contingency and its owner. A pull request's report shows only the fired risks of the
 * milestones it serves; the repository report and the dashboard show every fired risk and
 * count the others.
 */
import type { Report, RiskResult } from "../model/report.ts";
import { joinAnd, plural } from "../model/words.ts";

interface Words {
  /** Escapes plan text for the target (check run or dashboard). */
  text: (s: string) => string;
  /** How an owner is shown (`@carol`, or without notifying on the dashboard). */
  owner: (login: string) => string;
}

/** The fired risks a report shows: all of them, or those threatening what a pull request serves. */
export function shownRisks(report: Report): RiskResult[] {
  const fired = report.risks.filter((r) => r.fired);
  const pr = report.pullRequest;
  if (!pr) return fired;
  return fired.filter((r) => r.threatens.some((id) => pr.milestones.includes(id)));
}

/** A fired risk in words: its title, and `fired: …. Contingency: … — owner @bob`. */
function riskWords(params: { report: Report; risk: RiskResult; words: Words }): {
  title: string;
  rest: string;
} {
  const { report, risk, words } = params;
  const titles = risk.milestones.map((id) => {
    const m = report.milestones.find((x) => x.id === id);
    const state = m?.overdue ? "overdue" : "at risk";
    return `${words.text(m?.title ?? id)} (${state})`;
  });
  const owner = risk.owner ? ` — owner ${words.owner(risk.owner)}` : "";
  return {
    title: words.text(risk.title),
    rest: `fired: ${joinAnd(titles)}. Contingency: ${words.text(risk.contingency)}${owner}`,
  };
}

/** One line per fired risk: `🔥 **Vendor late** — fired: …. Contingency: … — owner @bob`. */
export function riskLine(params: { report: Report; risk: RiskResult; words: Words }): string {
  const { title, rest } = riskWords(params);
  return `- 🔥 **${title}** — ${rest}`;
}

/** The title of the risks a report shows: those of a pull request's milestones, or all fired. */
function risksTitle(report: Report): string {
  return report.pullRequest ? "Fired risks on the milestones this serves" : "Fired risks";
}

/** The "Risks" section in Markdown, or "" when no risk is shown. */
export function risksSection(params: { report: Report; heading: string; words: Words }): string {
  const { report, heading, words } = params;
  const shown = shownRisks(report);
  if (shown.length === 0) return "";
  const title = `${heading} 🔥 ${risksTitle(report)}`;
  const quiet = report.pullRequest ? 0 : report.risks.length - shown.length;
  return [
    title,
    "",
    ...shown.map((risk) => riskLine({ report, risk, words })),
    ...(quiet > 0
      ? [
          "",
          `${plural(quiet, "other risk")} of the plan ${quiet === 1 ? "has" : "have"} not fired.`,
        ]
      : []),
  ].join("\n");
}

/** The same, for a terminal. */
export function risksText(report: Report): string[] {
  const shown = shownRisks(report);
  if (shown.length === 0) return [];
  const out = ["", risksTitle(report)];
  for (const risk of shown) {
    const { title, rest } = riskWords({
      report,
      risk,
      words: { text: (s) => s, owner: (l) => `@${l}` },
    });
    out.push(`  🔥 ${title} — ${rest}`);
  }
  return out;
}

/** The same, for the HTML page: `toHtml` makes plan text safe in HTML. */
export function risksHtml(report: Report, toHtml: (s: string) => string): string[] {
  const shown = shownRisks(report);
  if (shown.length === 0) return [];
  const words = { text: toHtml, owner: (l: string) => `@${toHtml(l)}` };
  const items = shown.map((risk) => {
    const { title, rest } = riskWords({ report, risk, words });
    return `<li>🔥 <strong>${title}</strong> — ${rest}</li>`;
  });
  return [`<h2>${risksTitle(report)}</h2>`, `<ul>${items.join("")}</ul>`];
}
