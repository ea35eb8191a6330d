import { describe, expect, it } from "vitest";
import { firstCriterion, onePlan, snapshot } from "./helpers.ts";

describe("checks: [NAME, ..]", () => {
  const cases: { name: string; checks: Record<string, string>; met: boolean; detail: RegExp }[] = [
    {
      name: "all succeeded",
      checks: { test: "success", lint: "success" },
      met: true,
      detail: /^2 of 2 checks succeeded$/,
    },
    {
      name: "a failure is not met",
      checks: { test: "success", lint: "failure" },
      met: false,
      detail: /^1 of 2 checks succeeded; lint concluded failure$/,
    },
    {
      name: "neutral and skipped are not success",
      checks: { test: "neutral", lint: "skipped" },
      met: false,
      detail: /test concluded neutral; lint concluded skipped/,
    },
    {
      name: "a missing run is not met",
      checks: { test: "success" },
      met: false,
      detail: /no run of lint/,
    },
    {
      name: "GraphQL's upper-case conclusion counts",
      checks: { test: "SUCCESS", lint: "success" },
      met: true,
      detail: /2 of 2/,
    },
    {
      name: "other checks do not stand in",
      checks: { "test (node 24)": "success", Lint: "success" },
      met: false,
      detail: /no run of test; no run of lint/,
    },
  ];
  it.each(cases)("$name", ({ checks, met, detail }) => {
    const result = firstCriterion(onePlan([{ checks: ["test", "lint"] }]), snapshot({ checks }));
    expect(result.kind).toBe("checks");
    expect(result.met).toBe(met);
    expect(result.detail).toMatch(detail);
    expect(result.name).toBe("Checks pass: test, lint");
  });

  it("a check named like an Object property is still missing", () => {
    const result = firstCriterion(onePlan([{ checks: ["constructor"] }]), snapshot({ checks: {} }));
    expect(result.met).toBe(false);
    expect(result.detail).toContain("no run of constructor");
  });
});
