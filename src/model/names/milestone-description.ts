/**
 * The text plan-align keeps in a GitHub milestone's description, and how it reads it back.
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

const MARKER = /<!--\s*plan-align:id=([a-z0-9][a-z0-9._-]*)\s*-->/;

/** The start of the footer plan-align appends when it closes a milestone. */
const ACHIEVED_FOOTER_MARKER = "<!-- plan-align:achieved -->";
const ACHIEVED_ON = /\*\*Achieved on (\d{4}-\d{2}-\d{2})\*\*/;

/** At most this many evidence lines go into the footer; the rest are counted. */
const MAX_EVIDENCE_LINES = 20;

/** The hidden marker written into a GitHub milestone's description. */
export function milestoneMarker(id: string): string {
  return `<!-- plan-align:id=${id} -->`;
}

/** The plan milestone id a GitHub milestone's description names, or null. */
export function readMilestoneMarker(description: string | null | undefined): string | null {
  if (!description) return null;
  return MARKER.exec(description)?.[1] ?? null;
}

/** The description a plan milestone's GitHub milestone should have (without any footer). */
export function expectedDescription(params: { id: string; description?: string }): string {
  const text = normalize(params.description ?? "");
  const marker = milestoneMarker(params.id);
  return text === "" ? marker : `${text}\n\n${marker}`;
}

/** The "Achieved on" footer, starting with its marker. `date` is `YYYY-MM-DD`. */
function achievedFooter(params: { date: string; evidence?: string[] }): string {
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

/** The `YYYY-MM-DD` the footer records, or null when the description has no footer. */
export function achievedDateOf(description: string | null | undefined): string | null {
  return ACHIEVED_ON.exec(achievedFooterOf(description))?.[1] ?? null;
}

/**
 * The description to write when the plan's text changes: the plan's text with the footer
 * GitHub holds now kept, once (the planner's text may already carry a footer it read).
 */
export function withCurrentFooter(params: {
  description: string;
  current: string | null | undefined;
}): string {
  const body = stripAchievedFooter(params.description);
  const footer = achievedFooterOf(params.current);
  return footer === "" ? body : `${body}\n\n${footer}`;
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
