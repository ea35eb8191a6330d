/**
 * The scenario of the multi-process tests and benchmarks: repositories with a plan whose
 * sync creates two milestones, a review issue and a dashboard, and a reading of GitHub's
 * final state that names anything plan-align made twice, or not at all.
 */
import { DASHBOARD_LABEL, REVIEW_LABEL } from "../../../src/model/names/labels.ts";
import type { FakeRepo } from "../../support/fake-github/index.ts";
import { example } from "./webhooks.ts";

const PLAN = `version: 1
milestones:
  - id: spec-done
    title: Spec done
    due: 2030-03-01
    deliverables: [spec]
    review:
      approvers: [alice]
  - id: build-done
    title: Build done
    due: 2030-05-15
    deliverables: [build]
deliverables:
  - id: spec
    title: Specification
    criteria:
      - issues: closed
  - id: build
    title: Build notes
    criteria:
      - issues: closed
`;

/** Repository names r0, r1, … */
export function clusterRepos(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `r${i}`);
}

export function seed(name: string) {
  return {
    owner: "acme",
    name,
    defaultBranch: "main",
    files: { ".github/plan.yml": PLAN },
    issues: [
      {
        number: 1,
        title: "Write the spec",
        labels: ["deliverable:spec"],
        state: "closed" as const,
      },
      { number: 2, title: "Build notes", labels: ["deliverable:build"] },
    ],
  };
}

export function labeled(repo: string, i: number) {
  const p = example("issues", "labeled");
  p.repository.name = repo;
  p.repository.full_name = `acme/${repo}`;
  p.repository.owner.login = "acme";
  p.repository.html_url = `https://github.com/acme/${repo}`;
  p.repository.default_branch = "main";
  p.installation = { id: 42 };
  p.issue.number = 2;
  p.issue.labels = [{ name: "deliverable:build" }];
  return { name: "issues", payload: p, id: `burst-${i}` };
}

/** What a person would call wrong: anything plan-align made twice, or not at all. */
export function problems(r: FakeRepo): string[] {
  const found: string[] = [];
  const count = (what: string, n: number) => {
    if (n !== 1) found.push(`${r.name}: ${n} ${what}`);
  };
  count("Spec done milestones", r.milestones.filter((m) => m.title === "Spec done").length);
  count("Build done milestones", r.milestones.filter((m) => m.title === "Build done").length);
  count("dashboard issues", r.issues.filter((i) => i.labels.includes(DASHBOARD_LABEL.name)).length);
  count("review issues", r.issues.filter((i) => i.labels.includes(REVIEW_LABEL.name)).length);
  const names = r.labels.map((l) => l.name.toLowerCase());
  if (new Set(names).size !== names.length) found.push(`${r.name}: a label made twice`);
  const build = r.milestones.find((m) => m.title === "Build done");
  if (r.issues.find((i) => i.number === 2)?.milestone !== build?.number) {
    found.push(`${r.name}: issue #2 not in Build done`);
  }
  return found;
}
