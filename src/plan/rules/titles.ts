/** Titles: not blank, milestone titles unique and short enough for a review issue. */
import { ISSUE_TITLE_CHARS } from "../../model/github-limits.ts";
import {
  MAX_REVIEWED_MILESTONE_TITLE,
  REVIEW_TITLE_PREFIX,
} from "../../model/names/review-issue.ts";
import type { PlanEntries } from "./plan-entries.ts";
import { type Entry, name, type Rules, text } from "./rule-context.ts";

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

/** GitHub milestone titles are unique within a repository. */
function checkMilestoneTitles(rules: Rules, milestones: Entry[]): void {
  const titles = new Map<string, Entry>();
  for (const milestone of milestones) {
    const title = text(milestone.raw.title);
    if (title === undefined || title.length === 0) continue;
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
}

export function checkTitles(rules: Rules, plan: PlanEntries): void {
  checkBlankTitles(rules, "goal", plan.goals);
  checkBlankTitles(rules, "objective", plan.objectives);
  checkBlankTitles(rules, "milestone", plan.milestones);
  checkBlankTitles(rules, "deliverable", plan.deliverables);
  checkMilestoneTitles(rules, plan.milestones);
}
