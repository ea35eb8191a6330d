/**
 * A glob's tree as a position automaton (Glushkov's: one state per character-reading piece
 * of the pattern, no empty moves), run over the path with bit sets: after each character,
 * the set of pieces that may have read it. The path is read once, left to right; each
 * character costs a few word operations for a glob of up to 64 pieces, and at most
 * (pieces × pieces / 32) for the longest — never more, however the pattern and the path are
 * made. There is no backtracking: a regular expression engine tries `*_*_*_*` against a long
 * name in every way before failing; this reads the name once.
 */
import type { GlobNode } from "./parse.ts";

const SLASH = 47;

/** What one position reads. */
type Reads =
  | { t: "char"; c: number }
  | { t: "one" }
  | { t: "all" }
  | { t: "class"; ranges: number[]; negated: boolean };

function reads(position: Reads, c: number): boolean {
  switch (position.t) {
    case "char":
      return c === position.c;
    case "one":
      return c !== SLASH;
    case "all":
      return true;
    case "class": {
      if (c === SLASH) return false;
      let found = false;
      for (let i = 0; i < position.ranges.length && !found; i += 2) {
        found = c >= (position.ranges[i] as number) && c <= (position.ranges[i + 1] as number);
      }
      return found !== position.negated;
    }
  }
}

/** Position sets of a sub-tree: can it read nothing, which positions start and end it. */
interface Part {
  nullable: boolean;
  first: number[];
  last: number[];
}

class Positions {
  /** Position 0 is the start (it reads nothing); pieces are 1…n. */
  readonly reads: Reads[] = [{ t: "all" }];
  readonly follow: Set<number>[] = [new Set()];

  private add(r: Reads): number {
    this.reads.push(r);
    this.follow.push(new Set());
    return this.reads.length - 1;
  }

  private link(from: readonly number[], to: readonly number[]): void {
    for (const p of from) for (const q of to) this.follow[p]?.add(q);
  }

  sequence(nodes: readonly GlobNode[]): Part {
    let part: Part = { nullable: true, first: [], last: [] };
    for (const node of nodes) {
      const next = this.node(node);
      this.link(part.last, next.first);
      part = {
        nullable: part.nullable && next.nullable,
        first: part.nullable ? [...part.first, ...next.first] : part.first,
        last: next.nullable ? [...part.last, ...next.last] : next.last,
      };
    }
    return part;
  }

  private node(node: GlobNode): Part {
    switch (node.t) {
      case "char":
      case "one":
      case "class": {
        const p = this.add(node);
        return { nullable: false, first: [p], last: [p] };
      }
      case "star":
      case "all": {
        const p = this.add(node.t === "star" ? { t: "one" } : { t: "all" });
        this.link([p], [p]);
        return { nullable: true, first: [p], last: [p] };
      }
      case "alt": {
        const parts = node.options.map((option) => this.sequence(option));
        return {
          nullable: parts.some((p) => p.nullable),
          first: parts.flatMap((p) => p.first),
          last: parts.flatMap((p) => p.last),
        };
      }
    }
  }
}

export interface Automaton {
  /** Whether the glob matches all of `path`. */
  accepts(path: string): boolean;
  /** How many positions it has (what a character costs grows with it). */
  readonly size: number;
}

function bits(words: number, members: Iterable<number>): Uint32Array {
  const set = new Uint32Array(words);
  for (const m of members) set[m >>> 5] = ((set[m >>> 5] as number) | (1 << (m & 31))) >>> 0;
  return set;
}

/** Chunk tables (the follow sets of every 8 positions, for each of their 256 subsets) are
 * built for globs of at most this many words of positions; longer ones visit each bit. */
const TABLE_WORDS = 2;

