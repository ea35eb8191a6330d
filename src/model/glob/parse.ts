/**
 * A deliverable's `paths` glob read into a small tree that glob/nfa.ts turns into an automaton
 * (matched in time proportional to pattern × path, whatever both contain).
 *
 * The language is picomatch's with `dot: true` and extglobs off, as plans have always used:
 * `*` and `?` within one folder name, `**` as a whole folder name for any number of folders,
 * `[a-z]` / `[!a]` / `[^a]` / `[[:digit:]]` classes, `{a,b}` choices and `{1..9}` ranges, `\`
 * to take the next character literally. Every other character is literal, `( ) | + @ !` included.
 */

/** One piece of a glob. `/` is a `char` like any other; classes and wildcards never match it. */
export type GlobNode =
  | { t: "char"; c: number }
  | { t: "one" } // `?`: one character, not "/"
  | { t: "star" } // `*`: any characters, not "/"
  | { t: "all" } // what `**` stands for: any characters, "/" included
  | { t: "class"; ranges: number[]; negated: boolean } // [lo, hi, lo, hi, …]
  | { t: "alt"; options: GlobNode[][] };

/** A choice between `nodes` and nothing. */
function optional(nodes: GlobNode[]): GlobNode {
  return { t: "alt", options: [nodes, []] };
}

const SLASH = 47;

function isSlash(node: GlobNode | undefined): boolean {
  return node?.t === "char" && node.c === SLASH;
}

const POSIX: Record<string, [string, string][]> = {
  alpha: [
    ["a", "z"],
    ["A", "Z"],
  ],
  digit: [["0", "9"]],
  alnum: [
    ["a", "z"],
    ["A", "Z"],
    ["0", "9"],
  ],
  upper: [["A", "Z"]],
  lower: [["a", "z"]],
  xdigit: [
    ["0", "9"],
    ["a", "f"],
    ["A", "F"],
  ],
  space: [
    [" ", " "],
    ["\t", "\r"],
  ],
  word: [
    ["a", "z"],
    ["A", "Z"],
    ["0", "9"],
    ["_", "_"],
  ],
};

/** `[…]` starting at `start`, or null when it is not closed (then `[` is literal). */
function parseClass(pattern: string, start: number): { node: GlobNode; end: number } | null {
  let i = start + 1;
  let negated = false;
  if (pattern[i] === "!" || pattern[i] === "^") {
    negated = true;
    i++;
  }
  const ranges: number[] = [];
  let first = true;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "]" && !first) return { node: { t: "class", ranges, negated }, end: i + 1 };
    first = false;
    if (ch === "[" && pattern[i + 1] === ":") {
      const close = pattern.indexOf(":]", i + 2);
      const name = close < 0 ? "" : pattern.slice(i + 2, close);
      if (Object.hasOwn(POSIX, name)) {
        for (const [lo, hi] of POSIX[name] ?? []) ranges.push(lo.charCodeAt(0), hi.charCodeAt(0));
        i = close + 2;
        continue;
      }
    }
    let lo = pattern.charCodeAt(i);
    if (ch === "\\" && i + 1 < pattern.length) lo = pattern.charCodeAt(++i);
    i++;
    let hi = lo;
    if (pattern[i] === "-" && i + 1 < pattern.length && pattern[i + 1] !== "]") {
      hi = pattern.charCodeAt(i + 1);
      if (pattern[i + 1] === "\\" && i + 2 < pattern.length) hi = pattern.charCodeAt(++i + 1);
      i += 2;
    }
    ranges.push(lo, hi);
  }
  return null;
}

/**
 * Where each `{` closes, skipping escapes and classes: a `{` without its `}` is a literal
 * character. Found once, so reading nested braces never tries the same text twice.
 */
function braceEnds(pattern: string): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (ch === "[") {
      const cls = parseClass(pattern, i);
      if (cls) i = cls.end - 1;
    } else if (ch === "{") open.push(i);
    else if (ch === "}" && open.length > 0) ends.set(open.pop() as number, i);
  }
  return ends;
}

/** The most values the `{a..b}` ranges of one pattern may stand for, together. */
export const MAX_RANGE_VALUES = 64;

function integer(text: string): number | undefined {
  if (!/^-?\d{1,9}$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The values of `{1..10}`, `{01..10}`, `{1..9..2}` or `{a..e}`, as bash writes them; undefined
 * when `body` is not a range; "too-many" when they are more than `room`.
 */
function rangeValues(body: string, room: number): string[] | "too-many" | undefined {
  const parts = body.split("..");
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [from, to, stepText] = parts as [string, string, string | undefined];
  const step = stepText === undefined ? 1 : integer(stepText);
  if (step === undefined) return undefined;
  const by = Math.abs(step) || 1;
  const a = integer(from);
  const b = integer(to);
  const letters = from.length === 1 && to.length === 1 && a === undefined && b === undefined;
  if (!letters && (a === undefined || b === undefined)) return undefined;
  const lo = letters ? from.charCodeAt(0) : (a as number);
  const hi = letters ? to.charCodeAt(0) : (b as number);
  if (Math.floor(Math.abs(hi - lo) / by) + 1 > room) return "too-many";
  const width = /^-?0\d/.test(from) || /^-?0\d/.test(to) ? Math.max(from.length, to.length) : 0;
  const values: string[] = [];
  for (let v = lo; lo <= hi ? v <= hi : v >= hi; v += lo <= hi ? by : -by) {
    if (letters) values.push(String.fromCharCode(v));
    else {
      const digits = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), "0");
      values.push(v < 0 ? `-${digits}` : digits);
    }
  }
  return values;
}

