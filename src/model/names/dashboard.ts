/** The plan dashboard issue: its title and the hidden marker its body starts with. */

export const DASHBOARD_TITLE = "Plan dashboard";

/** The first line of a dashboard body plan-align wrote. */
export const DASHBOARD_MARKER = "<!-- plan-align:dashboard -->";

/** Whether an issue body is one plan-align wrote as the dashboard. */
export function isDashboardBody(body: string | null | undefined): boolean {
  return (body ?? "").includes(DASHBOARD_MARKER);
}
