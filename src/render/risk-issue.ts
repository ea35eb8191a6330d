/**
 * The body of a fired risk's issue: the contingency (what the team does now), why the risk
 * fired, and what the threatened milestone still misses, with the owners of the unmet
 * deliverables mentioned. Bounded well under GitHub's 65,536-character issue body limit.
 */
import type { ActionOf } from "../model/actions.ts";
import { mention } from "../model/names/login.ts";
import { riskBodyMarker } from "../model/names/risk-issue.ts";
import { clip, mdText } from "./escape.ts";

const MAX_CONTINGENCY_CHARS = 10_000;
const MAX_LINES = 100;
const MAX_LINE_CHARS = 400;

function bullets(lines: readonly string[], none: string): string[] {
  if (lines.length === 0) return [`- ${none}`];
  const shown = lines.slice(0, MAX_LINES).map((l) => `- ${mdText(l, MAX_LINE_CHARS)}`);
  if (lines.length > MAX_LINES)
    shown.push(`- …and ${lines.length - MAX_LINES} more (see the plan dashboard)`);
  return shown;
}

export function riskIssueBody(params: {
  action: ActionOf<"open-risk">;
  reportUrl?: string;
}): string {
  const { action } = params;
  const lines = [
    "This risk of the plan has fired. The team agreed what to do now:",
    "",
    `> ${clip(action.contingency.trim(), MAX_CONTINGENCY_CHARS).replace(/\r?\n/g, "\n> ")}`,
    "",
    action.owner
      ? `Owner: ${mention(action.owner)}.`
      : "No owner is named in the plan; whoever takes this on, assign yourself.",
    "",
    "### Why it fired",
    ...bullets(action.reasons, "a threatened milestone is at risk or overdue"),
    "",
    "### What the milestone still misses",
    ...bullets(action.gaps, "nothing recorded"),
    "",
    "plan-align opens one issue per risk and never closes it: close it when the risk is handled.",
  ];
  if (params.reportUrl) lines.push("", `Full report: ${params.reportUrl}`);
  lines.push("", riskBodyMarker(action.risk));
  return lines.join("\n");
}
