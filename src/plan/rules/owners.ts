/**
 * `owner:` on deliverables and risks: the one accountable GitHub login. Only its form can be
 * checked offline; a login that is not a possible GitHub account is an error, because
 * reports would mention nobody and a risk issue could not be assigned.
 */
import type { Finding } from "../../model/findings.ts";
import { isPossibleLogin } from "../../model/names/login.ts";
import { isRecord } from "../describe.ts";
import { findingAt, type PlanContext } from "../plan-context.ts";

function fixOf(owner: string): string {
  const bare = owner.trim().replace(/^@/, "");
  if (bare !== owner && isPossibleLogin(bare)) return `write it without the "@" or spaces: ${bare}`;
  return "use a GitHub login (letters, digits and hyphens, at most 39 characters, not starting with a hyphen), e.g. owner: carol";
}

/** Every `owner` of a deliverable or risk that cannot be a GitHub login. */
export function ownerFindings(params: { ctx: PlanContext }): Finding[] {
  const { ctx } = params;
  const data = isRecord(ctx.data) ? ctx.data : {};
  const findings: Finding[] = [];
  for (const [key, kind] of [
    ["deliverables", "deliverable"],
    ["risks", "risk"],
  ] as const) {
    const list = data[key];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      if (!isRecord(entry)) return;
      const owner = entry.owner;
      if (typeof owner !== "string" || isPossibleLogin(owner)) return;
      const who = typeof entry.id === "string" ? `${kind} "${entry.id}"` : `${kind} ${i + 1}`;
      findings.push(
        findingAt({
          ctx,
          path: [key, i, "owner"],
          code: "invalid-login",
          message: `${who}: owner ${JSON.stringify(owner)} is not a possible GitHub login — ${fixOf(owner)}`,
        }),
      );
    });
  }
  return findings;
}
