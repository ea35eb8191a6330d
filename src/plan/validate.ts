/**
 * The cross-reference rules of DESIGN §2 that a schema cannot express: unique ids, titles
 * and labels, references that resolve, one milestone per deliverable, no cycles in
 * `requires`, real calendar days, and the warnings about untraced or undated work.
 *
 * The rules read the raw data defensively (any field may have the wrong type when the
 * schema failed), so a single run reports schema errors and reference errors together.
 */

import type { CriterionKind, ValidationRefs } from "../criteria/kind.ts";
import { kindByKey } from "../criteria/registry.ts";
import type { Finding, FindingCode } from "../model/findings.ts";
import { ISSUE_TITLE_CHARS, LABEL_NAME_CHARS } from "../model/github-limits.ts";
import { deliverableLabel } from "../model/names/labels.ts";
import { MAX_REVIEWED_MILESTONE_TITLE, REVIEW_TITLE_PREFIX } from "../model/names/review-issue.ts";
import { repoPathProblem } from "../model/repo-path.ts";
import { isDateString, isRealDate } from "./dates.ts";
import { isRecord, valueAt } from "./describe.ts";
import { suggestion } from "./did-you-mean.ts";
import { findingAt, type PlanContext } from "./plan-context.ts";
import { type PathSegment, positionOf } from "./positions.ts";
import { ownerFindings } from "./rules/owners.ts";
import { riskFindings } from "./rules/risks.ts";
import { undatedMilestoneFindings } from "./rules/undated-milestones.ts";

interface Entry {
  id?: string;
  path: PathSegment[];
  raw: Record<string, unknown>;
}

interface Reference {
  value: string;
  path: PathSegment[];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function entries(list: unknown, base: PathSegment[]): Entry[] {
  if (!Array.isArray(list)) return [];
  const out: Entry[] = [];
  list.forEach((raw, i) => {
    if (isRecord(raw)) out.push({ id: text(raw.id), path: [...base, i], raw });
  });
  return out;
}

function references(entry: Entry, key: string): Reference[] {
  const list = entry.raw[key];
  // A single id where a list belongs is a schema error already; still count it as a
  // reference so it does not also cause "in no milestone" noise.
  if (typeof list === "string") return [{ value: list, path: [...entry.path, key] }];
  if (!Array.isArray(list)) return [];
  const out: Reference[] = [];
  list.forEach((value, i) => {
    if (typeof value === "string") out.push({ value, path: [...entry.path, key, i] });
  });
  return out;
}

function name(kind: string, entry: Entry): string {
  return entry.id === undefined
    ? `${kind} ${Number(entry.path.at(-1)) + 1}`
    : `${kind} "${entry.id}"`;
}

/** Where a finding about a whole entry points: its id, or the entry itself. */
function idPath(entry: Entry): PathSegment[] {
  return entry.id === undefined ? entry.path : [...entry.path, "id"];
}

class Rules {
  readonly findings: Finding[] = [];
  readonly ctx: PlanContext;
  constructor(ctx: PlanContext) {
    this.ctx = ctx;
  }

  error(path: PathSegment[], code: FindingCode, message: string): void {
    this.findings.push(findingAt({ ctx: this.ctx, path, code, message }));
  }

  warn(path: PathSegment[], code: FindingCode, message: string): void {
    this.findings.push(findingAt({ ctx: this.ctx, path, code, message, severity: "warning" }));
  }

