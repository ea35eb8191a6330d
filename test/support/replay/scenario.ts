/**
 * A recorded history of one repository with a plan: 200 webhooks, in the order the changes
 * happened on GitHub, each with the change itself (`apply`, made to the fake GitHub, which
 * plays the real one) and the webhook GitHub sends after it. Deterministic: the same code
 * always records the same history.
 *
 * The story: the spec is written (issues opened, labelled, closed, one reopened and closed
 * again, one closed as not planned, the spec file pushed in two steps); the prototype is
 * built (issues, a pull request reviewed, approved and merged, an API file, CI failing then
 * passing); the plan changes (a date, a description, a new milestone whose issues were
 * labelled before the plan knew them); the pilot report lands (a review issue is due); and
 * people edit milestones by hand (a plan milestone's date and description, reopening an
 * achieved one, closing the manual one, editing and closing milestones the plan does not
 * name) while noise goes on (unrelated issues, labels, pull requests, branch pushes).
 *
 * Deliberately absent, because the App's result then depends on history by design, not on
 * what GitHub holds at the end (documented in docs/reliability.md):
 * - removing a label from an issue, or moving a labelled issue to another milestone by hand
 *   (without `enforce_milestones` a human's choice stands, so a milestone the App set
 *   earlier stays);
 * - closing as "not planned" an issue the App had already put into a milestone;
 * - changing the evidence of a milestone after it is achieved without it regressing (the
 *   "Achieved on" footer records the evidence of the day it closed).
 */

import type { Payload } from "../../app/support/webhooks.ts";
import type { FakeRepo, FakeRepoSeed } from "../fake-github/index.ts";
import {
  checkRunPayload,
  issuesPayload,
  labelPayload,
  milestonePayload,
  pullRequestPayload,
  pushPayload,
  type RepoName,
  reviewPayload,
} from "./payloads.ts";

export const REPO: RepoName = { owner: "acme", name: "replay" };
export const NOW = new Date("2026-02-20T12:00:00Z");

export interface ReplayEvent {
  /** The X-GitHub-Delivery id (a redelivery carries the same one). */
  id: string;
  name: string;
  payload: Payload;
  note: string;
  /** The change on GitHub that this webhook reports; applied before it is sent. */
  apply(repo: FakeRepo): void;
}

const PLAN_V1 = `version: 1
milestones:
  - id: spec
    title: Spec approved
    due: 2026-03-01
    description: Everyone agrees what we build.
    deliverables: [spec-doc]
  - id: proto
    title: Prototype
    due: 2026-04-15
    requires: [spec]
    deliverables: [display, api]
  - id: pilot
    title: Pilot
    due: 2026-06-01
    requires: [proto]
    deliverables: [pilot-report]
    review:
      approvers: [alice]
  - id: launch
    title: Launch
    due: 2026-09-01
    deliverables: [launch-notes]
    close: manual
deliverables:
  - id: spec-doc
    title: Specification
    criteria:
      - issues: closed
        min: 3
      - file: docs/spec.md
        headings: [Scope, Risks]
  - id: display
    title: Queue display
    criteria:
      - issues: closed
        min: 2
      - pull_requests: merged
        approvals: 1
  - id: api
    title: Queue API
    criteria:
      - file: src/api.ts
        contains: ["export function serve"]
      - checks: [test]
  - id: pilot-report
    title: Pilot report
    criteria:
      - file: reports/pilot.md
        headings: [Findings]
  - id: launch-notes
    title: Launch notes
    criteria:
      - issues: closed
settings:
  on_regression: reopen
`;

/** The plan change (the last push to main): a later date and a description for Prototype, a new milestone at the end. */
export const PLAN_V2 = PLAN_V1.replace(
  "    due: 2026-04-15\n",
  "    due: 2026-04-30\n    description: A prototype the canteen staff can try.\n",
)
  .replace(
    "deliverables:\n  - id: spec-doc",
    `  - id: retro
    title: Retrospective
    due: 2026-10-01
    deliverables: [retro-notes]
deliverables:
  - id: spec-doc`,
  )
  .replace(
    "settings:",
    `  - id: retro-notes
    title: Retrospective notes
    criteria:
      - issues: closed
settings:`,
  );

