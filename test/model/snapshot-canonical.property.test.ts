/**
 * The fast path of snapshot reading (src/model/snapshot-canonical.ts) skips zod for items that
 * are already what the schema would return. It must never accept anything the schema would
 * refuse or change: whatever it calls canonical, the schema accepts and returns as it was.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapshotIssueSchema, snapshotPullRequestSchema } from "../../src/model/snapshot.ts";
import { isCanonicalIssue, isCanonicalPullRequest } from "../../src/model/snapshot-canonical.ts";

/** Values of every JSON type, valid and not, for any field. */
const anyValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -0, "", "open", "closed"),
  fc.constantFrom("completed", "not_planned", "reopened", "duplicate", "x", "__proto__"),
  fc.integer(),
  fc.string(),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("a.md", "__proto__", "test"), fc.oneof(fc.string(), fc.integer()), {
    maxKeys: 2,
  }),
);

/** Objects drawn from the field names (a few valid values each) and some others. */
function items(fields: Record<string, fc.Arbitrary<unknown>>) {
  // Mostly valid, so that the fast path is reached; one wrong or missing field at times.
  const entries = Object.entries(fields).map(
    ([key, valid]) =>
      [
        key,
        fc.option(fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: anyValue }), {
          nil: undefined,
          freq: 20,
        }),
      ] as const,
  );
  return fc
    .tuple(
      fc.record(Object.fromEntries(entries)),
      fc.dictionary(fc.constantFrom("extra", "__proto__", "constructor"), anyValue, { maxKeys: 1 }),
      fc.boolean(),
    )
    .map(([known, extra, withExtra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(known)) if (v !== undefined) out[k] = v;
      // Own "__proto__" keys, as JSON.parse makes them.
      if (withExtra) {
        for (const [k, v] of Object.entries(extra)) {
          Object.defineProperty(out, k, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      // As the reader gets them: parsed from JSON text.
      return JSON.parse(JSON.stringify(out)) as unknown;
    });
}

const strings = fc.array(fc.string(), { maxLength: 3 });
const nullableInt = fc.oneof(fc.constant(null), fc.integer());
const issueFields = {
  number: fc.integer(),
  title: fc.string(),
  state: fc.constantFrom("open", "closed"),
  stateReason: fc.constantFrom(null, "completed", "not_planned", "reopened", "duplicate"),
  labels: strings,
  milestone: nullableInt,
  closedBy: fc.oneof(fc.constant(null), fc.string()),
  assignees: strings,
  body: fc.oneof(fc.constant(null), fc.string()),
};
const textMap = fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 });
const pullFields = {
  number: fc.integer(),
  title: fc.string(),
  state: fc.constantFrom("open", "closed"),
  merged: fc.boolean(),
  labels: strings,
  milestone: nullableInt,
  closingIssues: fc.array(fc.integer(), { maxLength: 3 }),
  approvals: strings,
  changedFiles: strings,
  headSha: fc.string(),
  baseRef: fc.string(),
  headRef: fc.string(),
  headRepository: fc.string(),
  headFiles: textMap,
  headChecks: textMap,
};

describe("canonical snapshot items (reading's fast path)", () => {
  for (const [what, arbitrary, canonical, schema] of [
    ["issue", items(issueFields), isCanonicalIssue, snapshotIssueSchema],
    ["pull request", items(pullFields), isCanonicalPullRequest, snapshotPullRequestSchema],
  ] as const) {
    it(`a canonical ${what} is one the schema accepts and returns unchanged`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(arbitrary, (raw) => {
          if (!canonical(raw)) return;
          accepted++;
          const parsed = schema.safeParse(raw);
          expect(parsed.success).toBe(true);
          expect(parsed.data).toStrictEqual(raw);
        }),
        { numRuns: 3000 },
      );
      // Not vacuous: the generator reaches the fast path often.
      expect(accepted).toBeGreaterThan(50);
    });
  }

  it("the loader's items take the fast path; a missing default, a stray field or a __proto__ file do not", () => {
    const issue = {
      number: 12,
      title: "Write requirements",
      state: "closed",
      stateReason: "completed",
      labels: ["deliverable: requirements"],
      milestone: 1,
      closedBy: "alice",
    };
    expect(isCanonicalIssue(issue)).toBe(true);
    const { stateReason: _, ...noReason } = issue;
    expect(isCanonicalIssue(noReason)).toBe(false);
    expect(isCanonicalIssue({ ...issue, extra: 1 })).toBe(false);
    const pull = JSON.parse(
      '{"number":40,"title":"t","state":"open","merged":false,"labels":[],"milestone":null,"closingIssues":[12],"approvals":["bob"],"headFiles":{"__proto__":"x"}}',
    );
    expect(isCanonicalPullRequest(pull)).toBe(false);
    delete pull.headFiles;
    expect(isCanonicalPullRequest(pull)).toBe(true);
  });
});
