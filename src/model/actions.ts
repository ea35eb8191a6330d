/**
 * Sync actions (what the App, the Action in milestone mode and `plan-align sync` change on
 * GitHub), as data: the planner in src/sync produces them, the executor in src/github applies
 * them, the report lists them (the dry run). Adding an action here makes every exhaustive
 * switch over `type` (executor, wording) a type error until it is handled.
 */
import { z } from "zod";

const milestoneId = z.string().describe("The plan milestone's id.");
const milestoneNumber = z.number().int().describe("The GitHub milestone's number.");
const evidence = z.array(z.string()).describe("What proves the milestone achieved.");

export const createMilestoneSchema = z.object({
  type: z.literal("create-milestone"),
  milestone: milestoneId,
  title: z.string(),
  dueOn: z.string().describe("`YYYY-MM-DD`, or empty when the plan milestone has no date."),
  description: z.string(),
  state: z
    .enum(["open", "closed"])
    .optional()
    .describe(
      '"closed": already achieved (close: auto) — created closed with its Achieved-on footer.',
    ),
  evidence: evidence.optional(),
});

export const updateMilestoneSchema = z.object({
  type: z.literal("update-milestone"),
  milestone: milestoneId,
  number: milestoneNumber,
  title: z.string(),
  dueOn: z.string(),
  description: z.string(),
  changes: z.array(z.string()).describe("Which of title, dueOn, description differ."),
});

export const createLabelSchema = z.object({
  type: z.literal("create-label"),
  label: z.string(),
  deliverable: z.string(),
});

export const setIssueMilestoneSchema = z.object({
  type: z.literal("set-issue-milestone"),
  milestone: milestoneId,
  number: milestoneNumber.nullable().describe("Null when the milestone is created in this run."),
  issue: z.number().int(),
  from: z.number().int().nullable().describe("The issue's milestone when it was read."),
});

export const closeMilestoneSchema = z.object({
  type: z.literal("close-milestone"),
  milestone: milestoneId,
  number: milestoneNumber,
  evidence,
});

export const reopenMilestoneSchema = z.object({
  type: z.literal("reopen-milestone"),
  milestone: milestoneId,
  number: milestoneNumber,
  reason: z.string(),
});

export const openReviewSchema = z.object({
  type: z.literal("open-review"),
  milestone: milestoneId,
  number: milestoneNumber.nullable(),
  title: z.string().describe("The review issue's title."),
  approvers: z.array(z.string()),
  evidence,
  risks: z
    .array(z.string())
    .optional()
    .describe("Fired risks threatening the milestone, one line each (contingency, owner)."),
});

export const openRiskSchema = z.object({
  type: z.literal("open-risk"),
  risk: z.string().describe("The plan risk's id."),
  milestone: milestoneId.describe("The first threatened milestone that fires it."),
  number: milestoneNumber.nullable().describe("Null when the milestone is created in this run."),
  title: z.string().describe("The risk issue's title."),
  owner: z.string().nullable().describe("The login it is assigned to, or null."),
  contingency: z.string(),
  reasons: z.array(z.string()).describe("Why it fired: the threatened milestones' state."),
  gaps: z.array(z.string()).describe("What the threatened milestones still miss (with owners)."),
});

export const syncActionSchema = z
  .discriminatedUnion("type", [
    createMilestoneSchema,
    updateMilestoneSchema,
    createLabelSchema,
    setIssueMilestoneSchema,
    closeMilestoneSchema,
    reopenMilestoneSchema,
    openReviewSchema,
    openRiskSchema,
  ])
  .describe("One change on GitHub; the list of them is the dry run.");

export type SyncAction = z.output<typeof syncActionSchema>;
export type SyncActionType = SyncAction["type"];
export type ActionOf<T extends SyncActionType> = Extract<SyncAction, { type: T }>;
