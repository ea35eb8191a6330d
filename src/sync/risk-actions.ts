/**
 * `open-risk` for each fired risk that has no risk issue yet — open or closed: a closed risk
 * issue means the team handled it, and none is opened again for that risk. The issue goes in
 * the first threatened milestone that fires it (plan order).
 */

import type { Evaluation } from "../evaluate/repository.ts";
import { whyFired } from "../evaluate/risks.ts";
import type { ActionOf } from "../model/actions.ts";
import { labelKey, RISK_LABEL } from "../model/names/labels.ts";
import { mention } from "../model/names/login.ts";
import { isRiskIssueOf, riskIssueTitle } from "../model/names/risk-issue.ts";
import type { Snapshot, SnapshotIssue, SnapshotMilestone } from "../model/snapshot.ts";
import { milestoneGaps } from "./evidence.ts";

export function riskActions(params: {
  snapshot: Snapshot;
  evaluation: Evaluation;
  matched: Map<string, SnapshotMilestone>;
}): ActionOf<"open-risk">[] {
  const { snapshot, evaluation, matched } = params;
  const actions: ActionOf<"open-risk">[] = [];
  // The risk issues, looked for only once a risk has fired: most evaluations have none, and
  // the look is a pass over every issue.
  let riskIssues: SnapshotIssue[] | undefined;
  for (const risk of evaluation.risks) {
    const first = risk.milestones[0];
    if (!risk.fired || first === undefined) continue;
    riskIssues ??= issuesLabelled(snapshot.issues, labelKey(RISK_LABEL.name));
    if (riskIssues.some((issue) => isRiskIssueOf(issue, risk))) continue;
    const firing = evaluation.milestones.filter((m) => risk.milestones.includes(m.id));
    actions.push({
      type: "open-risk",
      risk: risk.id,
      milestone: first,
      number: matched.get(first)?.number ?? null,
      title: riskIssueTitle(risk.title),
      owner: risk.owner,
      contingency: risk.contingency,
      reasons: whyFired(risk, evaluation.milestones),
      gaps: firing.flatMap((m) =>
        milestoneGaps(m).map((gap) => (firing.length > 1 ? `${m.title}: ${gap}` : gap)),
      ),
    });
  }
  return actions;
}

/** The issues carrying the label whose key is `key` (each distinct spelling lower-cased once). */
function issuesLabelled(issues: readonly SnapshotIssue[], key: string): SnapshotIssue[] {
  const keyOf = new Map<string, string>();
  const is = (label: string) => {
    let k = keyOf.get(label);
    if (k === undefined) {
      k = labelKey(label);
      keyOf.set(label, k);
    }
    return k === key;
  };
  return issues.filter((issue) => issue.labels.some(is));
}

/**
 * `{ risks: [...] }` with one line per fired risk threatening `milestoneId` (for its review
 * issue), or `{}` when none has fired.
 */
export function firedRiskLines(
  risks: Evaluation["risks"],
  milestoneId: string,
): { risks?: string[] } {
  const lines = risks
    .filter((r) => r.fired && r.threatens.includes(milestoneId))
    .map(
      (r) =>
        `${r.title} — contingency: ${r.contingency}${r.owner ? ` — owner ${mention(r.owner)}` : ""}`,
    );
  return lines.length > 0 ? { risks: lines } : {};
}
