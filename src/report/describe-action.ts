import { joinAnd } from "./format.ts";
import type { SyncAction } from "./types.ts";

/**
 * One plain sentence per planned action, shared by every renderer. `title` maps a plan
 * milestone id to its title; `strong` marks up a name (bold in Markdown, as is in text).
 */
export function describeAction(params: {
  action: SyncAction;
  title: (milestoneId: string) => string;
  strong?: (text: string) => string;
  code?: (text: string) => string;
}): string {
  const { action: a } = params;
  const strong = params.strong ?? ((t: string) => t);
  const code = params.code ?? ((t: string) => t);
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
      return `Reopen milestone${ref(a.number)} ${name(a.milestone)}: ${a.reason}`;
    case "open-review":
      return `Open the review issue “${a.title}” for ${joinAnd(a.approvers.map((l) => `@${l}`))}`;
  }
}

function changeName(field: string): string {
  if (field === "dueOn") return "due date";
  return field;
}
