/**
 * The labels plan-align writes and reads on GitHub. A label's name is a protocol between runs
 * (and between plan-align and people), so each is defined once, with what it means.
 */

/** The label a deliverable's issues and pull requests carry: its `label`, or `deliverable:<id>`. */
export function deliverableLabel(deliverable: { id: string; label?: string | undefined }): string {
  return deliverable.label ?? `deliverable:${deliverable.id}`;
}

/**
 * GitHub label names are case-insensitive (a repository cannot hold both `Bug` and `bug`),
 * so labels are compared by this key.
 */
export function labelKey(label: string): string {
  return label.toLowerCase();
}

export interface LabelSpec {
  name: string;
  description: string;
  color: string;
}

/** On a milestone's review issue. */
export const REVIEW_LABEL: LabelSpec = {
  name: "plan-align:review",
  description: "A milestone review: an approver closes it as completed to sign off (plan-align)",
  color: "5319e7",
};

/** On a fired risk's issue (never closed by plan-align: closing it says the team handled it). */
export const RISK_LABEL: LabelSpec = {
  name: "plan-align:risk",
  description: "A fired risk of the plan and its contingency (plan-align)",
  color: "d93f0b",
};

/** On the plan dashboard issue. */
export const DASHBOARD_LABEL: LabelSpec = {
  name: "plan-align:dashboard",
  description: "The plan dashboard kept by plan-align",
  color: "0e8a16",
};

/** The colour of a deliverable label plan-align creates. */
export const DELIVERABLE_LABEL_COLOR = "1d76db";

/** The description of a deliverable label plan-align creates. */
export function deliverableLabelDescription(deliverableId: string): string {
  return `Issues and pull requests of deliverable "${deliverableId}" (plan-align)`;
}

/**
 * The labels of the issues plan-align keeps itself (milestone reviews, risks, the dashboard):
 * the loader reads every issue carrying one of them, whatever the plan names.
 */
export const OWN_ISSUE_LABELS: readonly string[] = [
  REVIEW_LABEL.name,
  RISK_LABEL.name,
  DASHBOARD_LABEL.name,
];
