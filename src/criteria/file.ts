/**
 * `file: PATH` — the file exists on the default branch, has every required Markdown heading
 * (trimmed, case-insensitive, levels 1–6) and contains every required string literally.
 * Nothing from the plan is ever run as a regular expression.
 */
import { z } from "zod";
import { line } from "../model/detail-line.ts";
import { normalizeRepoPath, repoPathProblem } from "../model/repo-path.ts";
import { ownFile } from "../model/snapshot.ts";
import { plural, quotedList } from "../model/words.ts";
import type { CriterionContext } from "./context.ts";
import { compareList, nameField } from "./fields.ts";
import { markdownHeadings, normalizeHeading } from "./headings.ts";
import { defineKind } from "./kind.ts";
import type { DeliverableRef } from "./snapshot-index.ts";

/**
 * The headings of each file the plan's criteria name, with the text they were read from, kept
 * per parsed plan (by the index's list of its deliverables, like the criterion names): the App
 * evaluates one parsed plan again on every event, and the documents a plan names rarely
 * change between events, so each is read once per content rather than on every evaluation.
 * Bounded by the plan (only the paths it names) and by the size of a text kept; the sets are
 * only ever read.
 */
const keptHeadings = new WeakMap<
  readonly DeliverableRef[],
  Map<string, { text: string; headings: ReadonlySet<string> }>
>();
const MAX_KEPT_TEXT = 64 * 1024;

function fileHeadings(ctx: CriterionContext, path: string, text: string): ReadonlySet<string> {
  let kept = keptHeadings.get(ctx.index.deliverableAt);
  if (!kept) {
    kept = new Map();
    keptHeadings.set(ctx.index.deliverableAt, kept);
  }
  const entry = kept.get(path);
  // The same string, or the same text read again: compared whole (no parse is cheaper).
  if (entry && entry.text === text) return entry.headings;
  let headings = ctx.headings.get(path);
  if (!headings) {
    headings = markdownHeadings(text);
    ctx.headings.set(path, headings);
  }
  if (text.length <= MAX_KEPT_TEXT) kept.set(path, { text, headings });
  return headings;
}

/** `the required heading`, `all 3 required headings`. */
function required(n: number, one: string): void {
  if (n === 1) line.text("the required ").text(one);
  else line.text("all ").number(n).text(" required ").text(one).text("s");
}

const NO_HEADINGS: ReadonlySet<string> = new Set();

export const fileKind = defineKind({
  key: "file",
  // Entries of `headings` and `contains` are never empty: "" occurs in every file, so it
  // would prove nothing while looking like a requirement.
  schema: z
    .strictObject({
      file: z.string().min(1).describe("Repository path that must exist on the default branch."),
      headings: z
        .array(z.string().min(1))
        .optional()
        .describe("Markdown headings the file must have (trimmed, case-insensitive)."),
      contains: z
        .array(z.string().min(1))
        .optional()
        .describe("Literal strings the file must contain (no regular expressions)."),
      name: nameField,
    })
    .describe("A file exists on the default branch, with the given headings and text."),

  name: ({ criterion }) => {
    const headings = criterion.headings?.length ?? 0;
    const contains = criterion.contains?.length ?? 0;
    // Parts joined: one flat string.
    const parts = ["File", criterion.file];
    if (headings > 0) parts.push("with", plural(headings, "required heading"));
    if (headings > 0 && contains > 0) parts.push("and");
    if (contains > 0) parts.push("containing", plural(contains, "required text"));
    return parts.join(" ");
  },

  needs: ({ criterion, needs }) => {
    needs.files.add(criterion.file);
  },

  evaluate: ({ ctx, criterion }) => {
    const { file } = criterion;
    const headings = criterion.headings ?? [];
    const contains = criterion.contains ?? [];
    const text = ownFile(ctx.snapshot.files, file);
    if (text === undefined) {
      return { met: false, detail: `${file} does not exist on the default branch` };
    }
    const present = headings.length > 0 ? fileHeadings(ctx, file, text) : NO_HEADINGS;
    const missingHeadings = headings.filter((h) => !present.has(normalizeHeading(h)));
    const missingText = contains.filter((s) => !text.includes(s));

    // One line written at once (see `model/detail-line.ts`): thousands of deliverables.
    line.begin().text(file);
    if (missingHeadings.length > 0 || missingText.length > 0) {
      line.text(":");
      if (missingHeadings.length > 0) {
        line.text(missingHeadings.length === 1 ? " missing heading " : " missing headings ");
        line.text(quotedList(missingHeadings));
      }
      if (missingText.length > 0) {
        line.text(missingHeadings.length > 0 ? "; missing text " : " missing text ");
        line.text(quotedList(missingText));
      }
      return { met: false, detail: line.end() };
    }
    if (headings.length === 0 && contains.length === 0) {
      return { met: true, detail: line.text(" exists").end() };
    }
    line.text(" exists with ");
    if (headings.length > 0) required(headings.length, "heading");
    if (headings.length > 0 && contains.length > 0) line.text(" and ");
    if (contains.length > 0) required(contains.length, "text");
    return { met: true, detail: line.end() };
  },

  // The files it changes are read from its head (a changed file its head lacks is deleted).
  // `headFiles` absent means the head was not read (not that every file was deleted): then
  // the base branch's files stay. Objective measures read files too, through this projection.
  project: ({ snapshot, pr }) => {
    const head = pr.headFiles;
    if (!head) return {};
    if (pr.changedFiles && pr.changedFiles.length > 0) {
      const files: Record<string, string> = { ...snapshot.files };
      // A file the merge changes is fresh: its last change is the merge, "now".
      const fileCommittedAt: Record<string, string> = { ...snapshot.fileCommittedAt };
      for (const path of pr.changedFiles) {
        const text = ownFile(head, path);
        if (text !== undefined) {
          files[path] = text;
          fileCommittedAt[path] = snapshot.fetchedAt;
        } else delete files[path];
      }
      return { files, fileCommittedAt };
    }
    if (pr.changedFiles === undefined && Object.keys(head).length > 0) {
      // Which files it changes is not known (a hand-written snapshot may omit it), but what
      // its head holds is: those files are read from the head, the others stay.
      return { files: { ...snapshot.files, ...head } };
    }
    return {};
  },

  identity: (criterion) => `file:${criterion.file}`,
  diff: ({ base, head, who, name, add }) => {
    compareList({
      from: base.headings ?? [],
      to: head.headings ?? [],
      what: "the headings",
      code: "headings",
      key: normalizeHeading,
      who,
      name,
      add,
    });
    compareList({
      from: base.contains ?? [],
      to: head.contains ?? [],
      what: "the texts",
      code: "contains",
      who,
      name,
      add,
    });
  },

  validate: ({ criterion, subject }) => {
    const value = criterion.file;
    if (typeof value !== "string" || value.length === 0) return [];
    const problem = repoPathProblem(value);
    if (!problem) return [];
    return [
      {
        key: "file",
        severity: "error",
        code: "invalid-repo-path",
        message: `${subject}: "file" "${value}" ${problem}`,
      },
    ];
  },

  normalize: (criterion) => ({ ...criterion, file: normalizeRepoPath(criterion.file) }),
});
