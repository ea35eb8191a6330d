/** Schema fields and diff wording that several kinds share. */
import { z } from "zod";
import { quotedList } from "../model/words.ts";
import type { AddChange } from "./kind.ts";

/** `name:` — shown in reports instead of the generated name. */
export const nameField = z
  .string()
  .min(1)
  .optional()
  .describe("Shown in reports instead of the generated name.");

/** `min` lowered (weakens the plan) or raised. */
export function compareThreshold(params: {
  what: "min" | "approvals";
  from: number;
  to: number;
  who: string;
  name: string;
  add: AddChange;
}): void {
  const { what, from, to, who, name, add } = params;
  if (from === to) return;
  if (to < from)
    add(`${what}-lowered`, true, `${who}: ${name} lowers ${what} from ${from} to ${to}.`);
  else add(`${what}-raised`, false, `${who}: ${name} raises ${what} from ${from} to ${to}.`);
}

/** Items of `a` not in `b` (compared by `key`), in `a`'s order. */
function minus(a: string[], b: string[], key: (s: string) => string): string[] {
  const other = new Set(b.map(key));
  return a.filter((s) => !other.has(key(s)));
}

/** Entries a list requirement lost (weakens the plan) or gained. */
export function compareList(params: {
  from: string[];
  to: string[];
  /** "the headings", for messages. */
  what: string;
  code: "headings" | "contains" | "checks";
  who: string;
  name: string;
  add: AddChange;
  key?: (s: string) => string;
}): void {
  const key = params.key ?? ((s: string) => s);
  const removed = minus(params.from, params.to, key);
  const added = minus(params.to, params.from, key);
  const at = `${params.who}: ${params.name}`;
  if (removed.length > 0) {
    params.add(
      `${params.code}-removed`,
      true,
      `${at} no longer requires ${params.what} ${quotedList(removed)}.`,
    );
  }
  if (added.length > 0) {
    params.add(
      `${params.code}-added`,
      false,
      `${at} now also requires ${params.what} ${quotedList(added)}.`,
    );
  }
}