export function automaton(nodes: readonly GlobNode[]): Automaton {
  const positions = new Positions();
  const root = positions.sequence(nodes);
  positions.follow[0] = new Set(root.first);
  const size = positions.reads.length;
  const words = (size + 31) >>> 5;
  const follow = positions.follow.map((f) => bits(words, f));
  const final = bits(words, root.nullable ? [...root.last, 0] : root.last);
  const pieces = positions.reads;

  // Which positions read each ASCII character; other characters are worked out when seen.
  const readersOf = (c: number) =>
    bits(
      words,
      pieces.flatMap((r, p) => (p > 0 && reads(r, c) ? [p] : [])),
    );
  const ascii = Array.from({ length: 128 }, (_, c) => readersOf(c));
  const others = new Map<number, Uint32Array>();
  const readers = (c: number): Uint32Array => {
    if (c < 128) return ascii[c] as Uint32Array;
    let set = others.get(c);
    if (!set) {
      set = readersOf(c);
      if (others.size < 1024) others.set(c, set);
    }
    return set;
  };

  const chunks = words <= TABLE_WORDS ? words * 4 : 0;
  const table = new Uint32Array(chunks * 256 * words);
  for (let k = 0; k < chunks; k++) {
    for (let b = 1; b < 256; b++) {
      const low = 31 - Math.clz32(b & -b);
      const rest = (k * 256 + (b & (b - 1))) * words;
      const into = (k * 256 + b) * words;
      const from = follow[k * 8 + low];
      for (let w = 0; w < words; w++) {
        table[into + w] = ((table[rest + w] as number) | (from?.[w] ?? 0)) >>> 0;
      }
    }
  }

  // Scratch sets, reused by every call (JavaScript runs one call at a time).
  let just = new Uint32Array(words); // positions that read the last character
  let next = new Uint32Array(words);

  /** next = the union of the follow sets of the positions in `just`. */
  function advance(): void {
    next.fill(0);
    if (chunks > 0) {
      for (let k = 0; k < chunks; k++) {
        const b = ((just[k >>> 2] as number) >>> ((k & 3) * 8)) & 255;
        if (b === 0) continue;
        const at = (k * 256 + b) * words;
        for (let w = 0; w < words; w++)
          next[w] = ((next[w] as number) | (table[at + w] as number)) >>> 0;
      }
      return;
    }
    for (let w = 0; w < words; w++) {
      let word = just[w] as number;
      while (word !== 0) {
        const low = 31 - Math.clz32(word & -word);
        word = (word & (word - 1)) >>> 0;
        const f = follow[w * 32 + low] as Uint32Array;
        for (let v = 0; v < words; v++) next[v] = ((next[v] as number) | (f[v] as number)) >>> 0;
      }
    }
  }

  // Globs of up to 31 pieces (most) keep their sets in one number.
  if (words === 1) {
    const table1 = Int32Array.from(table);
    const ascii1 = Int32Array.from(ascii, (set) => set[0] as number);
    const final1 = final[0] as number;
    const accepts1 = (path: string): boolean => {
      let set = 1; // the start position
      for (let i = 0; i < path.length; i++) {
        const c = path.charCodeAt(i);
        const followers =
          (table1[set & 255] as number) |
          (table1[256 + ((set >>> 8) & 255)] as number) |
          (table1[512 + ((set >>> 16) & 255)] as number) |
          (table1[768 + (set >>> 24)] as number);
        set = followers & (c < 128 ? (ascii1[c] as number) : (readers(c)[0] as number));
        if (set === 0) return false;
      }
      return (set & final1) !== 0;
    };
    return { accepts: accepts1, size };
  }

  function accepts(path: string): boolean {
    just.fill(0);
    just[0] = 1; // the start position
    for (let i = 0; i < path.length; i++) {
      advance();
      const r = readers(path.charCodeAt(i));
      let alive = 0;
      for (let w = 0; w < words; w++) {
        const v = ((next[w] as number) & (r[w] as number)) >>> 0;
        next[w] = v;
        alive |= v;
      }
      [just, next] = [next, just];
      if (alive === 0) return false;
    }
    for (let w = 0; w < words; w++)
      if (((just[w] as number) & (final[w] as number)) !== 0) return true;
    return false;
  }

  return { accepts, size };
}
