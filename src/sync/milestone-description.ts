/**
 * The exact text plan-align keeps in a GitHub milestone's description.
 *
 * Canonical layout (what `expectedDescription` returns):
 *
 *     <plan description, trimmed>          ← omitted, with the blank line, when there is none
 *
 *     <!-- plan-align:id=<milestone id> -->
 *
 * When plan-align closes an achieved milestone it appends the "Achieved on" footer:
 *
 *     <!-- plan-align:id=<milestone id> -->
 *
 *     <!-- plan-align:achieved -->
 *     **Achieved on YYYY-MM-DD** (recorded by plan-align)
 *     - <evidence line>
 *
 * The footer starts at its own hidden marker, so it is found and removed exactly, whatever
 * the evidence says; everything from that marker to the end is plan-align's own text and is
 * never a difference between the plan and GitHub.
 */
import { milestoneMarker } from "../evaluate/github-milestones.ts";

// The marker itself is defined beside the matcher that reads it (one rule for both).
export { milestoneMarker, readMilestoneMarker } from "../evaluate/github-milestones.ts";

/** The start of the footer plan-align appends when it closes a milestone. */
export const ACHIEVED_FOOTER_MARKER = "<!-- plan-align:achieved -->";

/** At most this many evidence lines go into the footer; the rest are counted. */
const MAX_EVIDENCE_LINES = 20;

/** The description a plan milestone's GitHub milestone should have (without any footer). */
export function expectedDescription(params: { id: string; description?: string }): string {
  const text = normalize(params.description ?? "");
  const marker = milestoneMarker(params.id);
  return text === "" ? marker : `${text}\n\n${marker}`;
}

/** The "Achieved on" footer, starting with its marker. `date` is `YYYY-MM-DD`. */
export function achievedFooter(params: { date: string; evidence?: string[] }): string {
  const evidence = params.evidence ?? [];
  const lines = [ACHIEVED_FOOTER_MARKER, `**Achieved on ${params.date}** (recorded by plan-align)`];
  for (const line of evidence.slice(0, MAX_EVIDENCE_LINES)) {
    lines.push(`- ${line.replace(/\s+/g, " ").trim()}`);
  }
  if (evidence.length > MAX_EVIDENCE_LINES) {
    lines.push(`- …and ${evidence.length - MAX_EVIDENCE_LINES} more`);
  }
  return lines.join("\n");
}

/**
 * The description with the "Achieved on" footer (replacing any earlier one), as the executor
 * writes it when it closes a milestone.
 */
export function appendAchievedFooter(params: {
  description: string | null;
  date: string;
  evidence?: string[];
}): string {
  const body = stripAchievedFooter(params.description);
  const footer = achievedFooter({ date: params.date, evidence: params.evidence });
  return body === "" ? footer : `${body}\n\n${footer}`;
}

/** The description without plan-align's "Achieved on" footer (normalized). */
export function stripAchievedFooter(description: string | null | undefined): string {
  const text = (description ?? "").replace(/\r\n?/g, "\n");
  const at = text.indexOf(ACHIEVED_FOOTER_MARKER);
  return normalize(at === -1 ? text : text.slice(0, at));
}

/** The footer of a description (from its marker to the end), or "" when it has none. */
export function achievedFooterOf(description: string | null | undefined): string {
  const text = (description ?? "").replace(/\r\n?/g, "\n");
  const at = text.indexOf(ACHIEVED_FOOTER_MARKER);
  return at === -1 ? "" : text.slice(at).trim();
}

/**
 * Whether a GitHub description already says what the plan says. Line endings (GitHub's web
 * editor saves CRLF), surrounding whitespace and plan-align's own footer are not differences.
 */
export function descriptionMatches(params: {
  actual: string | null | undefined;
  expected: string;
}): boolean {
  return stripAchievedFooter(params.actual) === normalize(params.expected);
}

function normalize(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}
