/**
 * Maps a data path (`["milestones", 1, "due"]`) back to the YAML node it came from, so a
 * finding points at the offending key or value. When the path does not exist (a missing
 * key), the nearest existing ancestor is used: the map the key is missing from.
 */
import {
  CST,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  type Node,
  type YAMLMap,
} from "yaml";

export type PathSegment = string | number;

/** Where a finding points: the key of the last segment, or its value. */
export type Anchor = "key" | "value";

export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

interface Located {
  key?: Node;
  value?: Node;
  /** How many segments of the path were found. */
  depth: number;
}

function resolve(doc: Document, node: unknown): unknown {
  // Follow an alias into its anchor's node to walk further; positions stay at the alias.
  return isAlias(node) ? node.resolve(doc) : node;
}

type MapNode = YAMLMap<unknown, unknown>;
type PairNode = MapNode["items"][number];

/**
 * Each map's pairs by key text, built on the first lookup in that map: a finding for each of
 * 30,000 unknown keys would otherwise scan the map once per finding (minutes, not seconds).
 */
const keyIndexes = new WeakMap<MapNode, Map<string, PairNode>>();

function keyIndex(map: MapNode): Map<string, PairNode> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const text = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      // The first of duplicate keys, as a scan from the start would find.
      if (!index.has(text)) index.set(text, pair);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

function locate(doc: Document, path: readonly PathSegment[]): Located {
  let current: unknown = doc.contents;
  let located: Located = { value: current as Node | undefined, depth: 0 };
  for (const [i, segment] of path.entries()) {
    const container = resolve(doc, current);
    if (isMap(container)) {
      const pair = keyIndex(container).get(String(segment));
      if (!pair) return located;
      current = pair.value;
      located = {
        key: pair.key as Node,
        value: (pair.value ?? undefined) as Node | undefined,
        depth: i + 1,
      };
    } else if (isSeq(container) && typeof segment === "number") {
      const item = container.items[segment];
      if (item === undefined) return located;
      current = item;
      located = { value: item as Node, depth: i + 1 };
    } else {
      return located;
    }
  }
  return located;
}

function rangeOf(node: Node | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}

function isEmptyScalar(node: Node | undefined): boolean {
  return isScalar(node) && node.value === null;
}

/** The 1-based position of the path's key or value (falling back as described above). */
export function positionOf(params: {
  doc: Document | null;
  lineCounter: LineCounter;
  path: readonly PathSegment[];
  anchor?: Anchor;
}): Position {
  const { doc, lineCounter } = params;
  if (!doc) return { line: 1, column: 1 };
  const found = locate(doc, params.path);
  const complete = found.depth === params.path.length;
  let range: [number, number] | undefined;
  if (complete && params.anchor === "key" && found.key) range = rangeOf(found.key);
  else if (found.value && !isEmptyScalar(found.value)) range = rangeOf(found.value);
  // `due:` with nothing after it: point at the key, which is where the user looks.
  range ??= rangeOf(found.key) ?? rangeOf(found.value);
  if (!range) return { line: 1, column: 1 };
  const start = lineCounter.linePos(range[0]);
  const end = lineCounter.linePos(range[1]);
  return {
    line: Math.max(1, start.line),
    column: Math.max(1, start.col),
    endLine: Math.max(1, end.line),
    endColumn: Math.max(1, end.col),
  };
}

/**
 * The 1-based position where the value at `path` starts in a flow (JSON-style) document, or
 * of the deepest object or list on the way that exists. It streams the `yaml` Lexer's tokens
 * and builds no document: a 100 MB JSON file costs about what its tokenizing costs (a
 * Document of it would take gigabytes).
 */
export function flowPositionOf(params: { text: string; path: readonly PathSegment[] }): Position {
  const { text, path } = params;
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  const frames: { seq: boolean; index: number; key: string | undefined; expectKey: boolean }[] = [];
  let offset = 0;
  let best = 0;
  let bestDepth = -1;
  // Whether the path so far equals the first frames.length segments of `path`.
  const matches = () => {
    if (frames.length > path.length) return false;
    for (const [i, f] of frames.entries()) {
      const segment = path[i];
      if (f.seq ? f.index !== segment : f.key !== String(segment)) return false;
    }
    return true;
  };
  const valueStarts = (): boolean => {
    const top = frames.at(-1);
    if (top && !top.seq && top.expectKey) return false;
    if (frames.length > bestDepth && matches()) {
      best = offset;
      bestDepth = frames.length;
    }
    return bestDepth === path.length;
  };
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === "doc-mode" || type === "flow-error-end") continue;
    if (type === "scalar") {
      // The marker before a plain scalar (a number, true, false, null): nothing to skip.
      if (valueStarts()) break;
      continue;
    }
    const top = frames.at(-1);
    if (type === "flow-map-start" || type === "flow-seq-start") {
      if (valueStarts()) break;
      frames.push({ seq: type === "flow-seq-start", index: 0, key: undefined, expectKey: true });
    } else if (type === "flow-map-end" || type === "flow-seq-end") frames.pop();
    else if (type === "comma" && top) {
      top.index++;
      top.expectKey = true;
    } else if (type === "map-value-ind" && top) top.expectKey = false;
    else if (type === "double-quoted-scalar" || type === "single-quoted-scalar") {
      if (top && !top.seq && top.expectKey) top.key = unquote(token);
      else if (valueStarts()) break;
    } else if (type === "newline") lineCounter.addNewLine(offset + token.length);
    offset += token.length;
  }
  const { line, col } = lineCounter.linePos(best);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

function unquote(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.slice(1, -1);
  }
}
