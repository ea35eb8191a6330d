/**
 * `create-label`, and the one way plan-align creates any label (the review and dashboard
 * labels too): a label that exists is adopted, its colour and description left alone. No
 * label is ever removed.
 */
import type { ActionOf } from "../../model/actions.ts";
import { LABEL_DESCRIPTION_CHARS } from "../../model/github-limits.ts";
import { DELIVERABLE_LABEL_COLOR, deliverableLabelDescription } from "../../model/names/labels.ts";
import { alreadyExists } from "../errors.ts";
import type { GitHubClient, RepoRef } from "../types.ts";
import type { Outcome, RunContext } from "./context.ts";

export function createDeliverableLabel(
  ctx: RunContext,
  action: ActionOf<"create-label">,
): Promise<Outcome> {
  return createLabel({
    ...ctx,
    name: action.label,
    description: deliverableLabelDescription(action.deliverable),
  });
}

/** Creates a label, or adopts it when it exists. */
export async function createLabel(
  params: RepoRef & { client: GitHubClient; name: string; description: string; color?: string },
): Promise<Outcome> {
  try {
    await params.client.rest.issues.createLabel({
      owner: params.owner,
      repo: params.repo,
      name: params.name,
      color: params.color ?? DELIVERABLE_LABEL_COLOR,
      description: params.description.slice(0, LABEL_DESCRIPTION_CHARS),
    });
    return { status: "applied", detail: `created label "${params.name}"` };
  } catch (error) {
    if (!alreadyExists(error)) throw error;
    return { status: "adopted", detail: `label "${params.name}" already existed` };
  }
}
