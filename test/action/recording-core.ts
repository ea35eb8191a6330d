/** An ActionCore that records what the runner did, for assertions. */
import type { ActionCore, AnnotationProps } from "../../src/action/core.ts";

export interface RecordedAnnotation {
  level: "notice" | "warning" | "error";
  message: string;
  props: AnnotationProps | undefined;
}

export class RecordingCore implements ActionCore {
  outputs: Record<string, string> = {};
  failed: string[] = [];
  annotations: RecordedAnnotation[] = [];
  log: string[] = [];
  summary = "";

  debug(): void {}
  info(message: string): void {
    this.log.push(message);
  }
  notice(message: string, props?: AnnotationProps): void {
    this.annotations.push({ level: "notice", message, props });
  }
  warning(message: string, props?: AnnotationProps): void {
    this.annotations.push({ level: "warning", message, props });
  }
  error(message: string, props?: AnnotationProps): void {
    this.annotations.push({ level: "error", message, props });
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setFailed(message: string): void {
    this.failed.push(message);
  }
  async writeSummary(markdown: string): Promise<void> {
    this.summary += markdown;
  }
}