/** GitHub before the history starts: a plan, two milestones the plan does not name, labels. */
export function replaySeed(): FakeRepoSeed {
  return {
    ...REPO,
    defaultBranch: "main",
    headSha: sha(0),
    files: { ".github/plan.yml": PLAN_V1, "README.md": "# Replay\n" },
    milestones: [
      { number: 1, title: "Backlog", state: "open", description: "Ideas.", due_on: null },
      { number: 2, title: "Someday", state: "open", description: "", due_on: null },
    ],
    labels: ["bug", "docs"],
    // Issue and pull request numbers below 500 belong to the history; anything the App
    // creates (dashboard, review issue) is numbered after this one, whatever the order.
    issues: [{ number: 500, title: "Archived discussion", state: "closed", body: "" }],
  };
}

function sha(n: number): string {
  return n.toString(16).padStart(40, "0");
}

/** The 200 recorded events, in the order the changes happened. */
export function recordHistory(): ReplayEvent[] {
  const events: ReplayEvent[] = [];
  let pushes = 0;
  const add = (e: Omit<ReplayEvent, "id">) => {
    events.push({ ...e, id: `replay-${String(events.length + 1).padStart(3, "0")}` });
  };
  const findIssue = (repo: FakeRepo, n: number) => {
    const i = repo.issues.find((x) => x.number === n);
    if (!i) throw new Error(`history: issue #${n} does not exist yet`);
    return i;
  };
  const findPull = (repo: FakeRepo, n: number) => {
    const p = repo.pullRequests.find((x) => x.number === n);
    if (!p) throw new Error(`history: pull request #${n} does not exist yet`);
    return p;
  };
  const findMilestone = (repo: FakeRepo, title: string) => {
    const m = repo.milestones.find((x) => x.title === title);
    return m ?? null;
  };

  // --- The kinds of change, each with its webhook. ---
  const open = (n: number, labels: string[] = [], milestone?: string) =>
    add({
      name: "issues",
      payload: issuesPayload(REPO, "opened", { number: n, labels }),
      note: `#${n} opened ${labels.join(",")}`,
      apply: (repo) => {
        repo.issues.push({
          number: n,
          title: `Issue ${n}`,
          body: "",
          state: "open",
          state_reason: null,
          labels: [...labels],
          milestone: milestone ? (findMilestone(repo, milestone)?.number ?? null) : null,
          assignees: [],
          closed_by: null,
        });
      },
    });
  const label = (n: number, name: string) =>
    add({
      name: "issues",
      payload: issuesPayload(REPO, "labeled", { number: n, labels: [name] }),
      note: `#${n} labeled ${name}`,
      apply: (repo) => {
        const i = findIssue(repo, n);
        if (!i.labels.includes(name)) i.labels.push(name);
        if (!repo.labels.some((l) => l.name === name))
          repo.labels.push({ name, color: "ededed", description: null });
      },
    });
  const close = (n: number, reason: "completed" | "not_planned" = "completed", by = "bob") =>
    add({
      name: "issues",
      payload: issuesPayload(REPO, "closed", { number: n, state: "closed" }),
      note: `#${n} closed ${reason}`,
      apply: (repo) => {
        Object.assign(findIssue(repo, n), { state: "closed", state_reason: reason, closed_by: by });
      },
    });
  const reopen = (n: number) =>
    add({
      name: "issues",
      payload: issuesPayload(REPO, "reopened", { number: n }),
      note: `#${n} reopened`,
      apply: (repo) => {
        Object.assign(findIssue(repo, n), {
          state: "open",
          state_reason: "reopened",
          closed_by: null,
        });
      },
    });
  const editIssue = (n: number) =>
    add({
      name: "issues",
      payload: issuesPayload(REPO, "edited", { number: n }),
      note: `#${n} edited`,
      apply: (repo) => {
        findIssue(repo, n).body = `Edited body of ${n}.`;
      },
    });
  const push = (params: { branch?: string; files: Record<string, string> }) => {
    const branch = params.branch ?? "main";
    pushes++;
    const before = sha(pushes - 1 + (branch === "main" ? 0 : 1000));
    const after = sha(pushes + (branch === "main" ? 0 : 1000));
    add({
      name: "push",
      payload: pushPayload(REPO, {
        ref: `refs/heads/${branch}`,
        before,
        after,
        modified: Object.keys(params.files),
      }),
      note: `push ${branch}: ${Object.keys(params.files).join(",")}`,
      apply: (repo) => {
        if (branch !== "main") return; // another branch: nothing the plan reads changes
        Object.assign(repo.files, params.files);
        repo.headSha = after;
      },
    });
  };
  const editMilestone = (title: string, change: Partial<{ due_on: string; description: string }>) =>
    add({
      name: "milestone",
      payload: milestonePayload(REPO, "edited", 0),
      note: `milestone "${title}" edited ${Object.keys(change).join(",")}`,
      apply: (repo) => {
        const m = findMilestone(repo, title);
        if (m) Object.assign(m, change);
      },
    });
  const milestoneState = (title: string, state: "open" | "closed") =>
    add({
      name: "milestone",
      payload: milestonePayload(REPO, state === "closed" ? "closed" : "opened", 0),
      note: `milestone "${title}" ${state}`,
      apply: (repo) => {
        const m = findMilestone(repo, title);
        if (m)
          Object.assign(m, { state, closed_at: state === "closed" ? NOW.toISOString() : null });
      },
    });
  const newLabel = (name: string) =>
    add({
      name: "label",
      payload: labelPayload(REPO, "created", name),
      note: `label ${name} created`,
      apply: (repo) => {
        if (!repo.labels.some((l) => l.name === name))
          repo.labels.push({ name, color: "c5def5", description: null });
      },
    });
  const editLabel = (name: string) =>
    add({
      name: "label",
      payload: labelPayload(REPO, "edited", name),
      note: `label ${name} edited`,
      apply: (repo) => {
        const l = repo.labels.find((x) => x.name === name);
        if (l) l.color = "5319e7";
      },
    });
  const prHead = (n: number) => sha(0xa000 + n);
  const openPull = (n: number, labels: string[], files: Record<string, string>, closes: number[]) =>
    add({
      name: "pull_request",
      payload: pullRequestPayload(REPO, "opened", {
        number: n,
        state: "open",
        headSha: prHead(n),
        labels,
      }),
      note: `PR #${n} opened`,
      apply: (repo) => {
        repo.pullRequests.push({
          number: n,
          title: `Pull request ${n}`,
          state: "open",
          merged: false,
          labels: [...labels],
          milestone: null,
          closingIssues: closes,
          reviews: [],
          headSha: prHead(n),
          baseRef: "main",
          headRef: `feature-${n}`,
          headRepository: `${REPO.owner}/${REPO.name}`,
          changedFiles: Object.keys(files),
          headFiles: { ...files },
          headChecks: [],
        });
      },
    });
  const review = (n: number, login: string, state: "APPROVED" | "COMMENTED") =>
    add({
      name: "pull_request_review",
      payload: reviewPayload(
        REPO,
        { number: n, state: "open", headSha: prHead(n) },
        { login, state },
      ),
      note: `PR #${n} ${state} by ${login}`,
      apply: (repo) => {
        findPull(repo, n).reviews.push({ login, state });
      },
    });
  const closePull = (n: number, merged: boolean) =>
    add({
      name: "pull_request",
      payload: pullRequestPayload(REPO, "closed", {
        number: n,
        state: "closed",
        merged,
        headSha: prHead(n),
      }),
      note: `PR #${n} closed${merged ? " (merged)" : ""}`,
      apply: (repo) => {
        Object.assign(findPull(repo, n), { state: "closed", merged });
      },
    });
  const check = (name: string, conclusion: "success" | "failure") =>
    add({
      name: "check_run",
      payload: checkRunPayload(REPO, { name, conclusion, headSha: sha(pushes) }),
      note: `check ${name} ${conclusion}`,
      apply: (repo) => {
        repo.checks = [
          ...repo.checks.filter((c) => c.name !== name),
          { name, conclusion, status: "completed" },
        ];
      },
    });
  /** Unrelated work that goes on all along: an issue opened, labelled bug, edited, closed. */
  let noiseIssue = 300;
  let noiseStep = 0;
  const noise = (count: number) => {
    for (let k = 0; k < count; k++) {
      const step = noiseStep++ % 4;
      if (step === 0) open(++noiseIssue);
      else if (step === 1) label(noiseIssue, "bug");
      else if (step === 2) editIssue(noiseIssue);
      else close(noiseIssue);
    }
  };

  // --- Phase A: the spec is written. ---
  for (const n of [1, 2, 3, 4]) open(n, ["deliverable:spec-doc"]);
  noise(8);
  open(11);
  label(11, "deliverable:spec-doc");
  // Opened with the label AND a milestone a human chose: the human's choice stands.
  open(12, ["deliverable:spec-doc"], "Backlog");
  editMilestone("Backlog", { description: "Ideas for later." });
  push({ files: { "docs/spec.md": "# Scope\n\nThe canteen queue.\n" } });
  editMilestone("Spec approved", { due_on: "2026-03-15T08:00:00Z" });
  close(12, "not_planned", "carol");
  for (const n of [1, 2, 3]) close(n);
  newLabel("question");
  noise(8);
  push({ branch: "draft-spec", files: { "docs/spec.md": "# Scope\n# Risks\n# Draft\n" } });
  editMilestone("Spec approved", { description: "Someone rewrote this by hand." });

  // --- Phase B: the spec is done, regresses once, and is done again. ---
  push({ files: { "docs/spec.md": "# Scope\n\nThe canteen queue.\n\n## Risks\n\nNone yet.\n" } });
  close(4);
  close(11); // Spec approved is achieved here.
  noise(6);
  reopen(2); // ...and regresses...
  noise(4);
  close(2); // ...and is achieved again, with the same evidence.
  milestoneState("Spec approved", "open"); // a human reopens it; the App closes it again
  editLabel("deliverable:spec-doc");
  milestoneState("Someday", "closed");
  editMilestone("Someday", { description: "Not this year." });

  // --- Phase C: the prototype. ---
  // Issues of a deliverable the plan does not know yet (it arrives with the plan change).
  newLabel("deliverable:retro-notes");
  open(40, ["deliverable:retro-notes"]);
  for (const n of [20, 21]) open(n, ["deliverable:display"]);
  open(22);
  label(22, "deliverable:display");
  noise(8);
  openPull(30, ["deliverable:display"], { "src/display.ts": "export {}\n" }, [20]);
  review(30, "bob", "COMMENTED");
  openPull(31, [], { "src/api.ts": "export function serve() {}\n" }, []);
  check("test", "failure");
  review(30, "carol", "APPROVED");
  closePull(30, true);
  close(20); // closed by the merge of #30
  editMilestone("Prototype", { description: "Edited by hand." });
  closePull(31, true);
  push({ files: { "src/api.ts": "export function serve() {}\n" } });
  noise(8);
  openPull(32, [], { "notes.txt": "x\n" }, []);
  review(32, "dave", "APPROVED");
  push({ branch: "feature-32", files: { "notes.txt": "y\n" } });
  closePull(32, false);
  close(21);
  open(41, ["deliverable:retro-notes"]);
  check("test", "success");
  close(22); // Prototype is achieved here.
  noise(6);

  // --- Phase D: the pilot report lands (a review is due); launch work; the plan changes. ---
  push({ files: { "reports/pilot.md": "# Findings\n\nShorter queues.\n" } }); // Pilot is ready for review.
  noise(4);
  push({ files: { "README.md": "# Replay\n\nNow with a pilot.\n" } });
  open(50, ["deliverable:launch-notes"]);
  editMilestone("Launch", { due_on: "2026-08-01T07:00:00Z" });
  milestoneState("Launch", "closed"); // close: manual — a human's call, left alone
  noise(6);
  // The last push to main, so its commit is still the head when the App checks it (the
  // fake GitHub serves files of the head commit, not of older ones).
  push({ files: { ".github/plan.yml": PLAN_V2 } });
  close(40);
  editMilestone("Backlog", { due_on: "2027-01-01T08:00:00Z" });
  noise(8);

  // --- Phase E: the retrospective and the launch notes are done; late noise until 200. ---
  open(42, ["deliverable:retro-notes"]);
  newLabel("wontfix");
  close(50); // Launch is achieved, and already closed by hand (close: manual)
  milestoneState("Backlog", "closed");
  noise(12);
  close(41);
  noise(8);
  close(42); // Retrospective is achieved here.
  while (events.length < 200) noise(1);
  if (events.length !== 200) throw new Error(`history has ${events.length} events, not 200`);
  return events;
}
