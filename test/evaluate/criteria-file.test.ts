import { describe, expect, it } from "vitest";
import { firstCriterion, onePlan, snapshot } from "./helpers.ts";

const README = [
  "# Introduction",
  "",
  "Some text with a+b (c) [d] and $5.",
  "",
  "##   Methodology   ",
  "",
  "```md",
  "## Preliminary findings",
  "```",
  "",
  "    ### Indented code heading",
  "",
  "> ### Quoted heading",
  "",
  "Setext heading",
  "--------------",
  "",
  "###### Level **six**",
  "",
  "####### seven hashes is not a heading",
].join("\n");

describe("file: PATH", () => {
  const cases: {
    name: string;
    criterion: Record<string, unknown>;
    met: boolean;
    detail: RegExp;
  }[] = [
    {
      name: "exists",
      criterion: { file: "docs/README.md" },
      met: true,
      detail: /^docs\/README.md exists$/,
    },
    {
      name: "missing file",
      criterion: { file: "docs/missing.md" },
      met: false,
      detail: /^docs\/missing.md does not exist on the default branch$/,
    },
    {
      name: "headings are trimmed and case-insensitive",
      criterion: { file: "docs/README.md", headings: ["introduction", " METHODOLOGY "] },
      met: true,
      detail: /all 2 required headings/,
    },
    {
      name: "a heading only in a fenced code block does not count",
      criterion: { file: "docs/README.md", headings: ["Introduction", "Preliminary findings"] },
      met: false,
      detail: /^docs\/README.md: missing heading "Preliminary findings"$/,
    },
    {
      name: "a heading only in an indented code block does not count",
      criterion: { file: "docs/README.md", headings: ["Indented code heading"] },
      met: false,
      detail: /missing heading "Indented code heading"/,
    },
    {
      name: "setext, quoted and level-six headings count; emphasis is read as text",
      criterion: {
        file: "docs/README.md",
        headings: ["Setext heading", "Quoted heading", "level six"],
      },
      met: true,
      detail: /all 3 required headings/,
    },
    {
      name: "seven hashes is not a heading",
      criterion: { file: "docs/README.md", headings: ["seven hashes is not a heading"] },
      met: false,
      detail: /missing heading/,
    },
    {
      name: "a heading must be a heading, not body text",
      criterion: { file: "docs/README.md", headings: ["Some text with a+b (c) [d] and $5."] },
      met: false,
      detail: /missing heading/,
    },
    {
      name: "contains is literal, with regex metacharacters",
      criterion: { file: "docs/README.md", contains: ["a+b (c) [d] and $5."] },
      met: true,
      detail: /the required text/,
    },
    {
      name: "contains is not a regular expression",
      criterion: { file: "docs/README.md", contains: ["a.b", "Intro.*"] },
      met: false,
      detail: /^docs\/README.md: missing text "a.b" and "Intro.\*"$/,
    },
    {
      name: "contains is case-sensitive",
      criterion: { file: "docs/README.md", contains: ["# introduction"] },
      met: false,
      detail: /missing text "# introduction"/,
    },
    {
      name: "text inside a code block counts for contains",
      criterion: { file: "docs/README.md", contains: ["## Preliminary findings"] },
      met: true,
      detail: /exists/,
    },
    {
      name: "names every missing heading and text",
      criterion: {
        file: "docs/README.md",
        headings: ["Results", "Discussion"],
        contains: ["TODO"],
      },
      met: false,
      detail: /missing headings "Results" and "Discussion"; missing text "TODO"/,
    },
    {
      name: "says what it found, headings and text",
      criterion: {
        file: "docs/README.md",
        headings: ["Introduction", "Methodology"],
        contains: ["a+b"],
      },
      met: true,
      detail: /^docs\/README.md exists with all 2 required headings and the required text$/,
    },
    {
      name: "one required heading and several texts",
      criterion: { file: "docs/README.md", headings: ["Introduction"], contains: ["a+b", "$5"] },
      met: true,
      detail: /^docs\/README.md exists with the required heading and all 2 required texts$/,
    },
  ];

  it.each(cases)("$name", ({ criterion, met, detail }) => {
    const result = firstCriterion(
      onePlan([criterion]),
      snapshot({ files: { "docs/README.md": README } }),
    );
    expect(result.kind).toBe("file");
    expect(result.met).toBe(met);
    expect(result.detail).toMatch(detail);
  });

  it("writes a path beyond Latin-1 as it is, met or not", () => {
    const files = { "docs/παραδοτέο 🚀.md": "# Εισαγωγή\n" };
    const met = firstCriterion(
      onePlan([{ file: "docs/παραδοτέο 🚀.md", headings: ["εισαγωγή"] }]),
      snapshot({ files }),
    );
    expect(met.detail).toBe("docs/παραδοτέο 🚀.md exists with the required heading");
    const unmet = firstCriterion(
      onePlan([{ file: "docs/παραδοτέο 🚀.md", headings: ["Μέθοδος"] }]),
      snapshot({ files }),
    );
    expect(unmet.detail).toBe('docs/παραδοτέο 🚀.md: missing heading "Μέθοδος"');
  });

  it("Windows line endings and inline markup in headings", () => {
    const text = "# Intro `v2`\r\n\r\nText\r\n\r\n## [Results](results.md)\r\n";
    const result = firstCriterion(
      onePlan([{ file: "a.md", headings: ["intro v2", "Results", "[Results](results.md)"] }]),
      snapshot({ files: { "a.md": text } }),
    );
    expect(result.met).toBe(true);
  });

  it("an empty file exists", () => {
    const result = firstCriterion(
      onePlan([{ file: "empty.md" }]),
      snapshot({ files: { "empty.md": "" } }),
    );
    expect(result.met).toBe(true);
  });

  it("a generated name says what is checked", () => {
    const result = firstCriterion(
      onePlan([{ file: "docs/README.md", headings: ["Introduction"], contains: ["x", "y"] }]),
      snapshot(),
    );
    expect(result.name).toBe(
      "File docs/README.md with 1 required heading and containing 2 required texts",
    );
  });
});
