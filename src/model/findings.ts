/**
 * Findings: what validation says about a plan, positioned in its file. Every code the plan
 * loader can emit is listed here, so a new rule is a type error until it has a code, and the
 * docs test can check that every code is documented.
 */
import { z } from "zod";

export const FINDING_CODES = [
  // The file and its YAML.
  "file-too-large",
  "not-utf8",
  "stray-bom",
  "empty-file",
  "not-a-map",
  "yaml-syntax",
  "yaml-tab",
  "yaml-tag",
  "yaml-duplicate-key",
  "yaml-multiple-documents",
  "yaml-too-deep",
  "yaml-too-many-aliases",
  "plan-too-complex",
  "too-many-findings",
  // The shape of the plan.
  "unsupported-version",
  "unknown-key",
  "missing-key",
  "wrong-type",
  "out-of-range",
  "invalid-value",
  "invalid-id",
  "invalid-date",
  "invalid-target",
  "invalid-plan",
  "criterion-no-kind",
  "criterion-several-kinds",
  "criterion-modifier",
  // Cross-references and rules the schema cannot express.
  "duplicate-id",
  "duplicate-milestone-title",
  "duplicate-label",
  "duplicate-reference",
  "blank-title",
  "blank-label",
  "label-too-long",
  "invalid-repo-path",
  "invalid-login",
  "invalid-timezone",
  "risk-threatens-nothing",
  "blank-contingency",
  "invalid-glob",
  "review-title-too-long",
  "unknown-deliverable",
  "unknown-milestone",
  "unknown-objective",
  "milestone-without-deliverables",
  "deliverable-without-criteria",
  "deliverable-in-two-milestones",
  "requires-cycle",
  "objective-without-measure",
  // Warnings.
  "deliverable-without-milestone",
  "deliverable-without-objective",
  "objective-not-smart",
  "requires-later-milestone",
  "milestone-without-due",
  // A bug of ours, reported instead of a crash.
  "internal-error",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export const severitySchema = z.enum(["error", "warning"]);
export type Severity = z.output<typeof severitySchema>;

export const findingSchema = z
  .object({
    severity: severitySchema,
    line: z.number().int().min(1).describe("1-based line of the offending key or value."),
    column: z.number().int().min(1).describe("1-based column."),
    endLine: z.number().int().optional().describe("Where the range ends, when known."),
    endColumn: z.number().int().optional(),
    code: z.enum(FINDING_CODES).optional().describe("Stable machine code, e.g. `unknown-key`."),
    message: z.string().describe("What is wrong and how to fix it."),
  })
  .describe("One validation finding, positioned in the plan file.");

export type Finding = z.output<typeof findingSchema>;
