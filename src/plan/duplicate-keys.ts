/**
 * Duplicate keys in any map of the document, found in one pass.
 *
 * Why not the `yaml` package's `uniqueKeys`: it compares each new key with every key before
 * it in the map, so a map of 33,000 keys (a 300 KB plan, under every other limit) took 7 s to
 * read. Here each map keeps its keys in a `Map` by value, the same equality yaml uses for
 * scalar keys.
 */
import { type Document, isMap, isScalar, type LineCounter, visit } from "yaml";
import type { Finding } from "../model/findings.ts";

export function duplicateKeyFindings(params: {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  limit: number;
}): Finding[] {
  const { doc, lineCounter, limit } = params;
  const findings: Finding[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const first = new Map<unknown, number>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || !key.range) continue;
        const seen = first.get(key.value);
        if (seen === undefined) {
          first.set(key.value, key.range[0]);
          continue;
        }
        const { line, col } = lineCounter.linePos(key.range[0]);
        findings.push({
          severity: "error",
          code: "yaml-duplicate-key",
          line,
          column: col,
          message: `duplicate key "${String(key.value)}" (first on line ${lineCounter.linePos(seen).line}) — a key may appear only once in a map; merge the two or delete one`,
        });
        if (findings.length >= limit) return visit.BREAK;
      }
      return undefined;
    },
  });
  return findings;
}
