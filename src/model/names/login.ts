/**
 * GitHub logins as the plan names them (`owner:`, review approvers). GitHub's rule for a
 * new account: letters, digits and hyphens, not starting with a hyphen, at most 39
 * characters. Older accounts may hold a doubled or trailing hyphen, so those are allowed.
 */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;

/** Whether `text` could be a GitHub login (whether the account exists is not known offline). */
export function isPossibleLogin(text: string): boolean {
  return LOGIN.test(text);
}

/** `@carol`: how a login is mentioned in text people read on GitHub. */
export function mention(login: string): string {
  return `@${login}`;
}

/**
 * ` — owner @carol` after what is missing of a deliverable that has an owner and is not done,
 * else "": every renderer (check run, terminal, dashboard, issues) says it the same way.
 */
export function ownerNote(d: { owner: string | null; done: boolean }): string {
  return d.owner && !d.done ? ` — owner ${mention(d.owner)}` : "";
}
