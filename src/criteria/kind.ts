/**
 * The shape of a criterion kind. Each kind (`issues`, `file`, `checks`, `pull_requests`,
 * `objective`) is one module that fills in every part of this interface — its schema, what it
 * needs loaded, how it is evaluated, how a merge changes what it reads, how two versions of it
 * compare in a plan diff, its generated name and any validation beyond its schema — and one
 * line in `registry.ts`. A part left out is a type error, not a criterion that is quietly
 * "not met" because the loader never read its data.
 */
import type { z } from "zod";
import type { FindingCode, Severity } from "../model/findings.ts";
import type { PlanChangeCode } from "../model/report.ts";
import type { Snapshot, SnapshotPullRequest } from "../model/snapshot.ts";
import type { CriterionContext } from "./context.ts";
import type { DeliverableRef } from "./snapshot-index.ts";

/** The result of evaluating one criterion (its kind and name are added by the registry). */
export interface CriterionOutcome {
  met: boolean;
  /** What was found, and what is missing when not met. */
  detail: string;
  /** Issue or pull request numbers behind the result, for links. */
  refs?: number[];
}

/** What the GitHub loader must read for a plan; each criterion adds what it reads. */
export interface Needs {
  /** Repository paths read from the default branch (and a pull request's head). */
  files: Set<string>;
  /** Check run / commit status names read on the default branch's head. */
  checks: Set<string>;
  /** Whether pull requests must be read (not only the one a check is about). */
  pullRequests: boolean;
}

/** Titles of the plan's objectives by id, for names that mention an objective. */
export type ObjectiveTitle = (id: string) => string | undefined;

/** A problem in one criterion beyond its schema, at one of its keys. */
export interface CriterionProblem {
  key: string;
  severity: Severity;
  code: FindingCode;
  message: string;
}

/** What a kind's validation may know of the rest of the plan. */
export interface ValidationRefs {
  /** The plan's objectives by id, and whether each has a measure. */
  objectives: ReadonlyMap<string, { hasMeasure: boolean }>;
  /** " — did you mean …?" for a mistyped id, or "" when nothing is close. */
  suggest(params: { input: string; candidates: Iterable<string> }): string;
}

/** Reports one change between the base and head versions of a criterion. */
export type AddChange = (code: PlanChangeCode, weakens: boolean, message: string) => void;

export interface CriterionKind<K extends string = string, S extends z.ZodObject = z.ZodObject> {
  /** The kind key, e.g. `issues` in `- issues: closed`. */
  key: K;
  /** The criterion's strict schema: its kind key, its modifiers and `name`. */
  schema: S;
  /** The generated name shown when the plan gives no `name:`. */
  name(params: { criterion: z.output<S>; objectiveTitle: ObjectiveTitle }): string;
  /** Adds what the loader must read to evaluate this criterion. */
  needs(params: { criterion: z.output<S>; needs: Needs }): void;
  /** Judges the criterion against a snapshot. Pure. */
  evaluate(params: {
    ctx: CriterionContext;
    deliverable: DeliverableRef;
    /** The deliverable's plan position in `ctx.index` (-1: not known). */
    position: number;
    criterion: z.output<S>;
  }): CriterionOutcome;
  /**
   * How merging `pr` changes the part of the snapshot this kind reads. Absent when the kind
   * reads nothing a merge changes beyond what another kind already projects (say so in a
   * comment).
   */
  project?(params: { snapshot: Snapshot; pr: SnapshotPullRequest }): Partial<Snapshot>;
  /** What it checks regardless of thresholds: a plan diff pairs criteria by this. */
  identity(criterion: z.output<S>): string;
  /** Reports what changed between two paired versions (same identity) of the criterion. */
  diff(params: {
    base: z.output<S>;
    head: z.output<S>;
    /** "Deliverable \"x\"", for messages. */
    who: string;
    /** The base criterion's shown name, quoted. */
    name: string;
    add: AddChange;
  }): void;
  /** Rules beyond the schema, on the raw (possibly wrong-typed) criterion. */
  validate?(params: {
    criterion: Record<string, unknown>;
    /** "deliverable \"x\" criterion 2", for messages. */
    subject: string;
    refs: ValidationRefs;
  }): CriterionProblem[];
  /**
   * The objective this (raw, possibly wrong-typed) criterion traces its deliverable to, if it
   * names one: such a deliverable is not "untraced".
   */
  traces?(criterion: Record<string, unknown>): string | undefined;
  /** The criterion as evaluation reads it (e.g. a path in its plain repository form). */
  normalize?(criterion: z.output<S>): z.output<S>;
}

/** Checks a kind module against the interface while keeping its own precise types. */
export function defineKind<const K extends string, S extends z.ZodObject>(
  kind: CriterionKind<K, S>,
): CriterionKind<K, S> {
  return kind;
}

/** `name:` — every kind takes it. */
export const NAME_KEY = "name";
