/**
 * One row per validation rule and per warning of DESIGN §2: each row is a small plan with
 * one thing wrong, and the single finding it must produce, with its position and words.
 */
import { describe, expect, it } from "vitest";
import { type Expected, findings, MINIMAL, summary } from "./fixtures.ts";

/** MINIMAL with `from` replaced by `to` (the replaced text must exist). */
function edit(...pairs: [string, string][]): string {
  let text = MINIMAL;
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

interface Row {
  rule: string;
  text: string;
  expected: Expected[];
}

const errors: Row[] = [
  {
    rule: "unknown key, with a suggestion",
    text: edit(["    deliverables: [d1]", "    deliverables: [d1]\n    deliverable: [d1]"]),
    expected: [
      {
        severity: "error",
        line: 15,
        column: 5,
        code: "unknown-key",
        message: 'milestone "m1": unknown key "deliverable" — did you mean "deliverables"?',
      },
    ],
  },
  {
    rule: "unknown key without a close match lists the allowed keys",
    text: `${MINIMAL}owner: alice\n`,
    expected: [
      {
        severity: "error",
        line: 21,
        column: 1,
        code: "unknown-key",
        message:
          'the plan: unknown key "owner" — allowed keys: $schema, version, goals, milestones, deliverables, risks, settings',
      },
    ],
  },
  {
    rule: "missing title",
    text: edit(["    title: First\n", ""]),
    expected: [
      {
        severity: "error",
        line: 11,
        column: 5,
        code: "missing-key",
        message: 'milestone "m1": missing required key "title" — add it',
      },
    ],
  },
  {
    rule: "wrong type: a date that is not YYYY-MM-DD",
    text: edit(["due: 2026-02-15", "due: March 3"]),
    expected: [
      {
        severity: "error",
        line: 13,
        column: 10,
        code: "invalid-date",
        message: 'milestone "m1": "due" must be a date YYYY-MM-DD, got "March 3"',
      },
    ],
  },
  {
    rule: "wrong type: a list given as a single value",
    text: edit(["deliverables: [d1]", "deliverables: d1"]),
    expected: [
      {
        severity: "error",
        line: 14,
        column: 19,
        code: "wrong-type",
        message:
          'milestone "m1": "deliverables" must be a list, got "d1" — write it as a list: [d1]',
      },
    ],
  },
  {
    rule: "wrong type: a number where an id belongs",
    text: edit(["[d1]", "[d1, 2026]"]),
    expected: [
      {
        severity: "error",
        line: 14,
        column: 24,
        code: "wrong-type",
        message:
          'milestone "m1": entry 2 of "deliverables" must be text, got 2026 — put it in quotes: "2026"',
      },
    ],
  },
  {
    rule: "wrong enum value",
    text: `${MINIMAL}settings:\n  on_regression: ignore\n`,
    expected: [
      {
        severity: "error",
        line: 22,
        column: 18,
        code: "invalid-value",
        message: 'settings: "on_regression" must be one of "reopen", "report", got "ignore"',
      },
    ],
  },
  {
    rule: "version other than 1",
    text: edit(["version: 1", "version: 2"]),
    expected: [
      {
        severity: "error",
        line: 1,
        column: 10,
        code: "unsupported-version",
        message: 'unsupported plan version 2 — this plan-align reads version 1; set "version: 1"',
      },
    ],
  },
  {
    rule: "version written as text",
    text: edit(["version: 1", 'version: "1"']),
    expected: [
      {
        severity: "error",
        line: 1,
        column: 10,
        code: "unsupported-version",
        message:
          '"version" must be the number 1, got the text "1" — write it without quotes: version: 1',
      },
    ],
  },
  {
    rule: "missing version",
    text: edit(["version: 1\n", ""]),
    expected: [
      {
        severity: "error",
        line: 1,
        column: 1,
        code: "missing-key",
        message: 'the plan has no "version" — add "version: 1" as the first line',
      },
    ],
  },
  {
    rule: "id that is not a lowercase slug",
    text: edit(["id: m1", "id: Milestone One"], ["[d1]", "[d1]"]),
    expected: [
      {
        severity: "error",
        line: 11,
        column: 9,
        code: "invalid-id",
        message:
          'milestone "Milestone One": "id" must be a lowercase id (letters a-z, digits, ".", "_" and "-", starting with a letter or digit), got "Milestone One" — try "milestone-one"',
      },
    ],
  },
  {
    rule: "duplicate goal id",
    text: edit(["milestones:", "  - id: g\n    title: Again\nmilestones:"]),
    expected: [
      {
        severity: "error",
        line: 10,
        column: 9,
        code: "duplicate-id",
        message:
          'goal id "g" is used twice (first on line 3) — ids must be unique among goals; rename one',
      },
    ],
  },
  {
    rule: "duplicate objective id across goals",
    text: edit([
      "milestones:",
      "  - id: g2\n    title: Other\n    objectives:\n      - { id: o, title: Again, due: 2026-01-01, measure: { file: f, path: p, target: '> 1' } }\nmilestones:",
    ]),
    expected: [
      {
        severity: "error",
        line: 13,
        column: 15,
        code: "duplicate-id",
        message:
          'objective id "o" is used twice (first on line 6) — ids must be unique among objectives; rename one',
      },
    ],
  },
  {
    rule: "duplicate milestone id",
    text: edit([
      "deliverables:\n  - id: d1",
      "  - id: m1\n    title: Second\n    due: 2026-03-01\n    deliverables: [d2]\ndeliverables:\n  - id: d2\n    title: D2\n    objective: o\n    criteria: [{ checks: [ci] }]\n  - id: d1",
    ]),
    expected: [
      {
        severity: "error",
        line: 15,
        column: 9,
        code: "duplicate-id",
        message:
          'milestone id "m1" is used twice (first on line 11) — ids must be unique among milestones; rename one',
      },
    ],
  },
  {
    rule: "duplicate deliverable id",
    text: `${MINIMAL}  - id: d1\n    title: Again\n    objective: o\n    label: other\n    criteria: [{ checks: [ci] }]\n`,
    expected: [
      {
        severity: "error",
        line: 21,
        column: 9,
        code: "duplicate-id",
        message:
          'deliverable id "d1" is used twice (first on line 16) — ids must be unique among deliverables; rename one',
      },
    ],
  },
  {
    rule: "milestone titles unique",
    text: edit([
      "deliverables:\n  - id: d1",
      "  - id: m2\n    title: First\n    due: 2026-03-01\n    deliverables: [d2]\ndeliverables:\n  - id: d2\n    title: D2\n    objective: o\n    criteria: [{ checks: [ci] }]\n  - id: d1",
    ]),
    expected: [
      {
        severity: "error",
        line: 16,
        column: 12,
        code: "duplicate-milestone-title",
        message:
          'milestone "m2" has the same title "First" as milestone "m1" (line 12) — GitHub milestone titles must be unique; change one',
      },
    ],
  },
  {
    rule: "deliverable labels unique, after defaulting and ignoring case",
    text: edit(
      ["deliverables: [d1]", "deliverables: [d1, d2]"],
      [
        "      - issues: closed\n",
        "      - issues: closed\n  - id: d2\n    title: D2\n    objective: o\n    label: Deliverable:D1\n    criteria: [{ checks: [ci] }]\n",
      ],
    ),
    expected: [
      {
        severity: "error",
        line: 24,
        column: 12,
        code: "duplicate-label",
        message:
          'deliverable "d2" has the label "Deliverable:D1", already used by deliverable "d1" — each deliverable needs its own label; set a different "label"',
      },
    ],
  },
  {
    rule: "label longer than GitHub allows",
    text: edit([
      "    objective: o\n    criteria:",
      `    objective: o\n    label: ${"x".repeat(51)}\n    criteria:`,
    ]),
    expected: [
      {
        severity: "error",
        line: 19,
        column: 12,
        code: "out-of-range",
        message:
          'deliverable "d1": "label" must be at most 50 characters (GitHub\'s limit), got 51 — shorten it',
      },
    ],
  },
  {
    rule: "default label longer than GitHub allows",
    text: edit(["[d1]", `[${"d".repeat(40)}]`], ["  - id: d1", `  - id: ${"d".repeat(40)}`]),
    expected: [
      {
        severity: "error",
        line: 16,
        column: 9,
        code: "label-too-long",
        message: `deliverable "${"d".repeat(40)}": its default label "deliverable:${"d".repeat(40)}" is longer than GitHub's 50 characters — set a shorter "label"`,
      },
    ],
  },
  {
    rule: "unknown deliverable, with a suggestion",
    text: edit(["[d1]", "[d1, dl]"]),
    expected: [
      {
        severity: "error",
        line: 14,
        column: 24,
        code: "unknown-deliverable",
        message: 'milestone "m1" lists unknown deliverable "dl" — did you mean "d1"?',
      },
    ],
  },
  {
    rule: "unknown deliverable, no close match",
    text: edit(["[d1]", "[d1, reporting]"]),
    expected: [
      {
        severity: "error",
        line: 14,
        column: 24,
        code: "unknown-deliverable",
        message:
          'milestone "m1" lists unknown deliverable "reporting" — define it under "deliverables" or correct the id',
      },
    ],
  },
  {
    rule: "unknown milestone in requires",
    text: edit(["    deliverables: [d1]", "    deliverables: [d1]\n    requires: [m0]"]),
    expected: [
      {
        severity: "error",
        line: 15,
        column: 16,
        code: "unknown-milestone",
        message: 'milestone "m1" requires unknown milestone "m0" — did you mean "m1"?',
      },
    ],
  },
  {
    rule: "unknown objective of a deliverable",
    text: edit(["    objective: o\n", "    objective: speed\n"]),
    expected: [
      {
        severity: "error",
        line: 18,
        column: 16,
        code: "unknown-objective",
        message:
          'deliverable "d1" serves unknown objective "speed" — it must be the id of an objective under a goal',
      },
    ],
  },
  {
    rule: "unknown objective in an objective criterion",
    text: edit(["      - issues: closed", "      - issues: closed\n      - objective: p"]),
    expected: [
      {
        severity: "error",
        line: 21,
        column: 20,
        code: "unknown-objective",
        message: 'deliverable "d1" criterion 2 names unknown objective "p" — did you mean "o"?',
      },
    ],
  },
  {
    rule: "milestone with an empty deliverables list",
    text: edit(["deliverables: [d1]", "deliverables: []"]),
    expected: [
      {
        severity: "error",
        line: 14,
        column: 19,
        code: "milestone-without-deliverables",
        message:
          'milestone "m1" has no deliverables — nothing can prove it is achieved; list at least one deliverable id',
      },
      {
        severity: "warning",
        line: 16,
        column: 9,
        code: "deliverable-without-milestone",
        message:
          'deliverable "d1" is in no milestone, so it has no date — list it under a milestone\'s "deliverables"',
      },
    ],
  },
  {
    rule: "milestone without a deliverables key",
    text: edit(["    deliverables: [d1]\n", ""]),
    expected: [
      {
        severity: "error",
        line: 11,
        column: 5,
        code: "milestone-without-deliverables",
        message:
          'milestone "m1" has no "deliverables" — a milestone needs at least one deliverable to prove it; add deliverables: [<deliverable id>]',
      },
      {
        severity: "warning",
        line: 15,
        column: 9,
        code: "deliverable-without-milestone",
        message:
          'deliverable "d1" is in no milestone, so it has no date — list it under a milestone\'s "deliverables"',
      },
    ],
  },
  {
    rule: "deliverable with an empty criteria list",
    text: edit(["    criteria:\n      - issues: closed\n", "    criteria: []\n"]),
    expected: [
      {
        severity: "error",
        line: 19,
        column: 15,
        code: "deliverable-without-criteria",
        message:
          'deliverable "d1" has no criteria — say what proves it is done, e.g. "- issues: closed"',
      },
    ],
  },
  {
    rule: "deliverable without a criteria key",
    text: edit(["    criteria:\n      - issues: closed\n", ""]),
    expected: [
      {
        severity: "error",
        line: 16,
        column: 5,
        code: "deliverable-without-criteria",
        message:
          'deliverable "d1" has no "criteria" — say what proves it is done, e.g. criteria: [{ issues: closed }]',
      },
    ],
  },
  {
    rule: "deliverable listed under two milestones",
    text: edit([
      "deliverables:\n  - id: d1",
      "  - id: m2\n    title: Second\n    due: 2026-03-01\n    deliverables: [d1]\ndeliverables:\n  - id: d1",
    ]),
    expected: [
      {
        severity: "error",
        line: 18,
        column: 20,
        code: "deliverable-in-two-milestones",
        message:
          'deliverable "d1" is listed under milestone "m1" and milestone "m2" — a deliverable proves one milestone; remove it from one (use "requires" to order the milestones)',
      },
    ],
  },
  {
    rule: "cycle in requires",
    text: edit(
      ["    deliverables: [d1]", "    deliverables: [d1]\n    requires: [m2]"],
      [
        "deliverables:\n  - id: d1",
        "  - id: m2\n    title: Second\n    due: 2026-02-15\n    deliverables: [d2]\n    requires: [m1]\ndeliverables:\n  - id: d2\n    title: D2\n    objective: o\n    criteria: [{ checks: [ci] }]\n  - id: d1",
      ],
    ),
    expected: [
      {
        severity: "error",
        line: 20,
        column: 16,
        code: "requires-cycle",
        message:
          'milestones "m1" → "m2" → "m1" require each other in a cycle, so none can be achieved — remove one of these "requires" entries',
      },
    ],
  },
  {
    rule: "milestone requiring itself",
    text: edit(["    deliverables: [d1]", "    deliverables: [d1]\n    requires: [m1]"]),
    expected: [
      {
        severity: "error",
        line: 15,
        column: 16,
        code: "requires-cycle",
        message: 'milestone "m1" requires itself — remove "m1" from its "requires"',
      },
    ],
  },
  {
    rule: "criterion with no kind",
    text: edit(["      - issues: closed", "      - name: Reviewed"]),
    expected: [
      {
        severity: "error",
        line: 20,
        column: 9,
        code: "criterion-no-kind",
        message:
          'deliverable "d1" criterion 1 has no kind — give it exactly one of issues, file, checks, pull_requests, objective',
      },
    ],
  },
  {
    rule: "criterion with a misspelt kind",
    text: edit(["      - issues: closed", "      - pull_request: merged"]),
    expected: [
      {
        severity: "error",
        line: 20,
        column: 9,
        code: "criterion-no-kind",
        message:
          'deliverable "d1" criterion 1 has no kind: "pull_request" is not a kind — did you mean "pull_requests"?',
      },
    ],
  },
  {
    rule: "criterion that is not a map",
    text: edit(["      - issues: closed", "      - closed"]),
    expected: [
      {
        severity: "error",
        line: 20,
        column: 9,
        code: "criterion-no-kind",
        message:
          'deliverable "d1" criterion 1 must be a map with one kind key (issues, file, checks, pull_requests, objective), got "closed" — e.g. "- issues: closed"',
      },
    ],
  },
  {
    rule: "criterion with several kinds",
    text: edit(["      - issues: closed", "      - issues: closed\n        file: README.md"]),
    expected: [
      {
        severity: "error",
        line: 21,
        column: 9,
        code: "criterion-several-kinds",
        message:
          'deliverable "d1" criterion 1 has several kinds (issues, file) — a criterion has exactly one; split it into one criterion per kind',
      },
    ],
  },
  {
    rule: "criterion with a modifier its kind does not take",
    text: edit(["      - issues: closed", "      - file: README.md\n        min: 2"]),
    expected: [
      {
        severity: "error",
        line: 21,
        column: 9,
        code: "criterion-modifier",
        message:
          'deliverable "d1" criterion 1: "min" does not apply to a "file" criterion — only issues and pull_requests criteria take it; remove it or move it to such a criterion',
      },
    ],
  },
  {
    rule: "criterion with a modifier its kind does not take, kind starting with a vowel",
    text: edit(["      - issues: closed", "      - issues: closed\n        approvals: 1"]),
    expected: [
      {
        severity: "error",
        line: 21,
        column: 9,
        code: "criterion-modifier",
        message:
          'deliverable "d1" criterion 1: "approvals" does not apply to an "issues" criterion — only pull_requests criteria take it; remove it or move it to such a criterion',
      },
    ],
  },
  {
    rule: "milestone title of only spaces",
    text: edit(["    title: First", '    title: "   "']),
    expected: [
      {
        severity: "error",
        line: 12,
        column: 12,
        code: "blank-title",
        message: 'milestone "m1": "title" is blank — write a title people will recognize',
      },
    ],
  },
  {
    rule: "milestone with review whose title is too long for its review issue",
    text: edit(
      ["    title: First", `    title: ${"Q".repeat(239)}`],
      ["    deliverables: [d1]", "    deliverables: [d1]\n    review:\n      approvers: [alice]"],
    ),
    expected: [
      {
        severity: "error",
        line: 12,
        column: 12,
        code: "review-title-too-long",
        message:
          'milestone "m1": its title is 239 characters, too long for its review issue ("Milestone review: <title>" must fit GitHub\'s 256) — shorten the title to at most 238 characters',
      },
    ],
  },
  {
    rule: "goal, objective and deliverable titles of only spaces",
    text: edit(
      ["    title: Goal", '    title: " "'],
      ["        title: Objective", '        title: "\\t"'],
      ["    title: D1", "    title: '  '"],
    ),
    expected: [
      {
        severity: "error",
        line: 4,
        column: 12,
        code: "blank-title",
        message: 'goal "g": "title" is blank — write a title people will recognize',
      },
      {
        severity: "error",
        line: 7,
        column: 16,
        code: "blank-title",
        message: 'objective "o": "title" is blank — write a title people will recognize',
      },
      {
        severity: "error",
        line: 17,
        column: 12,
        code: "blank-title",
        message: 'deliverable "d1": "title" is blank — write a title people will recognize',
      },
    ],
  },
  {
    rule: "label of only spaces",
    text: edit(["    objective: o\n", '    objective: o\n    label: "  "\n']),
    expected: [
      {
        severity: "error",
        line: 19,
        column: 12,
        code: "blank-label",
        message:
          'deliverable "d1": "label" is blank — GitHub needs a label name; set one, or remove "label" to use the default deliverable:d1',
      },
    ],
  },
  {
    rule: "file criterion with an empty heading or text (it would prove nothing)",
    text: edit([
      "      - issues: closed",
      '      - file: README.md\n        headings: [Intro, ""]\n        contains: [""]',
    ]),
    expected: [
      {
        severity: "error",
        line: 21,
        column: 27,
        code: "out-of-range",
        message: 'deliverable "d1" criterion 1: entry 2 of "headings" must not be empty',
      },
      {
        severity: "error",
        line: 22,
        column: 20,
        code: "out-of-range",
        message: 'deliverable "d1" criterion 1: entry 1 of "contains" must not be empty',
      },
    ],
  },
  {
    rule: "file criterion naming a folder",
    text: edit(["      - issues: closed", "      - file: docs/"]),
    expected: [
      {
        severity: "error",
        line: 20,
        column: 15,
        code: "invalid-repo-path",
        message:
          'deliverable "d1" criterion 1: "file" "docs/" names a folder, not a file — name a file in it, e.g. docs/README.md',
      },
    ],
  },
  {
    rule: "file criterion climbing out of the repository",
    text: edit(["      - issues: closed", "      - file: ./docs/../../secret.md"]),
    expected: [
      {
        severity: "error",
        line: 20,
        column: 15,
        code: "invalid-repo-path",
        message:
          'deliverable "d1" criterion 1: "file" "./docs/../../secret.md" climbs out with ".." — write the path from the repository root, e.g. docs/README.md',
      },
    ],
  },
  {
    rule: "file criterion with backslashes",
    text: edit(["      - issues: closed", "      - file: docs\\README.md"]),
    expected: [
      {
        severity: "error",
        line: 20,
        column: 15,
        code: "invalid-repo-path",
        message:
          'deliverable "d1" criterion 1: "file" "docs\\README.md" separates folders with "\\" — GitHub paths use "/": write "docs/README.md"',
      },
    ],
  },
  {
    rule: "measure file naming no file",
    text: edit(["file: m.json", "file: ./"]),
    expected: [
      {
        severity: "error",
        line: 9,
        column: 26,
        code: "invalid-repo-path",
        message:
          'objective "o" measure: "file" "./" names no file — write the file\'s path from the repository root, e.g. docs/README.md',
      },
    ],
  },
  {
    rule: "criterion with a wrong kind value",
    text: edit(["      - issues: closed", "      - pull_requests: open"]),
    expected: [
      {
        severity: "error",
        line: 20,
        column: 24,
        code: "invalid-value",
        message: 'deliverable "d1" criterion 1: "pull_requests" must be "merged", got "open"',
      },
    ],
  },
  {
    rule: "criterion with a wrong modifier value",
    text: edit(["      - issues: closed", "      - issues: closed\n        min: two"]),
    expected: [
      {
        severity: "error",
        line: 21,
        column: 14,
        code: "wrong-type",
        message: 'deliverable "d1" criterion 1: "min" must be a whole number, got "two"',
      },
    ],
  },
  {
    rule: "objective criterion naming an objective without measure",
    text: edit(
      ['        due: 2026-06-30\n        measure: { file: m.json, path: a, target: "<= 4" }\n', ""],
      ["      - issues: closed", "      - objective: o"],
    ),
    expected: [
      {
        severity: "warning",
        line: 6,
        column: 13,
        code: "objective-not-smart",
        message:
          'objective "o" has no measure and no due date, so it is not SMART — add a measure (file, path, target) and a due date',
      },
      {
        severity: "error",
        line: 18,
        column: 20,
        code: "objective-without-measure",
        message:
          'deliverable "d1" criterion 1 needs objective "o" to have a measure, and it has none — add "measure" (file, path, target) to the objective, or remove this criterion',
      },
    ],
  },
  {
    rule: "malformed target",
    text: edit(['target: "<= 4"', 'target: "at most 4"']),
    expected: [
      {
        severity: "error",
        line: 9,
        column: 51,
        code: "invalid-target",
        message:
          'objective "o": "measure.target" must be a comparison and a number, such as "<= 4" (one of <, <=, >, >=, ==), got "at most 4"',
      },
    ],
  },
  {
    rule: "target written as a bare number",
    text: edit(['target: "<= 4"', "target: 4"]),
    expected: [
      {
        severity: "error",
        line: 9,
        column: 51,
        code: "invalid-target",
        message:
          'objective "o": "measure.target" must be a comparison and a number, such as "<= 4" (one of <, <=, >, >=, ==), got 4 — write the comparison in quotes, e.g. "== 4"',
      },
    ],
  },
  {
    rule: "a date that is not a day of the calendar",
    text: edit(["due: 2026-02-15", "due: 2026-02-30"]),
    expected: [
      {
        severity: "error",
        line: 13,
        column: 10,
        code: "invalid-date",
        message:
          'milestone "m1": "due" 2026-02-30 is not a day of the calendar — use a real date YYYY-MM-DD',
      },
    ],
  },
  {
    rule: "an objective date that is not a day of the calendar",
    text: edit(["due: 2026-06-30", "due: 2026-06-31"]),
    expected: [
      {
        severity: "error",
        line: 8,
        column: 14,
        code: "invalid-date",
        message:
          'objective "o": "due" 2026-06-31 is not a day of the calendar — use a real date YYYY-MM-DD',
      },
    ],
  },
];

const warnings: Row[] = [
  {
    rule: "milestone without a due date",
    text: edit(["    due: 2026-02-15\n", ""]),
    expected: [
      {
        severity: "warning",
        line: 11,
        column: 9,
        code: "milestone-without-due",
        message:
          'milestone "m1" has no due date, so it can never be at risk or overdue — add "due: YYYY-MM-DD"',
      },
    ],
  },
  {
    rule: "deliverable in no milestone",
    text: `${MINIMAL}  - id: d2\n    title: D2\n    objective: o\n    criteria: [{ checks: [ci] }]\n`,
    expected: [
      {
        severity: "warning",
        line: 21,
        column: 9,
        code: "deliverable-without-milestone",
        message:
          'deliverable "d2" is in no milestone, so it has no date — list it under a milestone\'s "deliverables"',
      },
    ],
  },
  {
    rule: "deliverable not traced to an objective",
    text: edit(["    objective: o\n", ""]),
    expected: [
      {
        severity: "warning",
        line: 16,
        column: 9,
        code: "deliverable-without-objective",
        message:
          'deliverable "d1" is not traced to an objective — add "objective: <objective id>" to say what it serves',
      },
    ],
  },
  {
    rule: "objective without measure",
    text: edit(['        measure: { file: m.json, path: a, target: "<= 4" }\n', ""]),
    expected: [
      {
        severity: "warning",
        line: 6,
        column: 13,
        code: "objective-not-smart",
        message:
          'objective "o" has no measure, so it is not SMART — add a measure (file, path, target)',
      },
    ],
  },
  {
    rule: "objective without due",
    text: edit(["        due: 2026-06-30\n", ""]),
    expected: [
      {
        severity: "warning",
        line: 6,
        column: 13,
        code: "objective-not-smart",
        message: 'objective "o" has no due date, so it is not SMART — add a due date',
      },
    ],
  },
  {
    rule: "milestone requiring a milestone due after itself",
    text: edit(
      ["    deliverables: [d1]", "    deliverables: [d1]\n    requires: [m2]"],
      [
        "deliverables:\n  - id: d1",
        "  - id: m2\n    title: Second\n    due: 2026-05-01\n    deliverables: [d2]\ndeliverables:\n  - id: d2\n    title: D2\n    objective: o\n    criteria: [{ checks: [ci] }]\n  - id: d1",
      ],
    ),
    expected: [
      {
        severity: "warning",
        line: 15,
        column: 16,
        code: "requires-later-milestone",
        message:
          'milestone "m1" (due 2026-02-15) requires milestone "m2", which is due later (2026-05-01) — it cannot be achieved on time; move one of the dates',
      },
    ],
  },
  {
    rule: "deliverable listed twice in one milestone",
    text: edit(["[d1]", "[d1, d1]"]),
    expected: [
      {
        severity: "warning",
        line: 14,
        column: 24,
        code: "duplicate-reference",
        message: 'milestone "m1" lists deliverable "d1" twice — remove one',
      },
    ],
  },
];

describe("plan validation rules (DESIGN §2)", () => {
  it("the minimal fixture has no findings at all", () => {
    expect(findings(MINIMAL)).toEqual([]);
  });

  describe("errors", () => {
    it.each(errors)("$rule", ({ text, expected }) => {
      expect(summary(findings(text))).toEqual(expected);
    });
  });

  describe("warnings", () => {
    it.each(warnings)("$rule", ({ text, expected }) => {
      const result = findings(text);
      expect(summary(result)).toEqual(expected);
    });
  });

  it("warnings alone leave the plan valid; any error makes it invalid with no plan", async () => {
    const { loadPlan } = await import("../../src/plan/load.ts");
    for (const row of warnings) {
      const result = loadPlan({ text: row.text, path: "p.yml" });
      expect(result.valid, row.rule).toBe(true);
      expect(result.plan, row.rule).not.toBeNull();
    }
    for (const row of errors) {
      const result = loadPlan({ text: row.text, path: "p.yml" });
      expect(result.valid, row.rule).toBe(false);
      expect(result.plan, row.rule).toBeNull();
    }
  });

  it("reports schema errors and reference errors of one plan in a single run, sorted", () => {
    const text = edit(["due: 2026-02-15", "due: soon"], ["[d1]", "[d1, d9]"]);
    const result = summary(findings(text));
    expect(result.map((f) => [f.line, f.code])).toEqual([
      [13, "invalid-date"],
      [14, "unknown-deliverable"],
    ]);
  });
});
