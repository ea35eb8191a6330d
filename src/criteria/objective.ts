/**
 * `objective: ID` — the objective's measure, read from its file and path on the default
 * branch, is a number that meets its target. Anything else is not met, with the reason.
 */
import { z } from "zod";
import { nameField } from "./fields.ts";
import { defineKind } from "./kind.ts";
import { readMeasure } from "./measure.ts";

export const objectiveKind = defineKind({
  key: "objective",
  schema: z
    .strictObject({
      objective: z.string().describe("Id of an objective that has a `measure`."),
      name: nameField,
    })
    .describe("An objective's measure meets its target."),

  name: ({ criterion, objectiveTitle }) =>
    `Objective met: ${objectiveTitle(criterion.objective) ?? criterion.objective}`,

  // Every objective's measure file is read for the objectives' own status already.
  needs: () => {},

  evaluate: ({ ctx, criterion }) => {
    const id = criterion.objective;
    const objective = ctx.objective(id);
    if (!objective) return { met: false, detail: `objective "${id}" is not in the plan` };
    const measure = objective.measure;
    if (!measure) return { met: false, detail: `objective "${id}" has no measure to read` };
    const reading = readMeasure(ctx, measure);
    if (!reading.ok) return { met: false, detail: reading.reason };
    if (reading.stale) return { met: false, detail: reading.stale.reason };
    return {
      met: reading.met,
      detail: `${measure.path} is ${reading.value}, target ${measure.target.trim()}${reading.met ? "" : " not met"}`,
    };
  },

  // A merge changes the measure only through its file, which the `file` kind projects.

  identity: (criterion) => `objective:${criterion.objective}`,
  // Nothing but the objective itself, which is its identity.
  diff: () => {},

  validate: ({ criterion, subject, refs }) => {
    const id = criterion.objective;
    if (typeof id !== "string") return [];
    const target = refs.objectives.get(id);
    if (!target) {
      const hint =
        refs.suggest({ input: id, candidates: refs.objectives.keys() }) ||
        " — it must be the id of an objective under a goal";
      return [
        {
          key: "objective",
          severity: "error",
          code: "unknown-objective",
          message: `${subject} names unknown objective "${id}"${hint}`,
        },
      ];
    }
    if (!target.hasMeasure) {
      return [
        {
          key: "objective",
          severity: "error",
          code: "objective-without-measure",
          message: `${subject} needs objective "${id}" to have a measure, and it has none — add "measure" (file, path, target) to the objective, or remove this criterion`,
        },
      ];
    }
    return [];
  },

  traces: (criterion) =>
    typeof criterion.objective === "string" ? criterion.objective : undefined,
});
