/** The smallest useful plan: one milestone proved by one deliverable whose issues must close. */
export const SPEC_PLAN = `version: 1
milestones:
  - id: spec-done
    title: Spec done
    due: 2026-03-01
    deliverables: [spec]
deliverables:
  - id: spec
    title: Specification
    criteria:
      - issues: closed
`;
