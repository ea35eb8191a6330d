/**
 * The runner's view of the Actions toolkit. Library code talks to this interface, never to
 * `@actions/core` or `@actions/github`'s global `context`, so tests drive the runner with a
 * recording fake and the same code could run from another host. `actionsCore()` in
 * core-adapter.ts is the real one, used only by index.ts.
 */

/** Where an annotation points (the same shape as `@actions/core`'s AnnotationProperties). */
export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface ActionCore {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string, props?: AnnotationProps): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
  writeSummary(markdown: string): Promise<void>;
}