/** The top-level `,`-separated parts of `{…}` between `open` and `close`, or null for none. */
function braceOptions(
  pattern: string,
  open: number,
  close: number,
  ends: Map<number, number>,
): [number, number][] | null {
  const parts: [number, number][] = [];
  let from = open + 1;
  for (let i = open + 1; i < close; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (ch === "[") {
      const cls = parseClass(pattern, i);
      if (cls) i = cls.end - 1;
    } else if (ch === "{" && ends.has(i)) i = ends.get(i) as number;
    else if (ch === ",") {
      parts.push([from, i]);
      from = i + 1;
    }
  }
  if (parts.length === 0) return null;
  parts.push([from, close]);
  return parts;
}

class Reader {
  readonly pattern: string;
  readonly ends: Map<number, number>;
  /** Set when ranges stand for more values than allowed; the pattern is then refused. */
  tooManyValues = false;
  private rangeRoom = MAX_RANGE_VALUES;
  /** The last `**\/` read: a `**` right after it adds nothing (`a/**\/**\/b` is `a/**\/b`). */
  private globstar: GlobNode | undefined;

  constructor(pattern: string) {
    this.pattern = pattern;
    this.ends = braceEnds(pattern);
  }

  /** The nodes of pattern[from, to), one folder-aware sequence. */
  sequence(from: number, to: number): GlobNode[] {
    const p = this.pattern;
    const out: GlobNode[] = [];
    let i = from;
    while (i < to) {
      const ch = p[i];
      if (ch === "*") {
        let j = i;
        while (j < to && p[j] === "*") j++;
        i = this.stars({ out, from, to, start: i, end: j });
        continue;
      }
      if (ch === "?") out.push({ t: "one" });
      else if (ch === "\\" && i + 1 < to) out.push({ t: "char", c: p.charCodeAt(++i) });
      else if (ch === "[") {
        const cls = parseClass(p, i);
        if (cls && cls.end <= to) {
          out.push(cls.node);
          i = cls.end;
          continue;
        }
        out.push({ t: "char", c: p.charCodeAt(i) });
      } else if (ch === "{" && (this.ends.get(i) ?? to) < to) {
        const close = this.ends.get(i) as number;
        const alt = this.braces(i, close);
        if (alt) {
          out.push(alt);
          i = close + 1;
          continue;
        }
        out.push({ t: "char", c: p.charCodeAt(i) });
      } else out.push({ t: "char", c: p.charCodeAt(i) });
      i++;
    }
    return out;
  }

  /** `{a,b}` or `{1..3}` as a choice, or null when the braces are literal text (`{a}`). */
  private braces(open: number, close: number): GlobNode | null {
    const options = braceOptions(this.pattern, open, close, this.ends);
    if (options) return { t: "alt", options: options.map(([a, b]) => this.sequence(a, b)) };
    const values = rangeValues(this.pattern.slice(open + 1, close), this.rangeRoom);
    if (values === "too-many") {
      this.tooManyValues = true;
      return { t: "alt", options: [] };
    }
    if (!values) return null;
    this.rangeRoom -= values.length;
    return {
      t: "alt",
      options: values.map((v) => [...v].map((c): GlobNode => ({ t: "char", c: c.charCodeAt(0) }))),
    };
  }

  /**
   * A run of `*` from `start` to `end`. Exactly two forming a whole folder name are `**`: any
   * number of folders, so `a/**\/b` matches `a/b` and `a/x/y/b`, `**\/b` matches `b`, and
   * `a/**` matches `a` and all below it. A whole pattern `**.ext` (letters, digits, `_` and
   * dots after `**`) matches any path ending so: `**.md` is every Markdown file, as in GitHub
   * Actions' `paths`. Otherwise stars (three or more too) are one `*`. Returns where to read on.
   */
  private stars(params: {
    out: GlobNode[];
    from: number;
    to: number;
    start: number;
    end: number;
  }): number {
    const { out, from, to, start, end } = params;
    const p = this.pattern;
    // Exactly two: three or more stars are one `*`, as picomatch has it (`***` stays in a folder).
    const whole = end - start === 2;
    const atStart = start === from;
    const slashBefore = isSlash(out.at(-1)) && p[start - 1] === "/";
    const slashAfter = end < to && p[end] === "/";
    if (whole && out.length > 0 && out.at(-1) === this.globstar) {
      // Right after `**/`: another `**/` adds nothing, and `x/**/**` is `x/**`.
      if (slashAfter) return end + 1;
      if (end === to) {
        out.pop();
        if (out.length === 0) out.push({ t: "all" });
        else this.stars({ out, from, to, start, end });
      } else out.push({ t: "star" });
    } else if (whole && atStart && end === to) out.push({ t: "all" });
    else if (whole && (atStart || slashBefore) && slashAfter) {
      // `**/` (possibly after `/`): nothing, or any folders each ending in "/".
      this.globstar = optional([{ t: "all" }, { t: "char", c: SLASH }]);
      out.push(this.globstar);
      return end + 1;
    } else if (whole && slashBefore && end === to) {
      // `x/**`: anything below `x`, and `x` itself unless it ends in `*` (as picomatch has it).
      if (out.at(-2)?.t === "star") out.push({ t: "all" });
      else {
        out.pop();
        out.push(optional([{ t: "char", c: SLASH }, { t: "all" }]));
      }
    } else if (whole && start === 0 && to === p.length && /^\*\*(\.\w+)+$/.test(p)) {
      out.push({ t: "all" });
    } else out.push({ t: "star" });
    return end;
  }
}

/** The tree of a (normalised) glob; `tooManyValues` when a `{a..b}` range is too long. */
export function parseGlob(pattern: string): { nodes: GlobNode[]; tooManyValues: boolean } {
  const reader = new Reader(pattern);
  const nodes = reader.sequence(0, pattern.length);
  return { nodes, tooManyValues: reader.tooManyValues };
}
