/**
 * Risks: a risk is fired when a milestone it threatens is not achieved and is at risk or
 * overdue (`when: at-risk`, the default), or overdue (`when: overdue`). The milestones that
 * fire it are listed, in plan order, so every report can say why.
 */
import type { MilestoneResult, RiskResult } from "../model/report.ts";
import type { Plan } from "../plan/schema.ts";

export function evaluateRisks(params: {
  plan: Plan;
  milestones: readonly MilestoneResult[];
}): RiskResult[] {
  const byId = new Map(params.milestones.map((m) => [m.id, m]));
  return params.plan.risks.map((risk) => {
    const firing = params.milestones.filter((m) => {
      if (!risk.threatens.includes(m.id) || m.achieved) return false;
      return risk.when === "overdue" ? m.overdue : m.overdue || m.atRisk;
    });
    return {
      id: risk.id,
      title: risk.title,
      fired: firing.length > 0,
      milestones: firing.map((m) => m.id),
      threatens: risk.threatens.filter((id) => byId.has(id)),
      when: risk.when,
      contingency: risk.contingency,
      owner: risk.owner ?? null,
    };
  });
}

/** Why a fired risk fired, in words: `"Prototype completed" is overdue by 3 days`. */
export function whyFired(risk: RiskResult, milestones: readonly MilestoneResult[]): string[] {
  return risk.milestones.flatMap((id) => {
    const m = milestones.find((x) => x.id === id);
    if (!m) return [];
    if (m.overdue) {
      const late = -m.daysLeft;
      return [
        `"${m.title}" was due ${m.due} and is overdue by ${late} day${late === 1 ? "" : "s"}`,
      ];
    }
    const when = m.daysLeft === 0 ? "today" : `in ${m.daysLeft} day${m.daysLeft === 1 ? "" : "s"}`;
    return [`"${m.title}" is due ${when} (${m.due}), not achieved: at risk`];
  });
}
