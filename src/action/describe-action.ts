/** One sync action as a sentence for the log and the job summary. */
import type { SyncAction } from "../report/types.ts";

export function describeAction(action: SyncAction): string {
  const ms = (id: string, n: number | null) => `milestone "${id}"${n === null ? "" : ` (#${n})`}`;
  switch (action.type) {
    case "create-milestone":
      return `create milestone "${action.title}" due ${action.dueOn}`;
    case "update-milestone":
      return `update ${ms(action.milestone, action.number)}: ${action.changes.join(", ")}`;
    case "create-label":
      return `create label "${action.label}"`;
    case "set-issue-milestone":
      return `put issue #${action.issue} in ${ms(action.milestone, action.number)}`;
    case "close-milestone":
      return `close ${ms(action.milestone, action.number)} (achieved)`;
    case "reopen-milestone":
      return `reopen ${ms(action.milestone, action.number)}: ${action.reason}`;
    case "open-review":
      return `open the review issue "${action.title}" for ${ms(action.milestone, action.number)}`;
  }
}

/** The verb phrase for "token cannot …" messages. */
export function actionVerb(action: SyncAction): string {
  return describeAction(action).replace(/:.*$/, "");
}
