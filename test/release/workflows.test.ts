/**
 * The release process: both workflows pass GitHub's own workflow parser (the one behind the
 * Actions editor), and do what the release promises.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from "@actions/workflow-parser";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

async function parse(name: string): Promise<{ text: string; template: WorkflowTemplate }> {
  const path = `.github/workflows/${name}`;
  const text = readFileSync(join(ROOT, path), "utf8");
  const result = parseWorkflow({ name: path, content: text }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  expect(errors, `${path}: parser errors`).toEqual([]);
  if (result.value === undefined) throw new Error(`${path}: no template`);
  const template = await convertWorkflowTemplate(result.context, result.value);
  expect(template.errors ?? [], `${path}: conversion errors`).toEqual([]);
  return { text, template };
}

describe(".github/workflows", () => {
  it("ci.yml: the README's test command, dist freshness, and the Action from `uses: ./` on pull requests", async () => {
    const { text, template } = await parse("ci.yml");
    expect(Object.keys(template.events)).toEqual(
      expect.arrayContaining(["pull_request", "push", "merge_group"]),
    );
    expect(template.jobs.map((j) => j.id.toString())).toEqual(["test", "dist", "smoke"]);
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("npm ci && npm test");
    expect(text).toContain("run: npm ci && npm test");
    expect(text).toContain("run: npm run check:dist");
    expect(text).toMatch(/smoke:\n\s+#[^\n]*\n\s+if: github\.event_name == 'pull_request'/);
    expect(text).toMatch(/\n\s+uses: \.\/\n/);
  });

  it("release.yml: on a v* tag, checks dist/, creates the release, moves the major tag", async () => {
    const { text, template } = await parse("release.yml");
    expect(template.events.push?.tags).toEqual(["v*"]);
    expect(text).toContain("run: npm run check:dist");
    expect(text).toContain("gh release create");
    expect(text).toMatch(/git push -f origin "refs\/tags\/\$MAJOR"/);
  });

  it("the README's copy-paste workflow is a valid workflow that runs the Action on merge queues", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /```yaml\n(# \.github\/workflows\/plan-align\.yml\n[\s\S]*?)```/.exec(
      readme,
    )?.[1];
    expect(block).toBeDefined();
    const content = block ?? "";
    const result = parseWorkflow({ name: "plan-align.yml", content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    if (result.value === undefined) throw new Error("no template");
    const template = await convertWorkflowTemplate(result.context, result.value);
    expect(template.errors ?? []).toEqual([]);
    expect(Object.keys(template.events)).toEqual(
      expect.arrayContaining(["pull_request", "merge_group", "push", "schedule"]),
    );
    expect(content).toContain("uses: plan-align/plan-align@v1");
  });

  it("one name everywhere: plan-align/plan-align", () => {
    const files = ["README.md", "CHANGELOG.md", "app.yml", "action.yml", "package.json"];
    files.push(
      ...readdirSync(join(ROOT, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
    );
    files.push(...readdirSync(join(ROOT, "schema")).map((f) => `schema/${f}`));
    const names = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const m of text.matchAll(
        /(?:github\.com\/|githubusercontent\.com\/|uses: )([\w.-]+\/plan-align)\b/g,
      )) {
        names.add(`${m[1]} in ${file}`);
      }
    }
    expect([...names].filter((n) => !n.startsWith("plan-align/plan-align in "))).toEqual([]);
    expect(names.size).toBeGreaterThan(3);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.repository.url).toBe("git+https://github.com/plan-align/plan-align.git");
  });
});