  line(path: PathSegment[]): number {
    return positionOf({ doc: this.ctx.doc, lineCounter: this.ctx.lineCounter, path }).line;
  }
}

/** Ids unique within one kind; returns the first entry of each id. */
function uniqueIds(rules: Rules, kind: string, plural: string, list: Entry[]): Map<string, Entry> {
  const byId = new Map<string, Entry>();
  for (const entry of list) {
    if (entry.id === undefined) continue;
    const first = byId.get(entry.id);
    if (first) {
      rules.error(
        idPath(entry),
        "duplicate-id",
        `${kind} id "${entry.id}" is used twice (first on line ${rules.line(idPath(first))}) — ids must be unique among ${plural}; rename one`,
      );
    } else byId.set(entry.id, entry);
  }
  return byId;
}

function checkDate(rules: Rules, kind: string, entry: Entry): void {
  const due = entry.raw.due;
  if (typeof due === "string" && isDateString(due) && !isRealDate(due)) {
    rules.error(
      [...entry.path, "due"],
      "invalid-date",
      `${name(kind, entry)}: "due" ${due} is not a day of the calendar — use a real date YYYY-MM-DD`,
    );
  }
}

/**
 * A title of only spaces passes "missing title" yet is no title: GitHub refuses a blank
 * milestone title, and reports would show nothing. (Empty titles are schema errors.)
 */
function checkBlankTitles(rules: Rules, kind: string, list: Entry[]): void {
  for (const entry of list) {
    const title = entry.raw.title;
    if (typeof title === "string" && title.length > 0 && title.trim() === "") {
      rules.error(
        [...entry.path, "title"],
        "blank-title",
        `${name(kind, entry)}: "title" is blank — write a title people will recognize`,
      );
    }
  }
}

/** The kinds whose key a (raw) criterion carries; several is an error reported elsewhere. */
function kindsIn(criterion: Record<string, unknown>): CriterionKind[] {
  return Object.keys(criterion).flatMap((key) => kindByKey(key) ?? []);
}

/** A `file` that can never be found in the repository as written. */
function checkRepoPath(params: { rules: Rules; path: PathSegment[]; subject: string }): void {
  const value = valueAt(params.rules.ctx.data, params.path);
  if (typeof value !== "string" || value.length === 0) return;
  const problem = repoPathProblem(value);
  if (problem) {
    params.rules.error(
      params.path,
      "invalid-repo-path",
      `${params.subject}: "file" "${value}" ${problem}`,
    );
  }
}

function checkObjectives(rules: Rules, objectives: Entry[]): void {
  for (const objective of objectives) {
    checkDate(rules, "objective", objective);
    checkRepoPath({
      rules,
      path: [...objective.path, "measure", "file"],
      subject: `${name("objective", objective)} measure`,
    });
    const missing = ["measure", "due"].filter((key) => objective.raw[key] === undefined);
    if (missing.length > 0) {
      const fix = missing.map((k) =>
        k === "measure" ? "a measure (file, path, target)" : "a due date",
      );
      rules.warn(
        idPath(objective),
        "objective-not-smart",
        `${name("objective", objective)} has no ${missing.map((k) => (k === "due" ? "due date" : k)).join(" and no ")}, so it is not SMART — add ${fix.join(" and ")}`,
      );
    }
  }
}

/**
 * A milestone with `review` gets an issue titled `Milestone review: <title>`; a title so long
 * that GitHub refuses that issue would fail on every sync, so it is an error up front.
 */
function checkReviewTitleLength(params: { rules: Rules; milestone: Entry; title: string }): void {
  const { rules, milestone, title } = params;
  const limit = MAX_REVIEWED_MILESTONE_TITLE;
  if (milestone.raw.review === undefined || [...title].length <= limit) return;
  rules.error(
    [...milestone.path, "title"],
    "review-title-too-long",
    `${name("milestone", milestone)}: its title is ${[...title].length} characters, too long for its review issue ("${REVIEW_TITLE_PREFIX}<title>" must fit GitHub's ${ISSUE_TITLE_CHARS}) — shorten the title to at most ${limit} characters`,
  );
}

function checkMilestones(params: {
  rules: Rules;
  milestones: Entry[];
  milestoneById: Map<string, Entry>;
  deliverableById: Map<string, Entry>;
}): Map<string, Reference[]> {
  const { rules, milestones, milestoneById, deliverableById } = params;
  const titles = new Map<string, Entry>();
  /** Every milestone listing of each deliverable, in file order. */
  const listings = new Map<string, Reference[]>();
  for (const milestone of milestones) {
    checkDate(rules, "milestone", milestone);
    const title = text(milestone.raw.title);
    if (title !== undefined && title.length > 0) {
      const first = titles.get(title);
      if (first) {
        rules.error(
          [...milestone.path, "title"],
          "duplicate-milestone-title",
          `${name("milestone", milestone)} has the same title "${title}" as ${name("milestone", first)} (line ${rules.line([...first.path, "title"])}) — GitHub milestone titles must be unique; change one`,
        );
      } else titles.set(title, milestone);
      checkReviewTitleLength({ rules, milestone, title });
    }
    const list = milestone.raw.deliverables;
    if (Array.isArray(list) && list.length === 0) {
      rules.error(
        [...milestone.path, "deliverables"],
        "milestone-without-deliverables",
        `${name("milestone", milestone)} has no deliverables — nothing can prove it is achieved; list at least one deliverable id`,
      );
    }
    const seenHere = new Set<string>();
    for (const ref of references(milestone, "deliverables")) {
      if (!deliverableById.has(ref.value)) {
        const hint =
          suggestion({ input: ref.value, candidates: deliverableById.keys() }) ||
          ' — define it under "deliverables" or correct the id';
        rules.error(
          ref.path,
          "unknown-deliverable",
          `${name("milestone", milestone)} lists unknown deliverable "${ref.value}"${hint}`,
        );
        continue;
      }
      if (seenHere.has(ref.value)) {
        rules.warn(
          ref.path,
          "duplicate-reference",
          `${name("milestone", milestone)} lists deliverable "${ref.value}" twice — remove one`,
        );
        continue;
      }
      seenHere.add(ref.value);
      const earlier = listings.get(ref.value) ?? [];
      if (earlier.length > 0) {
        const other = milestones.find((m) => m.path[1] === earlier[0].path[1]);
        const otherName = other ? name("milestone", other) : "another milestone";
        rules.error(
          ref.path,
          "deliverable-in-two-milestones",
          `deliverable "${ref.value}" is listed under ${otherName} and ${name("milestone", milestone)} — a deliverable proves one milestone; remove it from one (use "requires" to order the milestones)`,
        );
      }
      listings.set(ref.value, [...earlier, ref]);
    }
    checkRequires({ rules, milestone, milestoneById });
  }
  return listings;
}

function checkRequires(params: {
  rules: Rules;
  milestone: Entry;
  milestoneById: Map<string, Entry>;
}): void {
  const { rules, milestone, milestoneById } = params;
  const due = text(milestone.raw.due);
  for (const ref of references(milestone, "requires")) {
    const required = milestoneById.get(ref.value);
    if (!required) {
      const hint =
        suggestion({ input: ref.value, candidates: milestoneById.keys() }) ||
        ' — it must be the id of a milestone under "milestones"';
      rules.error(
        ref.path,
        "unknown-milestone",
        `${name("milestone", milestone)} requires unknown milestone "${ref.value}"${hint}`,
      );
      continue;
    }
    const requiredDue = text(required.raw.due);
    if (
      due !== undefined &&
      requiredDue !== undefined &&
      isRealDate(due) &&
      isRealDate(requiredDue) &&
      requiredDue > due
    ) {
      rules.warn(
        ref.path,
        "requires-later-milestone",
        `${name("milestone", milestone)} (due ${due}) requires milestone "${ref.value}", which is due later (${requiredDue}) — it cannot be achieved on time; move one of the dates`,
      );
    }
  }
}

/** Reports each cycle in `requires` once, at the entry that closes it. */
function checkCycles(rules: Rules, milestones: Entry[], milestoneById: Map<string, Entry>): void {
  const edges = new Map<string, Reference[]>();
  for (const [id, milestone] of milestoneById) {
    edges.set(
      id,
      references(milestone, "requires").filter((r) => milestoneById.has(r.value)),
    );
  }
  const state = new Map<string, "active" | "done">();
  const reported = new Set<string>();
  for (const start of milestones) {
    if (start.id === undefined || state.has(start.id) || !milestoneById.has(start.id)) continue;
    // Iterative depth-first search: a long chain of milestones must not overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, "active");
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const out = edges.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, "done");
        stack.pop();
        continue;
      }
      const ref = out[top.next++];
      const seen = state.get(ref.value);
      if (seen === undefined) {
        state.set(ref.value, "active");
        stack.push({ id: ref.value, next: 0 });
      } else if (seen === "active") {
        const from = stack.findIndex((s) => s.id === ref.value);
        const cycle = [...stack.slice(from).map((s) => s.id), ref.value];
        const key = [...new Set(cycle)].sort().join("\n");
        if (reported.has(key)) continue;
        reported.add(key);
        const message =
          cycle.length === 2
            ? `milestone "${top.id}" requires itself — remove "${ref.value}" from its "requires"`
            : `milestones ${cycle.map((c) => `"${c}"`).join(" → ")} require each other in a cycle, so none can be achieved — remove one of these "requires" entries`;
        rules.error(ref.path, "requires-cycle", message);
      }
    }
  }
}

