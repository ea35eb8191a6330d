import type { SnapshotIndex } from "../criteria/snapshot-index.ts";
import type { SyncAction } from "../model/actions.ts";
import { deliverableLabel, labelKey } from "../model/names/labels.ts";
import type { Snapshot } from "../model/snapshot.ts";
import type { Plan } from "../plan/schema.ts";

/**
 * `create-label` for each deliverable label the repository lacks. GitHub label names are
 * case-insensitive ("Deliverable:X" exists when "deliverable:x" does), so the comparison is
 * too: creating it again would fail with 422.
 */
export function labelActions(params: {
  plan: Plan;
  snapshot: Snapshot;
  /** The snapshot's index for this plan: its label slots. */
  index: SnapshotIndex;
}): SyncAction[] {
  const { index } = params;
  // Which of the plan's labels exist, by slot.
  const exists = new Array<boolean>(index.slots).fill(false);
  for (const label of params.snapshot.labels) {
    const slot = index.slotOf.get(label) ?? index.slotOf.get(labelKey(label));
    if (slot !== undefined) exists[slot] = true;
  }
  const actions: SyncAction[] = [];
  params.plan.deliverables.forEach((d, position) => {
    const slot = index.slotAt[position] as number;
    if (exists[slot]) return;
    exists[slot] = true;
    actions.push({ type: "create-label", label: deliverableLabel(d), deliverable: d.id });
  });
  return actions;
}
