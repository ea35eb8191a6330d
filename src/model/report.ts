/**
 * The JSON report, version 1, as a zod schema: the single source of the report's TypeScript
 * types, of the key order of `plan-align report --format json` (objects are written in the
 * order their keys appear here), and of the committed `schema/report.schema.json`.
 *
 * Results are data: evaluation and sync planning produce these shapes, and every renderer
 * (check run, dashboard, terminal, JSON) reads them.
 */
import { z } from "zod";
import { syncActionSchema } from "./actions.ts";
import { findingSchema } from "./findings.ts";

export const criterionResultSchema = z.object({
  kind: z
    .string()
    .describe("The criterion's kind key: issues, file, checks, pull_requests, objective."),
  name: z.string().describe("The criterion's `name:`, or a generated one."),
  met: z.boolean(),
  detail: z.string().describe("What was found, and what is missing when not met."),
  refs: z.array(z.number().int()).optional().describe("Issue or pull request numbers behind it."),
});

export const deliverableResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  label: z.string().describe("The GitHub label of its issues and pull requests."),
  owner: z.string().nullable().describe("The accountable GitHub login (`owner:`), or null."),
  done: z.boolean().describe("Every criterion is met."),
  criteria: z.array(criterionResultSchema),
});

export const reviewResultSchema = z.object({
  approvers: z.array(z.string()),
  issue: z.number().int().nullable().describe("The review issue, when there is one."),
  signedOff: z.boolean(),
  detail: z.string(),
});

export const milestoneResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  due: z.string().nullable().describe("`YYYY-MM-DD`, or null when the milestone has no date."),
  achieved: z.boolean(),
  overdue: z.boolean(),
  atRisk: z.boolean(),
  daysLeft: z
    .number()
    .int()
    .describe(
      "Whole days from `evaluatedAt` to the end of the due day (negative when overdue; 0 without a due date).",
    ),
  githubMilestone: z.number().int().nullable(),
  githubState: z.enum(["open", "closed"]).nullable(),
  close: z.enum(["auto", "manual"]),
  criteria: z
    .object({ met: z.number().int(), total: z.number().int() })
    .describe("Criteria of its deliverables, plus one per `requires` entry and one for review."),
  deliverables: z.array(deliverableResultSchema),
  requires: z.array(z.object({ id: z.string(), achieved: z.boolean() })),
  review: reviewResultSchema.optional().describe("Present when the milestone has `review`."),
  forecastLate: z
    .boolean()
    .optional()
    .describe(
      "With a forecast: not achieved and due before the forecast day (or the pace would never finish).",
    ),
});

export const forecastSchema = z
  .object({
    date: z
      .string()
      .nullable()
      .describe(
        "`YYYY-MM-DD`: the day every criterion would be met; null when the pace is zero or less.",
      ),
    pacePerWeek: z.number().describe("Criteria met per week over the last 28 days."),
  })
  .describe("From 14 days of history or more; the pace of the last 28 days.");

export const objectiveResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  goal: z.string(),
  met: z.boolean().nullable().describe("Null when unknown (no measure)."),
  value: z.number().nullable(),
  target: z.string().nullable(),
  baseline: z.number().optional(),
  due: z.string().optional(),
  stale: z
    .boolean()
    .optional()
    .describe("True when its measure has `max_age_days` and its data is too old or undated."),
  staleSince: z
    .string()
    .nullable()
    .optional()
    .describe("With `stale`: `YYYY-MM-DD` of the file's last change, or null when unknown."),
  detail: z.string(),
});

export const riskResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  fired: z.boolean().describe("A threatened milestone is at risk or overdue (per `when`)."),
  milestones: z.array(z.string()).describe("Ids of the threatened milestones that fire it."),
  threatens: z.array(z.string()).describe("Ids of every milestone it threatens."),
  when: z.enum(["at-risk", "overdue"]),
  contingency: z.string().describe("What the team does when it fires."),
  owner: z.string().nullable().describe("The login its risk issue is assigned to, or null."),
});

export const goalResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  objectives: z.array(z.string()).describe("Ids of its objectives."),
});

export const WARNING_CODES = [
  "unlinked",
  "milestone-mismatch",
  "overdue",
  "at-risk",
  "plan-changed",
  "plan-weakened",
  "plan-invalid",
  "already-done",
] as const;

export const PLAN_CHANGE_CODES = [
  "goal-added",
  "goal-removed",
  "objective-added",
  "objective-removed",
  "objective-renamed",
  "measure-added",
  "measure-removed",
  "measure-changed",
  "target-loosened",
  "target-tightened",
  "target-changed",
  "milestone-added",
  "milestone-removed",
  "milestone-renamed",
  "milestone-description-changed",
  "date-later",
  "date-earlier",
  "date-added",
  "date-removed",
  "requires-added",
  "requires-removed",
  "review-added",
  "review-removed",
  "approvers-added",
  "approvers-removed",
  "close-changed",
  "deliverable-added",
  "deliverable-removed",
  "deliverable-renamed",
  "deliverable-moved",
  "deliverable-scheduled",
  "deliverable-unscheduled",
  "deliverable-objective-changed",
  "label-changed",
  "paths-changed",
  "criterion-added",
  "criterion-removed",
  "min-lowered",
  "min-raised",
  "approvals-lowered",
  "approvals-raised",
  "headings-added",
  "headings-removed",
  "contains-added",
  "contains-removed",
  "checks-added",
  "checks-removed",
  "setting-changed",
] as const;

