/**
 * `file` criteria read headings with a line scanner when a document is made only of ATX
 * headings, plain paragraphs, simple lists and fenced code (src/criteria/headings.ts), and
 * with marked otherwise. Whenever the scanner answers, it must find exactly what marked finds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lexedHeadings, markdownHeadings, quickHeadings } from "../../src/criteria/headings.ts";

const sorted = (set: Set<string>) => [...set].sort();

/** Lines the scanner reads, lines it must hand to marked, and lines in between. */
const LINES = [
  // ATX headings and near misses.
  "# Intro",
  "## Next steps ##",
  "### Trailing #",
  "## Hash#tag #",
  "#NoSpace",
  "####### Seven",
  "   # Indented three",
  "    # Indented four",
  "# Escaped \\#",
  "# **Bold** title",
  "# Link [text](x)",
  "#",
  "# ",
  "#\u00a0Nbsp",
  "# Foo #\t",
  "#\tTab",
  "  # two-space heading",
  // Fences and near misses.
  "```",
  "```js",
  "````",
  "~~~",
  "~~~~",
  "   ```",
  "    ```",
  "``` x`y",
  "```   ",
  "``` x",
  "```\t",
  "~~~ ~",
  " ~~~~~",
  "``",
  // Paragraph text.
  "Text with `code` and a [link](x).",
  "plain words",
  "1.5 apples",
  "(paren)",
  '"quoted"',
  "`code` first",
  "123",
  "Émile",
  "!bang",
  // Lists.
  "- item",
  "* item",
  "+ item",
  "1. one",
  "2) two",
  "-    spaced",
  "- # heading in item",
  "  - nested",
  "- ",
  "-",
  "10. ten",
  "1234567890. too long",
  // Everything else.
  "> quote",
  "> # quoted heading",
  "<div>",
  "<!-- # comment -->",
  "| a | b |",
  "a | b",
  "--- | ---",
  "---",
  "===",
  "***",
  "___",
  "[ref]: /url",
  "\ttab",
  "  \t",
  "- - -",
  "* * *",
  "_em_",
  "*em*",
  "&amp;",
  "\\# escaped",
  "",
  "   ",
  "Setext",
  "~strike~",
  "x\u2028y",
];

const documents = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 14 }), fc.boolean())
  .map(([lines, newline]) => lines.join("\n") + (newline ? "\n" : ""));

describe("the heading scanner", () => {
  it("finds exactly what marked finds whenever it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(documents, (doc) => {
        const quick = quickHeadings(doc);
        if (quick === null) return;
        answered++;
        expect(sorted(quick)).toEqual(sorted(lexedHeadings(doc)));
      }),
      { numRuns: Number(process.env.HEADINGS_RUNS ?? 4000) },
    );
    // The comparison is not vacuous: a good share of the documents stay on the scanner.
    expect(answered).toBeGreaterThan(400);
  });

  it("reads headings, paragraphs, lists and fenced code itself", () => {
    const listed = ["# Introduction", "", "- a point", "- another", "", "## Methodology ##"];
    const fenced = [
      "Text with `code` and a [link](https://example.com).",
      "```",
      "## Not one",
      "```",
    ];
    for (const lines of [listed, fenced, [...fenced, ...listed.slice(0, 1)]]) {
      expect(quickHeadings(lines.join("\n"))).not.toBeNull();
    }
    expect(sorted(markdownHeadings(listed.join("\n")))).toEqual(["introduction", "methodology"]);
    expect(sorted(markdownHeadings([...fenced, "# After"].join("\n")))).toEqual(["after"]);
  });

  it("hands quotes, tables, setext headings and indented code to marked", () => {
    for (const doc of [
      "> # Quoted",
      "Title\n=====",
      "a | b\n--- | ---",
      "    # code",
      "- item\n  ```\n# x\n  ```",
    ]) {
      expect(quickHeadings(doc)).toBeNull();
      expect(sorted(markdownHeadings(doc))).toEqual(sorted(lexedHeadings(doc)));
    }
    expect(sorted(markdownHeadings("> # Quoted"))).toEqual(["quoted"]);
    expect(sorted(markdownHeadings("Title\r\n=====\r\n"))).toEqual(["title"]);
  });
});
