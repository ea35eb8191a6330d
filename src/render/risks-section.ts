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

/** One line per fired risk: `🔥 **Vendor late** — fires on …; contingency: …; owner @bob`. */
export function riskLine(params: { report: Report; risk: RiskResult; words: Words }): string {
  const { report, risk, words } = params;
  const titles = risk.milestones.map((id) => {
    const m = report.milestones.find((x) => x.id === id);
    const state = m?.overdue ? "overdue" : "at risk";
    return `${words.text(m?.title ?? id)} (${state})`;
  });
  const owner = risk.owner ? ` — owner ${words.owner(risk.owner)}` : "";
  return `- 🔥 **${words.text(risk.title)}** — fired: ${joinAnd(titles)}. Contingency: ${words.text(risk.contingency)}${owner}`;
}

/** The "Risks" section in Markdown, or "" when no risk is shown. */
export function risksSection(params: { report: Report; heading: string; words: Words }): string {
  const { report, heading, words } = params;
  const shown = shownRisks(report);
  if (shown.length === 0) return "";
  const title = report.pullRequest
    ? `${heading} 🔥 Fired risks on the milestones this serves`
    : `${heading} 🔥 Fired risks`;
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
  const out = [
    "",
    report.pullRequest ? "Fired risks on the milestones this serves" : "Fired risks",
  ];
  for (const risk of shown) {
    const line = riskLine({ report, risk, words: { text: (s) => s, owner: (l) => `@${l}` } });
    out.push(`  ${line.slice(2).replaceAll("**", "")}`);
  }
  return out;
}