function checkDeliverables(params: {
  rules: Rules;
  deliverables: Entry[];
  objectiveById: Map<string, Entry>;
  listings: Map<string, Reference[]>;
}): void {
  const { rules, deliverables, objectiveById, listings } = params;
  const labels = new Map<string, Entry>();
  const criterionRefs: ValidationRefs = {
    objectives: new Map(
      [...objectiveById].map(([id, entry]) => [
        id,
        { hasMeasure: entry.raw.measure !== undefined },
      ]),
    ),
    suggest: suggestion,
  };
  for (const deliverable of deliverables) {
    const explicit = text(deliverable.raw.label);
    const label =
      explicit ??
      (deliverable.id === undefined ? undefined : deliverableLabel({ id: deliverable.id }));
    const labelPath = explicit === undefined ? idPath(deliverable) : [...deliverable.path, "label"];
    if (explicit === undefined && label !== undefined && label.length > LABEL_NAME_CHARS) {
      rules.error(
        labelPath,
        "label-too-long",
        `${name("deliverable", deliverable)}: its default label "${label}" is longer than GitHub's ${LABEL_NAME_CHARS} characters — set a shorter "label"`,
      );
    }
    if (explicit !== undefined && explicit.length > 0 && explicit.trim() === "") {
      rules.error(
        labelPath,
        "blank-label",
        `${name("deliverable", deliverable)}: "label" is blank — GitHub needs a label name; set one, or remove "label" to use the default deliverable:${deliverable.id ?? "<id>"}`,
      );
    } else if (label !== undefined && label.length > 0) {
      // GitHub treats label names case-insensitively.
      const key = label.toLowerCase();
      const first = labels.get(key);
      if (first) {
        rules.error(
          labelPath,
          "duplicate-label",
          `${name("deliverable", deliverable)} has the label "${label}", already used by ${name("deliverable", first)} — each deliverable needs its own label; set a different "label"`,
        );
      } else labels.set(key, deliverable);
    }

    const objective = text(deliverable.raw.objective);
    if (objective !== undefined && !objectiveById.has(objective)) {
      const hint =
        suggestion({ input: objective, candidates: objectiveById.keys() }) ||
        " — it must be the id of an objective under a goal";
      rules.error(
        [...deliverable.path, "objective"],
        "unknown-objective",
        `${name("deliverable", deliverable)} serves unknown objective "${objective}"${hint}`,
      );
    }

    const criteria = deliverable.raw.criteria;
    if (Array.isArray(criteria) && criteria.length === 0) {
      rules.error(
        [...deliverable.path, "criteria"],
        "deliverable-without-criteria",
        `${name("deliverable", deliverable)} has no criteria — say what proves it is done, e.g. "- issues: closed"`,
      );
    }
    let tracedByCriterion = false;
    if (Array.isArray(criteria)) {
      criteria.forEach((criterion, j) => {
        if (!isRecord(criterion)) return;
        const path = [...deliverable.path, "criteria", j];
        const subject = `${name("deliverable", deliverable)} criterion ${j + 1}`;
        for (const kind of kindsIn(criterion)) {
          for (const problem of kind.validate?.({ criterion, subject, refs: criterionRefs }) ??
            []) {
            const at = [...path, problem.key];
            if (problem.severity === "error") rules.error(at, problem.code, problem.message);
            else rules.warn(at, problem.code, problem.message);
          }
          const traced = kind.traces?.(criterion);
          if (traced !== undefined && objectiveById.get(traced)?.raw.measure !== undefined) {
            tracedByCriterion = true;
          }
        }
      });
    }

    if (deliverable.id !== undefined && (listings.get(deliverable.id) ?? []).length === 0) {
      rules.warn(
        idPath(deliverable),
        "deliverable-without-milestone",
        `${name("deliverable", deliverable)} is in no milestone, so it has no date — list it under a milestone's "deliverables"`,
      );
    }
    if (objective === undefined && !tracedByCriterion) {
      rules.warn(
        idPath(deliverable),
        "deliverable-without-objective",
        `${name("deliverable", deliverable)} is not traced to an objective — add "objective: <objective id>" to say what it serves`,
      );
    }
  }
}

