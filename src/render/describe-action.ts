/**
 * How a sync action reads, in two registers: `describeAction` is the sentence the rendered
 * reports show (milestone titles, Markdown), `actionLine` the plain line of logs, the job
 * summary and the CLI (plan ids and numbers).
 */

import type { SyncAction } from "../model/actions.ts";
import { visible } from "../model/visible-text.ts";
import { joinAnd } from "../model/words.ts";

/**
 * One plain sentence per planned action, shared by every renderer. `title` maps a plan
 * milestone id to its title; `strong` marks up a name (bold in Markdown, as is in text),
 * `text` any other text from the plan or GitHub (escaped in Markdown).
 */
export function describeAction(params: {
  action: SyncAction;
  title: (milestoneId: string) => string;
  strong?: (text: string) => string;
  code?: (text: string) => string;
  text?: (text: string) => string;
}): string {
  const { action: a } = params;
  const strong = params.strong ?? ((t: string) => t);
  const code = params.code ?? ((t: string) => t);
  const text = params.text ?? ((t: string) => t);
  const name = (id: string) => strong(params.title(id));
  const ref = (n: number | null) => (n === null ? "" : ` #${n}`);
  switch (a.type) {
    case "create-milestone":
      return a.state === "closed"
        ? `Create milestone ${strong(a.title)} (due ${a.dueOn}) closed, as it is already achieved`
        : `Create milestone ${strong(a.title)} (due ${a.dueOn})`;
    case "update-milestone":
      return `Update milestone${ref(a.number)} ${strong(a.title)}: ${joinAnd(a.changes.map(changeName))}`;
    case "create-label":
      return `Create label ${code(a.label)}`;
    case "set-issue-milestone":
      return a.from === null
        ? `Put issue #${a.issue} in milestone ${name(a.milestone)}`
        : `Move issue #${a.issue} from milestone #${a.from} to ${name(a.milestone)}`;
    case "close-milestone":
      return `Close milestone${ref(a.number)} ${name(a.milestone)}: achieved`;
    case "reopen-milestone":
      return `Reopen milestone${ref(a.number)} ${name(a.milestone)}: ${text(a.reason)}`;
    case "open-review":
      return `Open the review issue “${text(a.title)}” for ${joinAnd(a.approvers.map((l) => `@${l}`))}`;
    case "open-risk":
      return `Open the risk issue “${text(a.title)}” in milestone ${name(a.milestone)}${a.owner ? `, assigned to @${a.owner}` : ""}`;
  }
}

function changeName(field: string): string {
  if (field === "dueOn") return "due date";
  return field;
}

/** "close milestone "x" (#1)" — what the action does to what, without the why; one line. */
export function actionVerb(action: SyncAction): string {
  return visible(verbOf(action));
}

function verbOf(action: SyncAction): string {
  const ms = (id: string, n: number | null) => `milestone "${id}"${n === null ? "" : ` (#${n})`}`;
  switch (action.type) {
    case "create-milestone":
      return `create milestone "${action.title}"`;
    case "update-milestone":
      return `update ${ms(action.milestone, action.number)}`;
    case "create-label":
      return `create label "${action.label}"`;
    case "set-issue-milestone":
      return `put issue #${action.issue} in ${ms(action.milestone, action.number)}`;
    case "close-milestone":
      return `close ${ms(action.milestone, action.number)}`;
    case "reopen-milestone":
      return `reopen ${ms(action.milestone, action.number)}`;
    case "open-review":
      return `open the review issue "${action.title}" for ${ms(action.milestone, action.number)}`;
    case "open-risk":
      return `open the risk issue "${action.title}" in ${ms(action.milestone, action.number)}`;
  }
}

/**
 * The plain line for logs, the job summary and the CLI — plan ids, not titles, so a reader
 * can find the plan entry: the verb phrase plus why or how (due dates, changed fields, the reason).
 */
export function actionLine(action: SyncAction): string {
  const verb = verbOf(action);
  switch (action.type) {
    case "create-milestone":
      return visible(`${verb} due ${action.dueOn}`);
    case "update-milestone":
      return visible(`${verb}: ${action.changes.join(", ")}`);
    case "close-milestone":
      return visible(`${verb} (achieved)`);
    case "reopen-milestone":
      return visible(`${verb}: ${action.reason}`);
    default:
      return visible(verb);
  }
}
