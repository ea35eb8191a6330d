/** What a criterion kind reads when it is evaluated. */
import type { Snapshot } from "../model/snapshot.ts";
import type { DataFile, Measure } from "./measure.ts";
import type { SnapshotIndex } from "./snapshot-index.ts";

export interface CriterionContext {
  snapshot: Snapshot;
  /** The plan's `settings.timezone`: the zone whose calendar days are counted. */
  timeZone: string;
  index: SnapshotIndex;
  /** An objective of the plan by id: its title and measure (for `objective:` criteria). */
  objective(id: string): { title: string; measure?: Measure | undefined } | undefined;
  /** Normalised Markdown headings per file path, parsed at most once per evaluation. */
  headings: Map<string, Set<string>>;
  /** Parsed JSON/YAML measure files per path, parsed at most once per evaluation. */
  dataFiles: Map<string, DataFile>;
}