export const conclusionSchema = z.enum(["success", "neutral", "failure"]);

export const planChangeSchema = z.object({
  code: z.enum(PLAN_CHANGE_CODES),
  weakens: z.boolean().describe("The change lowers the bar (flagged `plan-weakened`)."),
  message: z.string(),
});

export const pullRequestWarningSchema = z.object({
  code: z.enum(WARNING_CODES),
  level: z.enum(["warn", "fail"]).optional().describe("What the finding does to the conclusion."),
  message: z.string(),
});

const mergeChangeItemSchema = z.object({
  deliverable: z
    .string()
    .nullable()
    .describe("The deliverable whose criterion it is; null for `requires` and review."),
  name: z.string(),
  detail: z.string().describe("As it would stand after the merge."),
});

export const pullRequestReportSchema = z.object({
  number: z.number().int(),
  title: z.string().optional(),
  aligned: z.boolean().describe("It serves at least one deliverable and is not failing."),
  deliverables: z.array(z.string()).describe("Ids of the deliverables it serves."),
  milestones: z.array(z.string()).describe("Ids of the milestones it serves."),
  achieves: z.array(z.string()).describe("Milestones not achieved now but after the merge."),
  regresses: z.array(z.string()).describe("Milestones achieved now but not after the merge."),
  mergeChanges: z
    .array(
      z.object({
        milestone: z.string(),
        meets: z
          .array(mergeChangeItemSchema)
          .describe("Its criteria not met now that the merge would meet."),
        unmet: z.array(mergeChangeItemSchema).describe("Its criteria still unmet after the merge."),
      }),
    )
    .optional()
    .describe("For each milestone it serves: what merging changes."),
  warnings: z.array(pullRequestWarningSchema),
  planChanges: z.array(planChangeSchema),
  headPlanFindings: z
    .array(findingSchema)
    .optional()
    .describe("Findings of the plan at its head, when it changes the plan."),
  conclusion: conclusionSchema,
});

export const reportSchema = z
  .object({
    version: z.literal(1),
    repository: z.string().describe("`owner/name`."),
    evaluatedAt: z.string().describe("The snapshot's `fetchedAt`: the report's \"now\"."),
    timezone: z
      .string()
      .optional()
      .describe(
        "The plan's `settings.timezone` when it is not UTC: the zone whose calendar days this report counts and shows. Absent: UTC.",
      ),
    plan: z.object({ path: z.string(), valid: z.boolean(), findings: z.array(findingSchema) }),
    goals: z.array(goalResultSchema),
    objectives: z.array(objectiveResultSchema),
    milestones: z.array(milestoneResultSchema).describe("In plan order."),
    unscheduled: z
      .array(deliverableResultSchema)
      .describe("Deliverables under no milestone (evaluated, but with no date)."),
    risks: z
      .array(riskResultSchema)
      .default([])
      .describe("The plan's risks, fired or not (empty when it has none)."),
    actions: z.array(syncActionSchema).describe("What a sync would change on GitHub."),
    notInPlan: z
      .array(
        z.object({
          number: z.number().int(),
          title: z.string(),
          state: z.enum(["open", "closed"]).optional(),
        }),
      )
      .describe("GitHub milestones no plan milestone names (never touched)."),
    forecast: forecastSchema
      .nullable()
      .describe("Null without history (the dashboard's, or `--history FILE`) of 14 days or more."),
    pullRequest: pullRequestReportSchema.optional().describe("Present only with `--pr`."),
  })
  .describe("plan-align's JSON report, version 1.");

export type Report = z.output<typeof reportSchema>;
export type CriterionResult = z.output<typeof criterionResultSchema>;
export type DeliverableResult = z.output<typeof deliverableResultSchema>;
export type MilestoneResult = z.output<typeof milestoneResultSchema>;
export type ObjectiveResult = z.output<typeof objectiveResultSchema>;
export type GoalResult = z.output<typeof goalResultSchema>;
export type RiskResult = z.output<typeof riskResultSchema>;
export type PullRequestReport = z.output<typeof pullRequestReportSchema>;
/** What merging a pull request changes for one milestone it serves. */
export type MergeChange = NonNullable<PullRequestReport["mergeChanges"]>[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type PlanChangeCode = (typeof PLAN_CHANGE_CODES)[number];
export type PlanChange = z.output<typeof planChangeSchema>;
export type Conclusion = z.output<typeof conclusionSchema>;

export const REPORT_SCHEMA_URL =
  "https://raw.githubusercontent.com/plan-align/plan-align/main/schema/report.schema.json";

/** The JSON Schema of the report, for `schema/report.schema.json`. */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(reportSchema, { io: "output" }) as Record<
    string,
    unknown
  >;
  return { $schema, $id: REPORT_SCHEMA_URL, title: "plan-align report, version 1", ...rest };
}

/**
 * The report with its keys in schema order (and nothing the schema does not name). A report
 * that does not match its own schema is a bug of ours; it is still written, unordered, rather
 * than lose the user's result.
 */
export function orderedReport(report: Report): Report {
  const parsed = reportSchema.safeParse(report);
  return parsed.success ? parsed.data : report;
}
