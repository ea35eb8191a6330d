/**
 * The plan file, version 1 (docs/plan-format.md), as zod schemas. This is the single source of the
 * format: the TypeScript types, the validation and the committed JSON Schema
 * (`schema/plan.schema.json`) all derive from it. Every field carries a description, which
 * editors show through the JSON Schema.
 *
 * Criteria and measures are defined by their kinds in src/criteria. Cross-reference rules
 * (unknown ids, cycles, duplicates) are not expressible here; they live in `validate.ts`,
 * which reports them with positions.
 */

import { z } from "zod";
import { measureSchema } from "../criteria/measure.ts";
import { criterionSchema } from "../criteria/registry.ts";
import { DEFAULT_TIME_ZONE } from "../model/time-zone.ts";

/** Lowercase slug used for every id in the plan. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** A calendar date, `YYYY-MM-DD`. Whether the day exists is checked in `validate.ts`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const id = (what: string) =>
  z
    .string()
    .regex(ID_PATTERN)
    .describe(`Unique id of the ${what}: a lowercase slug, e.g. \`shorter-queues\`.`);
const title = (what: string) => z.string().min(1).describe(`Human-readable title of the ${what}.`);
const date = (what: string) =>
  z.string().regex(DATE_PATTERN).describe(`${what}, as a calendar date \`YYYY-MM-DD\` (UTC).`);
const idList = (what: string) => z.array(z.string()).describe(`Ids of ${what}.`);

export const objectiveSchema = z
  .strictObject({
    id: id("objective"),
    title: title("objective"),
    description: z.string().optional().describe("Longer explanation of the objective."),
    due: date("When the objective must be met").optional(),
    measure: measureSchema.optional(),
  })
  .describe("A SMART objective: specific, measurable (a number with a target) and time-bound.");

export const goalSchema = z
  .strictObject({
    id: id("goal"),
    title: title("goal"),
    description: z.string().optional().describe("Longer explanation of the goal."),
    objectives: z
      .array(objectiveSchema)
      .default([])
      .describe("The objectives that serve this goal."),
  })
  .describe("An abstract, strategic goal.");

export const reviewSchema = z
  .strictObject({
    approvers: z
      .array(z.string().min(1))
      .min(1)
      .describe("GitHub logins; one of them closing the review issue as completed signs it off."),
  })
  .describe("A sign-off the milestone needs once everything else is met.");

export const milestoneSchema = z
  .strictObject({
    id: id("milestone"),
    title: title("milestone").describe("Title of the GitHub milestone (unique across the plan)."),
    due: date(
      "The milestone's date (optional: without one it is never at risk or overdue)",
    ).optional(),
    description: z.string().optional().describe("Description written into the GitHub milestone."),
    deliverables: idList("the deliverables that prove this milestone").describe(
      "Ids of the deliverables that prove this milestone (at least one).",
    ),
    requires: idList("milestones that must be achieved first").optional(),
    review: reviewSchema.optional(),
    close: z
      .enum(["auto", "manual"])
      .default("auto")
      .describe("`auto`: close the GitHub milestone when achieved; `manual`: only report it."),
  })
  .describe("A zero-duration checkpoint with a date: achieved or not achieved.");

export const deliverableSchema = z
  .strictObject({
    id: id("deliverable"),
    title: title("deliverable"),
    description: z.string().optional().describe("Longer explanation of the deliverable."),
    objective: z.string().optional().describe("Id of the objective it serves (traceability)."),
    label: z
      .string()
      .min(1)
      .max(50)
      .optional()
      .describe("GitHub label of its issues and pull requests; default `deliverable:<id>`."),
    paths: z
      .array(z.string().min(1))
      .optional()
      .describe("Globs; a pull request changing a matching file serves this deliverable."),
    owner: z
      .string()
      .optional()
      .describe("The one accountable GitHub login, shown beside what is missing (never assigned)."),
    criteria: z
      .array(criterionSchema)
      .describe("The proof that counts as delivered (at least one)."),
  })
  .describe("A tangible output, with the proof that counts as done.");

export const riskSchema = z
  .strictObject({
    id: id("risk"),
    title: title("risk").describe("What could go wrong; the risk issue is titled `Risk: <title>`."),
    description: z.string().optional().describe("Longer explanation of the risk."),
    threatens: idList("the milestones this risk threatens (at least one)"),
    when: z
      .enum(["at-risk", "overdue"])
      .default("at-risk")
      .describe(
        "When it fires: `at-risk` (a threatened milestone is at risk or overdue) or `overdue` (only when overdue).",
      ),
    contingency: z
      .string()
      .min(1)
      .describe("What the team will do when it fires; the body of its risk issue."),
    owner: z
      .string()
      .optional()
      .describe("The GitHub login the risk issue is assigned to when it fires."),
  })
  .describe("A promise's contingency: what threatens which milestones, and what to do then.");

const findingLevel = z
  .enum(["warn", "fail", "ignore"])
  .describe("`warn`: neutral conclusion; `fail`: failure; `ignore`: not reported.");

export const settingsSchema = z
  .strictObject({
    timezone: z
      .string()
      .default(DEFAULT_TIME_ZONE)
      .describe(
        "IANA time zone whose calendar days are counted (due, overdue, at risk, stale, achieved on), e.g. Europe/London. Default UTC.",
      ),
    at_risk_days: z
      .number()
      .int()
      .min(0)
      .default(7)
      .describe("A milestone not achieved and due within this many days is at risk."),
    on_regression: z
      .enum(["reopen", "report"])
      .default("reopen")
      .describe("What to do when a closed (achieved) milestone fails again."),
    enforce_milestones: z
      .boolean()
      .default(false)
      .describe("Move a deliverable's issues into its milestone even if a human set another."),
    pull_requests: z
      .strictObject({
        check: z
          .boolean()
          .default(true)
          .describe("Whether the App posts the alignment check run on pull requests."),
        unlinked: findingLevel.default("warn"),
        milestone_mismatch: findingLevel.default("warn"),
        plan_weakened: findingLevel.default("warn"),
        already_done: findingLevel
          .default("warn")
          .describe(
            "A pull request serving only deliverables already done in achieved milestones (polishing).",
          ),
      })
      .prefault({})
      .describe("What each pull-request finding does to the check's conclusion."),
  })
  .describe("Settings of the evaluation and the sync.");

export const planSchema = z
  .strictObject({
    $schema: z.string().optional().describe("Optional JSON Schema reference, for editors."),
    version: z.literal(1).describe("Format version; must be 1."),
    goals: z.array(goalSchema).default([]).describe("Strategic goals and their objectives."),
    milestones: z.array(milestoneSchema).default([]).describe("Dated checkpoints."),
    deliverables: z
      .array(deliverableSchema)
      .default([])
      .describe("Tangible outputs and their proof."),
    risks: z
      .array(riskSchema)
      .default([])
      .describe("Risks: which milestones they threaten, when they fire, and the contingency."),
    settings: settingsSchema.prefault({}),
  })
  .describe("A plan-align plan: goals → objectives → milestones → deliverables.");

export type Plan = z.output<typeof planSchema>;
export type Goal = z.output<typeof goalSchema>;
export type Objective = z.output<typeof objectiveSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
export type Deliverable = z.output<typeof deliverableSchema>;
export type Settings = z.output<typeof settingsSchema>;

export { DEFAULT_PLAN_PATHS } from "./default-paths.ts";
