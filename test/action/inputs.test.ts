import { describe, expect, it } from "vitest";
import { readEvent } from "../../src/action/event.ts";
import { InputError, readInputs } from "../../src/action/inputs.ts";
import { chooseRoute } from "../../src/action/route.ts";
import { webhookExample as example } from "./webhook-examples.ts";

const base = { INPUT_TOKEN: "t0k3n", GITHUB_REPOSITORY: "Codertocat/Hello-World" };

describe("readInputs", () => {
  it("reads INPUT_* the way the runner passes them, with defaults", () => {
    expect(
      readInputs({ env: { ...base, "INPUT_DRY-RUN": "true", INPUT_PLAN: " ./plans/p.yml " } }),
    ).toEqual({
      token: "t0k3n",
      plan: "plans/p.yml",
      mode: "auto",
      dryRun: true,
    });
    expect(readInputs({ env: { ...base, INPUT_MODE: "", "INPUT_DRY-RUN": "" } })).toMatchObject({
      plan: undefined,
      mode: "auto",
      dryRun: false,
    });
  });

  it("names the allowed values for an unknown mode", () => {
    expect(() => readInputs({ env: { ...base, INPUT_MODE: "milestone" } })).toThrow(
      'input mode is "milestone": use one of "auto", "check", "milestones"',
    );
  });

  it.each([
    [{ "INPUT_DRY-RUN": "yes" }, 'input dry-run is "yes": use true or false'],
    [{ INPUT_TOKEN: "" }, "input token is empty"],
    [{ INPUT_PLAN: "../secrets.yml" }, "give a path inside the repository"],
    [{ INPUT_PLAN: "/etc/passwd" }, "give a path inside the repository"],
  ])("rejects %o with a message that says the fix", (extra, message) => {
    expect(() => readInputs({ env: { ...base, ...extra } })).toThrow(InputError);
    expect(() => readInputs({ env: { ...base, ...extra } })).toThrow(message);
  });
});

describe("chooseRoute", () => {
  const route = (name: string, payload: unknown, mode: "auto" | "check" | "milestones" = "auto") =>
    chooseRoute({ mode, event: readEvent({ env: { ...base, GITHUB_EVENT_NAME: name }, payload }) });

  it("auto: pull requests are checked", () => {
    expect(
      route(
        "pull_request",
        example("pull_request", (p) => p.action === "opened"),
      ),
    ).toEqual({ kind: "check" });
    expect(
      route(
        "pull_request_target",
        example("pull_request", (p) => p.action === "synchronize"),
      ),
    ).toEqual({
      kind: "check",
    });
  });

  it("auto: a push to the default branch runs milestone mode, a tag push is skipped", () => {
    expect(
      route(
        "push",
        example("push", (p) => p.ref === "refs/heads/master"),
      ),
    ).toEqual({ kind: "milestones" });
    const tag = route(
      "push",
      example("push", (p) => p.ref === "refs/tags/simple-tag"),
    );
    expect(tag.kind).toBe("skip");
    expect(tag.kind === "skip" && tag.reason).toContain("not to the default branch master");
  });

  it("auto: schedule and workflow_dispatch run milestone mode", () => {
    expect(route("schedule", { schedule: "17 6 * * *" })).toEqual({ kind: "milestones" });
    expect(route("workflow_dispatch", example("workflow_dispatch"))).toEqual({
      kind: "milestones",
    });
  });

  it("auto refuses an event it cannot map, and check refuses an event without a pull request", () => {
    expect(() => route("issues", example("issues"))).toThrow(
      'mode auto cannot choose for the event "issues"',
    );
    expect(() => route("push", example("push"), "check")).toThrow(
      "mode check needs a pull request",
    );
    expect(route("pull_request", example("pull_request"), "milestones")).toEqual({
      kind: "milestones",
    });
  });

  it("reads the repository from GITHUB_REPOSITORY and rejects a malformed one", () => {
    const event = readEvent({ env: { ...base, GITHUB_EVENT_NAME: "schedule" }, payload: {} });
    expect(event.repo).toEqual({ owner: "Codertocat", repo: "Hello-World" });
    expect(() =>
      readEvent({ env: { GITHUB_EVENT_NAME: "schedule", GITHUB_REPOSITORY: "nope" }, payload: {} }),
    ).toThrow('GITHUB_REPOSITORY is "nope": expected OWNER/NAME');
  });
});
