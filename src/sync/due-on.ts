/**
 * GitHub keeps a milestone's due date as a timestamp and shows it as a day in US Pacific
 * time. Sending noon UTC lands on the same calendar day in every US time zone, so the day
 * GitHub shows is the plan's day (midnight UTC would show the day before in Pacific time).
 */
export function githubDueOn(day: string): string {
  return `${day}T12:00:00Z`;
}
