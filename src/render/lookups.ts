/** Titles by plan id, for the renderers (an unknown id shows as itself). */
import type { Report } from "../model/report.ts";

export function milestoneTitle(report: Report, id: string): string {
  return report.milestones.find((m) => m.id === id)?.title ?? id;
}

export function deliverableTitle(report: Report, id: string): string {
  for (const d of [...report.milestones.flatMap((m) => m.deliverables), ...report.unscheduled]) {
    if (d.id === id) return d.title;
  }
  return id;
}
