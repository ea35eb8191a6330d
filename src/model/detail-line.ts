/**
 * One line of a criterion's detail ("3 of 36 issues closed; open: #12, #14 and 20 more"),
 * written as bytes into one reused buffer and read back once as one flat string.
 *
 * Why: an evaluation of a big plan writes thousands of these lines, and each is kept in the
 * report. Put together from template strings and joins, every line left a dozen short-lived
 * strings behind (about a kilobyte), and writing each issue number went through V8's cache of
 * number strings, which holds 16,384 of them: past that, every `String(n)` is a call into the
 * engine's runtime. Written here, a line costs the string it ends as.
 *
 * Use: `line.begin()`, then `text`, `number`, `count`, `refs` in order, then `line.end()`. One
 * buffer for every line: a line is written synchronously, with no other line begun before it
 * ends.
 */
import { formatCount } from "./words.ts";

/** How many numbers `line.refs` names before "and N more". */
export const REF_LIST_LIMIT = 10;

const CAPACITY = 1024;
/** The longest a number is written (`String(-1.2345678901234567e+308)`) and a separator. */
const NUMBER_ROOM = 32;

const bytes = Buffer.allocUnsafe(CAPACITY);
/** Bytes written so far in the line. */
let at = 0;
/** What an overfull buffer or text beyond Latin-1 already gave, before the buffer. */
let before = "";

function room(needed: number): void {
  if (at + needed <= CAPACITY) return;
  before += bytes.toString("latin1", 0, at);
  at = 0;
}

/** Writes `n` as `String(n)` does. */
function number(n: number): void {
  room(NUMBER_ROOM);
  // Issue numbers: whole, and small enough for 32-bit integer arithmetic, twice as fast.
  if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) {
    const end = at + digitCount(n);
    let rest = n;
    for (let p = end - 1; p >= at; p--) {
      const tens = (rest / 10) | 0;
      bytes[p] = 48 + rest - tens * 10;
      rest = tens;
    }
    at = end;
    return;
  }
  // Not a number GitHub gives (a hand-written snapshot): as JavaScript writes it, all ASCII.
  const written = String(n);
  for (let k = 0; k < written.length; k++) bytes[at++] = written.charCodeAt(k);
}

/** Decimal digits of a 32-bit `n` ≥ 0. */
function digitCount(n: number): number {
  if (n < 100_000) return n < 10 ? 1 : n < 100 ? 2 : n < 1_000 ? 3 : n < 10_000 ? 4 : 5;
  return n < 1_000_000 ? 6 : n < 10_000_000 ? 7 : n < 100_000_000 ? 8 : n < 1e9 ? 9 : 10;
}

/**
 * A list of `REF_LIST_LIMIT` numbers for a kind to collect the ones its line names, reused from
 * line to line (with `refs`' `filled`): thousands of criteria then leave no list behind. Read
 * only between filling it and writing the line, like the line itself.
 */
export function scratchRefs(): number[] {
  return new Array<number>(REF_LIST_LIMIT).fill(0);
}

export interface DetailLine {
  begin(): DetailLine;
  text(s: string): DetailLine;
  number(n: number): DetailLine;
  count(n: number): DetailLine;
  refs(numbers: readonly number[], total?: number, filled?: number): DetailLine;
  end(): string;
}

export const line: DetailLine = {
  begin() {
    // A line left open (its writer threw) is dropped: it never reaches the next one.
    at = 0;
    before = "";
    return line;
  },

  text(s) {
    if (s.length > CAPACITY / 4) {
      // Long text (a file path, a label): as it is, after what the buffer holds.
      before += bytes.toString("latin1", 0, at) + s;
      at = 0;
      return line;
    }
    room(s.length);
    for (let k = 0; k < s.length; k++) {
      const code = s.charCodeAt(k);
      if (code > 255) {
        // Beyond Latin-1 (a label in Greek, an emoji): the rest of this text as it is.
        before += bytes.toString("latin1", 0, at) + s.slice(k);
        at = 0;
        return line;
      }
      bytes[at++] = code;
    }
    return line;
  },

  /** A number as `String(n)` writes it (`1850`). */
  number(n) {
    number(n);
    return line;
  },

  /** A count as `formatCount` writes it (`7`, `1,850`). */
  count(n) {
    if (Number.isInteger(n) && n >= 0 && n < 1000) number(n);
    else line.text(formatCount(n));
    return line;
  },

  /**
   * `#14, #15` — at most ten, then "and N more", so details stay readable on big projects.
   * `total`: how many there are, when `numbers` holds only the first ones. `filled`: how many
   * entries of `numbers` hold them, when it is a list reused from line to line (see
   * `scratchRefs`).
   */
  refs(numbers, total = numbers.length, filled = numbers.length) {
    const shown = Math.min(filled, REF_LIST_LIMIT);
    for (let i = 0; i < shown; i++) {
      room(NUMBER_ROOM);
      if (i > 0) {
        bytes[at++] = 44; // ","
        bytes[at++] = 32; // " "
      }
      bytes[at++] = 35; // "#"
      number(numbers[i] as number);
    }
    if (total > shown) {
      line.text(" and ");
      number(total - shown);
      line.text(" more");
    }
    return line;
  },

  end() {
    const written = before + bytes.toString("latin1", 0, at);
    at = 0;
    before = "";
    return written;
  },
};
