/** The report for a repository without a plan: neutral, and says how to add one. */
import { DEFAULT_PLAN_PATHS } from "../plan/schema.ts";

export function noPlanMarkdown(params: {
  where: string;
  path: string | undefined;
  extra?: string;
}): string {
  const looked = params.path
    ? `\`${params.path}\``
    : DEFAULT_PLAN_PATHS.map((p) => `\`${p}\``).join(" or ");
  return [
    `## plan-align: no plan on the ${params.where}`,
    "",
    `There is no plan file (${looked}) on the ${params.where}, so there is nothing to check against.`,
    "",
    `To start, commit a plan at ${looked} (see \`examples/canteen/plan.yml\` in plan-align for one),`,
    "or point the action's `plan` input at yours. Validate it locally with `plan-align validate --plan FILE`.",
    ...(params.extra ? ["", params.extra] : []),
    "",
  ].join("\n");
}
