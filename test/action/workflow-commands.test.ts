/** The workflow-command protocol as the runner reads it (what @actions/core used to write). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { actionsCore } from "../../src/action/core-adapter.ts";
import { formatCommand, formatOutput } from "../../src/action/workflow-commands.ts";

const dir = mkdtempSync(join(tmpdir(), "plan-align-commands-"));

afterEach(() => {
  process.exitCode = undefined;
});

describe("workflow commands", () => {
  it("keeps a multi-line message in one command, and escapes the separators of properties", () => {
    expect(
      formatCommand(
        "warning",
        { file: ".github/plan.yml", line: 3, title: "a: b, c" },
        "50%\r\nnext",
      ),
    ).toBe("::warning file=.github/plan.yml,line=3,title=a%3A b%2C c::50%25%0D%0Anext");
    expect(formatCommand("debug", {}, "x")).toBe("::debug::x");
  });

  it("annotations carry the position under the runner's names", () => {
    const lines = captureStdout(() =>
      actionsCore({}).error("bad", {
        file: "p.yml",
        startLine: 2,
        endLine: 4,
        startColumn: 5,
        endColumn: 6,
      }),
    );
    expect(lines).toEqual(["::error file=p.yml,line=2,endLine=4,col=5,endColumn=6::bad\n"]);
  });

  it("writes outputs to GITHUB_OUTPUT with a delimiter a value cannot forge", () => {
    const file = join(dir, "output");
    writeFileSync(file, "");
    const core = actionsCore({ GITHUB_OUTPUT: file });
    core.setOutput("achieves", "a,b");
    core.setOutput("report", "line 1\nline 2");
    const text = readFileSync(file, "utf8");
    // Parsed as the runner does: name<<DELIM, lines, DELIM.
    const outputs: Record<string, string> = {};
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m = /^([^<]+)<<(ghadelimiter_[0-9a-f-]{36})$/.exec(lines[i] ?? "");
      if (!m) continue;
      const end = lines.indexOf(m[2] ?? "", i + 1);
      outputs[m[1] ?? ""] = lines.slice(i + 1, end).join("\n");
      i = end;
    }
    expect(outputs).toEqual({ achieves: "a,b", report: "line 1\nline 2" });
    expect(() => formatOutput("x", "ghadelimiter_1", "ghadelimiter_1")).toThrow("delimiter");
  });

  it("setFailed marks the step failed and says why as an error", () => {
    const lines = captureStdout(() => actionsCore({}).setFailed("plan-align: no token\nset token"));
    expect(process.exitCode).toBe(1);
    expect(lines).toEqual(["::error::plan-align: no token%0Aset token\n"]);
  });
});

function captureStdout(fn: () => void): string[] {
  const lines: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((t: string) => lines.push(t) > 0) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return lines;
}
