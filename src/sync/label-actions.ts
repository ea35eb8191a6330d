import type { SyncAction } from "../model/actions.ts";
import { deliverableLabel, labelKey } from "../model/names/labels.ts";
import type { Snapshot } from "../model/snapshot.ts";
import type { Plan } from "../plan/schema.ts";

/**
 * `create-label` for each deliverable label the repository lacks. GitHub label names are
 * case-insensitive ("Deliverable:X" exists when "deliverable:x" does), so the comparison is
 * too: creating it again would fail with 422.
 */
export function labelActions(params: { plan: Plan; snapshot: Snapshot }): SyncAction[] {
  const existing = new Set(params.snapshot.labels.map((l) => labelKey(l)));
  const actions: SyncAction[] = [];
  for (const d of params.plan.deliverables) {
    const label = deliverableLabel(d);
    if (existing.has(labelKey(label))) continue;
    existing.add(labelKey(label));
    actions.push({ type: "create-label", label, deliverable: d.id });
  }
  return actions;
}
