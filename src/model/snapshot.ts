/**
 * The repository snapshot, version 1 (docs/evaluation.md): the state evaluation needs, as one
 * document. The GitHub loader builds it, tests and bug reports carry it, `report` reads it.
 * Its JSON Schema (`schema/snapshot.schema.json`) is generated from these zod schemas.
 */
import { z } from "zod";

const conclusion = z
  .string()
  .describe("GitHub's conclusion of the check run or commit status, e.g. `success`, `failure`.");
const checksMap = z
  .record(z.string(), conclusion)
  .describe("Latest conclusion of each check run or status context, by name.");
const filesMap = z
  .record(z.string(), z.string())
  .describe("File contents by repository path; an absent key means the file does not exist.");

export const snapshotMilestoneSchema = z.object({
  number: z.number().int().describe("The GitHub milestone number."),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  dueOn: z
    .string()
    .nullable()
    .describe("`YYYY-MM-DD`, or a GitHub timestamp read as the day in US Pacific time, or null."),
  description: z.string().nullable().default(""),
  closedAt: z.string().nullable().optional().describe("When it was closed, if it is."),
});

export const snapshotIssueSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  stateReason: z
    .enum(["completed", "not_planned", "reopened", "duplicate"])
    .nullable()
    .default(null)
    .describe("Why it was closed; `not_planned` (and `duplicate`) leave a deliverable's scope."),
  labels: z.array(z.string()).default([]),
  milestone: z.number().int().nullable().default(null).describe("GitHub milestone number."),
  closedBy: z.string().nullable().optional().describe("Login of whoever closed it."),
  assignees: z.array(z.string()).optional(),
  body: z.string().nullable().optional(),
});

export const snapshotPullRequestSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  merged: z.boolean().default(false),
  labels: z.array(z.string()).default([]),
  milestone: z.number().int().nullable().default(null),
  closingIssues: z.array(z.number().int()).default([]).describe("Issues it closes when merged."),
  approvals: z.array(z.string()).default([]).describe("Logins whose latest review is an approval."),
  changedFiles: z.array(z.string()).optional().describe("Paths it changes (only when loaded)."),
  headSha: z.string().optional(),
  baseRef: z.string().optional(),
  headRef: z.string().optional(),
  headRepository: z.string().optional().describe("`owner/name` of the head; differs for forks."),
  headFiles: filesMap.optional().describe("Files read from the head (only those the plan names)."),
  headChecks: checksMap.optional().describe("Checks on the head commit."),
});

export const snapshotSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    repository: z.string().describe("`owner/name`."),
    defaultBranch: z.string(),
    fetchedAt: z.iso.datetime({ offset: true }).describe("When it was read; evaluation's 'now'."),
    planPath: z
      .string()
      .optional()
      .describe("Where the loader read the plan (e.g. `.github/plan.yml`)."),
    milestones: z.array(snapshotMilestoneSchema).default([]),
    labels: z.array(z.string()).default([]),
    issues: z.array(snapshotIssueSchema).default([]),
    pullRequests: z.array(snapshotPullRequestSchema).default([]),
    files: filesMap.default({}),
    fileCommittedAt: z
      .record(z.string(), z.iso.datetime({ offset: true }))
      .optional()
      .describe(
        "For each file a measure with `max_age_days` names: when the last commit on the default branch changed it. An absent key: unknown (the measure is stale).",
      ),
    checks: checksMap.default({}),
  })
  .describe("A plan-align repository snapshot, version 1.");

export type Snapshot = z.output<typeof snapshotSchema>;

/**
 * The text of `path` in a map of files, or undefined when it is not there. An own-property
 * lookup: a path is text from the plan or a pull request, and `toString` or `constructor`
 * must not find Object's methods (a milestone must never close on evidence that is not there).
 */
export function ownFile(files: Readonly<Record<string, string>>, path: string): string | undefined {
  return Object.hasOwn(files, path) ? files[path] : undefined;
}
export type SnapshotMilestone = z.output<typeof snapshotMilestoneSchema>;
export type SnapshotIssue = z.output<typeof snapshotIssueSchema>;
export type SnapshotPullRequest = z.output<typeof snapshotPullRequestSchema>;

export const SNAPSHOT_SCHEMA_URL =
  "https://raw.githubusercontent.com/plan-align/plan-align/main/schema/snapshot.schema.json";

/** The snapshot's JSON Schema, committed as `schema/snapshot.schema.json` (kept fresh by a test). */
export function snapshotJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(snapshotSchema, { io: "input" }) as Record<
    string,
    unknown
  >;
  return {
    $schema,
    $id: SNAPSHOT_SCHEMA_URL,
    title: "plan-align repository snapshot, version 1",
    ...rest,
  };
}
