/**
 * `settings.timezone`: the IANA zone whose calendar days are counted. A name the runtime does
 * not know is an error, because every due, overdue and stale day would be counted wrongly.
 */
import type { Finding } from "../../model/findings.ts";
import { isTimeZone, knownTimeZones } from "../../model/time-zone.ts";
import { isRecord } from "../describe.ts";
import { didYouMean } from "../did-you-mean.ts";
import { findingAt, type PlanContext } from "../plan-context.ts";

export function timeZoneFindings(params: { ctx: PlanContext }): Finding[] {
  const { ctx } = params;
  const settings = isRecord(ctx.data) ? ctx.data.settings : undefined;
  const zone = isRecord(settings) ? settings.timezone : undefined;
  if (typeof zone !== "string" || isTimeZone(zone)) return [];
  const shown = JSON.stringify(zone.length > 80 ? `${zone.slice(0, 80)}…` : zone);
  const close = didYouMean({ input: zone, candidates: knownTimeZones() });
  const fix = close
    ? `did you mean "${close}"?`
    : "use an IANA zone name such as Europe/London, America/Los_Angeles or UTC";
  return [
    findingAt({
      ctx,
      path: ["settings", "timezone"],
      code: "invalid-timezone",
      message: `settings.timezone ${shown} is not an IANA zone — ${fix}`,
    }),
  ];
}
