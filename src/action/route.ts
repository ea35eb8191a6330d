/** Which job the step does for an event: the `mode` input decides, `auto` looks at the event. */
import type { ActionEvent } from "./event.ts";
import { InputError, type Mode } from "./inputs.ts";

export const CHECK_EVENTS = ["pull_request", "pull_request_target", "merge_group"];
export const MILESTONE_EVENTS = ["push", "schedule", "workflow_dispatch"];

export type Route =
  | { kind: "check" }
  | { kind: "milestones" }
  /** Nothing to do for this event (a push to another branch or a tag); the reason is logged. */
  | { kind: "skip"; reason: string };

export function chooseRoute(params: { mode: Mode; event: ActionEvent }): Route {
  const { mode, event } = params;
  // A merge queue asks for checks with `checks_requested`; `destroyed` needs none.
  if (event.name === "merge_group" && mode !== "milestones") {
    const action = event.payload.action ?? "";
    return action === "checks_requested"
      ? { kind: "check" }
      : { kind: "skip", reason: `merge_group ${action || "without an action"} needs no check` };
  }
  if (mode === "check") {
    if (!event.payload.pull_request) {
      throw new InputError(
        `mode check needs a pull request, but the event "${event.name}" has none: run it on pull_request or merge_group, or use mode milestones`,
      );
    }
    return { kind: "check" };
  }
  if (mode === "milestones") return { kind: "milestones" };

  if (CHECK_EVENTS.includes(event.name) && event.payload.pull_request) return { kind: "check" };
  if (event.name === "push") {
    const defaultBranch = event.payload.repository?.default_branch;
    const ref = event.payload.ref ?? "";
    // Milestones follow the default branch only: a feature branch's plan is not the plan yet.
    if (defaultBranch && ref !== `refs/heads/${defaultBranch}`) {
      return {
        kind: "skip",
        reason: `push to ${ref || "an unknown ref"} is not to the default branch ${defaultBranch}; milestone mode runs on pushes to ${defaultBranch}`,
      };
    }
    return { kind: "milestones" };
  }
  if (MILESTONE_EVENTS.includes(event.name)) return { kind: "milestones" };
  throw new InputError(
    `mode auto cannot choose for the event "${event.name}": run on ${[...CHECK_EVENTS, ...MILESTONE_EVENTS].join(", ")}, or set mode to check or milestones`,
  );
}
