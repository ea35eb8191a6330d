/**
 * Whether an issue or pull request read from JSON is already exactly what its zod schema
 * (snapshot.ts) would make of it: every field of the right type, every defaulted field
 * present, no other field. Such an item needs no validation copy: at 200,000 issues, zod's
 * copy and the comparison with it cost a third of a second of a `report`. Anything else, down
 * to one wrong field, takes the schema's path, which words the error. A property test
 * (test/model/snapshot-canonical.property.test.ts) holds these to the schemas: whatever they
 * accept, the schema accepts and returns unchanged.
 */

const ISSUE_KEYS = new Set([
  "number",
  "title",
  "state",
  "stateReason",
  "labels",
  "milestone",
  "closedBy",
  "assignees",
  "body",
]);
const PULL_KEYS = new Set([
  "number",
  "title",
  "state",
  "merged",
  "labels",
  "milestone",
  "closingIssues",
  "approvals",
  "changedFiles",
  "headSha",
  "baseRef",
  "headRef",
  "headRepository",
  "headFiles",
  "headChecks",
]);
const STATES = new Set<unknown>(["open", "closed"]);
const REASONS = new Set<unknown>(["completed", "not_planned", "reopened", "duplicate"]);

const int = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v);
const ints = (v: unknown) => Array.isArray(v) && v.every(int);
const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
const optional = (v: unknown, test: (v: unknown) => boolean) => v === undefined || test(v);
const text = (v: unknown) => typeof v === "string";
const textOrNull = (v: unknown) => v === null || typeof v === "string";
/** Strings by name; a "__proto__" entry takes the schema's path (read.ts keeps it as data). */
const textMap = (v: unknown) =>
  isPlainRecord(v) && Object.keys(v).every((k) => k !== "__proto__" && typeof v[k] === "string");

function onlyKeys(raw: object, keys: Set<string>): boolean {
  for (const key of Object.keys(raw)) if (!keys.has(key)) return false;
  return true;
}

/** An object as JSON.parse makes it (the schema's copy has Object's prototype too). */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

export function isCanonicalIssue(raw: unknown): boolean {
  return (
    isPlainRecord(raw) &&
    onlyKeys(raw, ISSUE_KEYS) &&
    int(raw.number) &&
    text(raw.title) &&
    STATES.has(raw.state) &&
    (raw.stateReason === null || REASONS.has(raw.stateReason)) &&
    strings(raw.labels) &&
    (raw.milestone === null || int(raw.milestone)) &&
    optional(raw.closedBy, textOrNull) &&
    optional(raw.assignees, strings) &&
    optional(raw.body, textOrNull)
  );
}

export function isCanonicalPullRequest(raw: unknown): boolean {
  return (
    isPlainRecord(raw) &&
    onlyKeys(raw, PULL_KEYS) &&
    int(raw.number) &&
    text(raw.title) &&
    STATES.has(raw.state) &&
    typeof raw.merged === "boolean" &&
    strings(raw.labels) &&
    (raw.milestone === null || int(raw.milestone)) &&
    ints(raw.closingIssues) &&
    strings(raw.approvals) &&
    optional(raw.changedFiles, strings) &&
    optional(raw.headSha, text) &&
    optional(raw.baseRef, text) &&
    optional(raw.headRef, text) &&
    optional(raw.headRepository, text) &&
    optional(raw.headFiles, textMap) &&
    optional(raw.headChecks, textMap)
  );
}
