/**
 * `checks: [NAME, ..]` — on the default branch's head commit, the latest run of each name
 * concluded `success`. A missing run is not met. GitHub's REST API spells conclusions in
 * lower case and its GraphQL API in upper case, so the comparison ignores case.
 */
import { z } from "zod";
import { plural } from "../model/words.ts";
import { compareList, nameField } from "./fields.ts";
import { defineKind } from "./kind.ts";

export const checksKind = defineKind({
  key: "checks",
  schema: z
    .strictObject({
      checks: z
        .array(z.string().min(1))
        .min(1)
        .describe("Check run or commit status names that must have concluded `success`."),
      name: nameField,
    })
    .describe("Checks on the default branch's head commit succeeded."),

  name: ({ criterion }) => `Checks pass: ${criterion.checks.join(", ")}`,

  needs: ({ criterion, needs }) => {
    for (const name of criterion.checks) needs.checks.add(name);
  },

  evaluate: ({ ctx, criterion }) => {
    const { checks } = ctx.snapshot;
    const problems: string[] = [];
    let passed = 0;
    for (const name of criterion.checks) {
      // Own properties only: a check named `constructor` is not Object's.
      const conclusion = Object.hasOwn(checks, name) ? checks[name] : undefined;
      if (conclusion === undefined) problems.push(`no run of ${name}`);
      else if (conclusion.toLowerCase() === "success") passed++;
      else problems.push(`${name} concluded ${conclusion.toLowerCase()}`);
    }
    const head = `${passed} of ${plural(criterion.checks.length, "check")} succeeded`;
    return {
      met: problems.length === 0,
      detail: problems.length === 0 ? head : `${head}; ${problems.join("; ")}`,
    };
  },

  // Checks are read from its head commit; without them (not loaded) the base branch's stay,
  // which is better than no checks.
  project: ({ snapshot, pr }) => ({ checks: pr.headChecks ?? snapshot.checks }),

  identity: () => "checks",
  diff: ({ base, head, who, name, add }) =>
    compareList({
      from: base.checks,
      to: head.checks,
      what: "the checks",
      code: "checks",
      who,
      name,
      add,
    }),
});
