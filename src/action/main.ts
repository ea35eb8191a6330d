/**
 * The Action's runner. Pipeline:
 *   1. read and validate the inputs (INPUT_*) and the event (GITHUB_EVENT_*),
 *   2. choose the mode (check for pull requests, milestones for the default branch),
 *   3. send the first request (the plan file), then load the mode's code while it travels,
 *   4. run the mode against GitHub through the port in src/github/,
 *   5. write the outputs; fail the step only on a `failure` conclusion or an error.
 * Everything from the outside world is passed in, so tests drive `run` in-process.
 */
import { createClient } from "../github/client.ts";
import { readPlanFile } from "../github/read-plan.ts";
import type { GitHubClient, Logger, PlanFile } from "../github/types.ts";
import type { ActionCore } from "./core.ts";
import { checkedPullRequest, readEvent } from "./event.ts";
import { InputError, readInputs } from "./inputs.ts";
import { coreLogger } from "./logger.ts";
import type { Outcome } from "./outcome.ts";
import { requestSent } from "./request-sent.ts";
import { chooseRoute } from "./route.ts";

// Evaluation, rendering and the plan parser (zod, yaml, marked) are imported only once the
// plan file's request is on its way: in the bundle they are a chunk of their own.
const loadOutcome = () => import("./outcome.ts");

export type ClientFactory = (params: {
  token: string;
  baseUrl?: string;
  log: Logger;
}) => GitHubClient;

export interface RunParams {
  env: Record<string, string | undefined>;
  core: ActionCore;
  /** The event payload; absent: read from GITHUB_EVENT_PATH. */
  payload?: unknown;
  /** Builds the GitHub client; tests tune retries and waits here. */
  createClient?: ClientFactory;
  now?: () => Date;
}

/** `globalThis.fetch` on purpose: an interceptor (nock in tests, a proxy agent) sees what it sends. */
const defaultClient: ClientFactory = (p) => createClient({ ...p, fetch: globalThis.fetch });

export async function run(params: RunParams): Promise<Outcome | null> {
  const { env, core } = params;
  try {
    const inputs = readInputs({ env });
    const event = readEvent({ env, payload: params.payload });
    const route = chooseRoute({ mode: inputs.mode, event });
    if (route.kind === "skip") {
      core.info(`plan-align: ${route.reason}; nothing to do`);
      const outcome: Outcome = { conclusion: "skipped", aligned: null, achieves: [], report: null };
      (await loadOutcome()).writeOutcome({ core, env, outcome });
      return outcome;
    }

    const log = coreLogger(core);
    const client = (params.createClient ?? defaultClient)({
      token: inputs.token,
      ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
      log,
    });
    const common = {
      core,
      env,
      inputs,
      client,
      log,
      ...event.repo,
      ...(params.now ? { now: params.now } : {}),
    };
    core.info(
      `plan-align: ${route.kind} mode for ${event.name} on ${event.repo.owner}/${event.repo.repo}`,
    );
    const check = route.kind === "check" ? checkedPullRequest(event) : null;
    // 3. The request each mode starts with (check: the base branch's plan; milestones: the
    // default branch's), sent now; the mode awaits it. Caught here so a failure waiting for
    // the mode's code is not an unhandled rejection; the mode still sees it.
    const planFile: Promise<PlanFile | null> = readPlanFile({
      client,
      ...event.repo,
      ...(check ? { ref: check.base.ref } : {}),
      ...(inputs.plan ? { path: inputs.plan } : {}),
    });
    planFile.catch(() => {});
    await requestSent(planFile);
    const outcome = check
      ? await (await import("./check-mode.ts")).runCheckMode({
          ...common,
          pullRequest: check,
          planFile,
        })
      : await (await import("./milestone-mode.ts")).runMilestoneMode({ ...common, planFile });
    (await loadOutcome()).writeOutcome({ core, env, outcome });
    return outcome;
  } catch (error) {
    // Configuration mistakes carry their fix in the message; anything else gets its message,
    // never a stack in front of the user (the stack goes to the debug log).
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof InputError) && error instanceof Error && error.stack)
      core.debug(error.stack);
    // The outputs and the job summary are written on every run, so a later `if: always()`
    // step (or a person reading the run) sees why nothing was judged.
    (await loadOutcome()).writeOutcome({
      core,
      env,
      outcome: { conclusion: "failure", aligned: null, achieves: [], report: null },
      failMessage: false,
    });
    await core
      .writeSummary(`## plan-align: error\n\n${message}\n`)
      .catch((e: unknown) => core.debug(`could not write the job summary: ${String(e)}`));
    core.setFailed(`plan-align: ${message}`);
    return null;
  }
}