/** All cross-reference errors and warnings of DESIGN §2, positioned. */
export function validatePlan(params: { ctx: PlanContext }): Finding[] {
  const rules = new Rules(params.ctx);
  const data = isRecord(params.ctx.data) ? params.ctx.data : {};
  const goals = entries(data.goals, ["goals"]);
  const objectives = goals.flatMap((goal) =>
    entries(goal.raw.objectives, [...goal.path, "objectives"]),
  );
  const milestones = entries(data.milestones, ["milestones"]);
  const deliverables = entries(data.deliverables, ["deliverables"]);

  uniqueIds(rules, "goal", "goals", goals);
  const objectiveById = uniqueIds(rules, "objective", "objectives", objectives);
  const milestoneById = uniqueIds(rules, "milestone", "milestones", milestones);
  const deliverableById = uniqueIds(rules, "deliverable", "deliverables", deliverables);

  checkBlankTitles(rules, "goal", goals);
  checkBlankTitles(rules, "objective", objectives);
  checkBlankTitles(rules, "milestone", milestones);
  checkBlankTitles(rules, "deliverable", deliverables);
  checkObjectives(rules, objectives);
  const listings = checkMilestones({ rules, milestones, milestoneById, deliverableById });
  checkCycles(rules, milestones, milestoneById);
  checkDeliverables({ rules, deliverables, objectiveById, listings });
  rules.findings.push(
    ...ownerFindings(params),
    ...riskFindings(params),
    ...undatedMilestoneFindings(params),
  );
  return rules.findings;
}
