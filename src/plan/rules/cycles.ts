/** No cycle in milestones' `requires`: none of its milestones could ever be achieved. */
import type { PlanEntries } from "./plan-entries.ts";
import { type Reference, type Rules, references } from "./rule-context.ts";

/**
 * Cycles reported per validation run. Each names every milestone on it, and a plan where 200
 * milestones require one another holds tens of thousands; a person fixes the first few and
 * validates again, and the others then show.
 */
const MAX_CYCLES = 20;

/** Reports each cycle in `requires` once (up to MAX_CYCLES), at the entry that closes it. */
export function checkCycles(rules: Rules, plan: PlanEntries): void {
  const { milestones, milestoneById } = plan;
  const edges = new Map<string, Reference[]>();
  for (const [id, milestone] of milestoneById) {
    edges.set(
      id,
      references(milestone, "requires").filter((r) => milestoneById.has(r.value)),
    );
  }
  const state = new Map<string, "active" | "done">();
  const reported = new Set<string>();
  for (const start of milestones) {
    if (start.id === undefined || state.has(start.id) || !milestoneById.has(start.id)) continue;
    // Iterative depth-first search: a long chain of milestones must not overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    /** Where each active milestone is on the stack: a dense plan has a back edge per entry. */
    const depthOf = new Map<string, number>([[start.id, 0]]);
    state.set(start.id, "active");
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const out = edges.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, "done");
        depthOf.delete(top.id);
        stack.pop();
        continue;
      }
      const ref = out[top.next++];
      const seen = state.get(ref.value);
      if (seen === undefined) {
        state.set(ref.value, "active");
        depthOf.set(ref.value, stack.length);
        stack.push({ id: ref.value, next: 0 });
      } else if (seen === "active") {
        const from = depthOf.get(ref.value) ?? 0;
        const cycle = [...stack.slice(from).map((s) => s.id), ref.value];
        const key = [...new Set(cycle)].sort().join("\n");
        if (reported.has(key)) continue;
        reported.add(key);
        if (reported.size > MAX_CYCLES) return;
        const message =
          cycle.length === 2
            ? `milestone "${top.id}" requires itself — remove "${ref.value}" from its "requires"`
            : `milestones ${cycle.map((c) => `"${c}"`).join(" → ")} require each other in a cycle, so none can be achieved — remove one of these "requires" entries`;
        rules.error(ref.path, "requires-cycle", message);
      }
    }
  }
}
