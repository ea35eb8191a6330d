import type { Report } from "./types.ts";

/**
 * The JSON report (DESIGN §5) with a stable key order, 2-space indented, newline at the end.
 * Keys come in the order DESIGN lists them (then any others alphabetically), whatever order
 * the objects were built in, so reports diff cleanly and golden files stay put.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(ordered(report, "report"), null, 2)}\n`;
}

type Shape = keyof typeof ORDER;

/** Key order of each object shape, and the shape of the values under each key. */
const ORDER = {
  report: [
    "version",
    "repository",
    "evaluatedAt",
    "plan",
    "goals",
    "objectives",
    "milestones",
    "unscheduled",
    "actions",
    "notInPlan",
    "pullRequest",
  ],
  plan: ["path", "valid", "findings"],
  finding: ["severity", "line", "column", "endLine", "endColumn", "code", "message"],
  goal: ["id", "title", "objectives"],
  objective: ["id", "title", "goal", "met", "value", "target", "baseline", "due", "detail"],
  milestone: [
    "id",
    "title",
    "due",
    "achieved",
    "overdue",
    "atRisk",
    "daysLeft",
    "githubMilestone",
    "githubState",
    "close",
    "criteria",
    "deliverables",
    "requires",
    "review",
  ],
  counts: ["met", "total"],
  deliverable: ["id", "title", "label", "done", "criteria"],
  criterion: ["kind", "name", "met", "detail", "refs"],
  requirement: ["id", "achieved"],
  review: ["approvers", "issue", "signedOff", "detail"],
  action: [
    "type",
    "milestone",
    "number",
    "issue",
    "label",
    "deliverable",
    "from",
    "title",
    "dueOn",
    "description",
    "state",
    "changes",
    "approvers",
    "evidence",
    "reason",
  ],
  notInPlan: ["number", "title", "state"],
  pullRequest: [
    "number",
    "title",
    "aligned",
    "deliverables",
    "milestones",
    "achieves",
    "regresses",
    "warnings",
    "planChanges",
    "headPlanFindings",
    "conclusion",
  ],
  warning: ["code", "level", "message"],
  planChange: ["code", "weakens", "message"],
  leaf: [],
} as const satisfies Record<string, readonly string[]>;

/** Which shape the value under `key` of a `shape` object has (arrays: their items). */
const CHILD: Partial<Record<Shape, Record<string, Shape>>> = {
  report: {
    plan: "plan",
    goals: "goal",
    objectives: "objective",
    milestones: "milestone",
    unscheduled: "deliverable",
    actions: "action",
    notInPlan: "notInPlan",
    pullRequest: "pullRequest",
  },
  plan: { findings: "finding" },
  milestone: {
    criteria: "counts",
    deliverables: "deliverable",
    requires: "requirement",
    review: "review",
  },
  deliverable: { criteria: "criterion" },
  pullRequest: { warnings: "warning", planChanges: "planChange", headPlanFindings: "finding" },
};

function ordered(value: unknown, shape: Shape): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, shape));
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const known: readonly string[] = ORDER[shape];
  const keys = [
    ...known.filter((k) => k in obj),
    ...Object.keys(obj)
      .filter((k) => !known.includes(k))
      .sort(),
  ];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (obj[key] === undefined) continue;
    out[key] = ordered(obj[key], CHILD[shape]?.[key] ?? "leaf");
  }
  return out;
}
