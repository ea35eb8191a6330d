/** One sync action as a sentence for the log and the job summary. */
import type { SyncAction } from "../report/types.ts";

/** "close milestone "x" (#1)" — what the action does to what, without the why. */
export function actionVerb(action: SyncAction): string {
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
  }
}

/** The verb phrase plus why or how: due dates, changed fields, the reason. */
export function describeAction(action: SyncAction): string {
  const verb = actionVerb(action);
  switch (action.type) {
    case "create-milestone":
      return `${verb} due ${action.dueOn}`;
    case "update-milestone":
      return `${verb}: ${action.changes.join(", ")}`;
    case "close-milestone":
      return `${verb} (achieved)`;
    case "reopen-milestone":
      return `${verb}: ${action.reason}`;
    default:
      return verb;
  }
}
