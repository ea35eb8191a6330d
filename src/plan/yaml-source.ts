/**
 * Parses the plan's YAML keeping positions, and turns every YAML-level problem (syntax,
 * duplicate keys, alias bombs, several documents, an empty file) into a positioned Finding.
 * The schema and the cross-reference rules only run on a document that parsed cleanly.
 */

import {
  Composer,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  type Node,
  Parser,
  visit,
  type YAMLError,
} from "yaml";
import type { Finding, FindingCode } from "../model/findings.ts";
import { duplicateKeyFindings } from "./duplicate-keys.ts";
import { indentationSlips } from "./indentation.ts";
import { tokenBudget } from "./yaml-budget.ts";

/** More aliases than this is refused (docs/plan-format.md), against "billion laughs" documents. */
export const MAX_ALIASES = 50;

/** YAML errors described one by one; a file with more gets the first ones only. */
const MAX_YAML_ERRORS = 100;

export interface YamlSource {
  doc: Document.Parsed | null;
  lineCounter: LineCounter;
  /** The document as plain data (undefined when it could not be built). */
  data: unknown;
  findings: Finding[];
}

function at(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(Math.max(0, offset));
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

function yamlErrorMessage(error: YAMLError): { code: FindingCode; message: string } {
  // yaml's own text sometimes carries "at line X, column Y" and a code excerpt; keep the
  // first sentence only, the position is printed in front of the message anyway.
  const raw = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  switch (error.code) {
    case "TAB_AS_INDENT":
      return {
        code: "yaml-tab",
        message:
          "a tab is used for indentation; YAML indents with spaces only — replace the tab with spaces",
      };
    case "MULTIPLE_DOCS":
      return multipleDocsMessage();
    default:
      if (/call stack/i.test(raw)) return tooDeep();
      if (raw.startsWith("Block scalar header")) {
        return {
          code: "yaml-syntax",
          message:
            'a value starting with ">" or "|" begins a block of text in YAML — put the value in quotes, e.g. target: ">= 4"',
        };
      }
      return {
        code: "yaml-syntax",
        message: `YAML syntax error: ${raw.charAt(0).toLowerCase()}${raw.slice(1)} — fix the YAML at this position`,
      };
  }
}

/** For "target: >= 4", point at the ">" the user wrote rather than at what follows it. */
function blockHeaderStart(text: string, error: YAMLError, code: FindingCode): number {
  let offset = error.pos[0];
  if (code === "yaml-syntax" && error.message.startsWith("Block scalar header")) {
    while (offset > 0 && (text[offset] === "=" || text[offset] === "-" || text[offset] === "+")) {
      offset--;
    }
  }
  return offset;
}

function tooDeep(): { code: FindingCode; message: string } {
  return {
    code: "yaml-too-deep",
    message:
      "the YAML is nested too deeply to read — a plan needs only a few levels; remove the extra brackets or indentation",
  };
}

function multipleDocsMessage(): { code: FindingCode; message: string } {
  return {
    code: "yaml-multiple-documents",
    message:
      'the file holds more than one YAML document (separated by "---"); a plan is a single document — delete this "---" and merge or remove what follows',
  };
}

function aliasFinding(params: {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}): Finding | undefined {
  const aliases: Node[] = [];
  visit(params.doc, {
    Alias(_, alias) {
      aliases.push(alias);
    },
  });
  if (aliases.length <= MAX_ALIASES) return undefined;
  const extra = aliases[MAX_ALIASES];
  return {
    severity: "error",
    code: "yaml-too-many-aliases",
    ...at(params.lineCounter, extra.range?.[0] ?? 0),
    message: `the file uses ${aliases.length} aliases (*name); at most ${MAX_ALIASES} are allowed — write the repeated values out`,
  };
}

function firstAliasOffset(doc: Document.Parsed, name?: string): number {
  let offset = 0;
  visit(doc, {
    Alias(_, alias) {
      if (name === undefined || alias.source === name) {
        offset = alias.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** Builds plain data, turning the exceptions `toJS` raises for aliases into findings. */
function toData(params: { doc: Document.Parsed; lineCounter: LineCounter }): {
  data: unknown;
  finding?: Finding;
} {
  const { doc, lineCounter } = params;
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    if (error instanceof RangeError) {
      return { data: undefined, finding: { severity: "error", line: 1, column: 1, ...tooDeep() } };
    }
    // Anything but yaml's alias guards is a bug of ours: let loadPlan report it as such.
    if (!(error instanceof ReferenceError)) throw error;
    const text = error.message;
    const unresolved = /Unresolved alias[^:]*: (.+)$/.exec(text);
    if (unresolved) {
      return {
        data: undefined,
        finding: {
          severity: "error",
          code: "yaml-syntax",
          ...at(lineCounter, firstAliasOffset(doc, unresolved[1])),
          message: `alias *${unresolved[1]} has no anchor &${unresolved[1]} before it — define the anchor first or write the value out`,
        },
      };
    }
    return {
      data: undefined,
      finding: {
        severity: "error",
        code: "yaml-too-many-aliases",
        ...at(lineCounter, firstAliasOffset(doc)),
        message: `aliases expand to too much data (more than ${MAX_ALIASES} alias resolutions) — write the repeated values out`,
      },
    };
  }
}

function kindOf(node: unknown): string {
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    return node.value === null ? "an empty value" : `the value ${JSON.stringify(node.value)}`;
  }
  if (isAlias(node)) return "an alias";
  if (isPair(node)) return "a key";
  return "something else";
}

function emptyFile(): Finding {
  return {
    severity: "error",
    code: "empty-file",
    line: 1,
    column: 1,
    message: 'the plan file is empty — start it with "version: 1" and list your milestones',
  };
}

/**
 * `parseAllDocuments`, with the budget's count of each token taken as the Lexer reads it (one
 * pass over the text, not two): past the budget the reading stops, and a document whose end
 * was not reached is never built. A plan over the budget so costs at most what the largest
 * plan under it costs (the parser's tree up to the budget, about 1 KB a token), and no more.
 */
function parseDocuments(
  text: string,
  lineCounter: LineCounter,
): { list: Document.Parsed[]; overBudget?: Finding } {
  const budget = tokenBudget(text);
  const parser = new Parser(lineCounter.addNewLine);
  let overBudget: Finding | undefined;
  function* cst() {
    lineCounter.addNewLine(0);
    for (const token of new Lexer().lex(text)) {
      overBudget = budget.take(token);
      if (overBudget) return;
      yield* parser.next(token);
    }
    yield* parser.end();
  }
  // yaml-1.1 merge keys (<<) would silently change what a plan means.
  // Duplicate keys are found afterwards, in one pass (duplicate-keys.ts).
  const composer = new Composer({ uniqueKeys: false, merge: false });
  const list = Array.from(composer.compose(cst()));
  return overBudget ? { list: [], overBudget } : { list };
}

/** Parses `text` (already without a leading BOM) into one YAML document with positions. */
export function readYaml(params: { text: string }): YamlSource {
  const lineCounter = new LineCounter();
  const { list, overBudget } = parseDocuments(params.text, lineCounter);
  if (overBudget) return { doc: null, lineCounter, data: undefined, findings: [overBudget] };
  if (list.length === 0)
    return { doc: null, lineCounter, data: undefined, findings: [emptyFile()] };

  const doc = list[0];
  const errors: Finding[] = [];
  const errorLines = new Set<number>();
  // Describing a duplicate key walks the document; past a few dozen errors the rest add
  // nothing a person reads, and describing 10,000 of them would take minutes (quadratic).
  for (const error of doc.errors.slice(0, MAX_YAML_ERRORS)) {
    const described = yamlErrorMessage(error);
    const position = at(lineCounter, blockHeaderStart(params.text, error, described.code));
    // A second error on the same line is nearly always a consequence of the first.
    if (errorLines.has(position.line)) continue;
    errorLines.add(position.line);
    errors.push({ severity: "error", ...position, ...described });
  }
  // Unknown "!tags" leave the value as plain text, so the plan still means what it says.
  const warnings: Finding[] = doc.warnings.map((warning) => ({
    severity: "warning",
    code: "yaml-tag",
    ...at(lineCounter, warning.pos[0]),
    message: `${warning.message.split("\n")[0]} — plan files use plain YAML values; remove the "!" tag`,
  }));
  if (list.length > 1) {
    errors.push({
      severity: "error",
      ...at(lineCounter, list[1].range[0]),
      ...multipleDocsMessage(),
    });
  }
  for (const duplicate of duplicateKeyFindings({ doc, lineCounter, limit: MAX_YAML_ERRORS })) {
    if (errorLines.has(duplicate.line)) continue;
    errorLines.add(duplicate.line);
    errors.push(duplicate);
  }
  const tooMany = aliasFinding({ doc, lineCounter });
  if (tooMany) errors.push(tooMany);
  if (errors.some((e) => e.code === "yaml-syntax")) {
    // One plain finding per indentation slip instead of the parser's wording for it.
    const slips = indentationSlips(params.text);
    if (slips.length > 0) {
      const others = errors.filter((e) => e.code !== "yaml-syntax");
      return { doc, lineCounter, data: undefined, findings: [...slips, ...others, ...warnings] };
    }
  }
  if (errors.length > 0) {
    return { doc, lineCounter, data: undefined, findings: [...errors, ...warnings] };
  }

  const { data, finding } = toData({ doc, lineCounter });
  if (finding) return { doc, lineCounter, data: undefined, findings: [finding, ...warnings] };
  if (data === null || data === undefined) {
    return { doc, lineCounter, data: undefined, findings: [emptyFile(), ...warnings] };
  }
  if (!isMap(doc.contents)) {
    const notMap: Finding = {
      severity: "error",
      code: "not-a-map",
      ...at(lineCounter, doc.contents?.range?.[0] ?? 0),
      message: `the plan must be a YAML map of keys (version, goals, milestones, deliverables, settings), got ${kindOf(doc.contents)} — start the file with "version: 1"`,
    };
    return { doc, lineCounter, data: undefined, findings: [notMap, ...warnings] };
  }
  return { doc, lineCounter, data, findings: warnings };
}
