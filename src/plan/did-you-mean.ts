/**
 * "Did you mean …?" suggestions for misspelt keys and ids. Uses the optimal string
 * alignment distance, so a swapped pair of letters ("dispaly") counts as one edit.
 */

/**
 * Edit distance with adjacent transpositions; case-insensitive. With `max`, stops early
 * and returns `max + 1` once the distance must exceed it.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // Three rolling rows instead of a matrix: plans can hold thousands of ids, and a typo
  // check runs against each of them.
  let before = new Int32Array(t.length + 1);
  let previous = new Int32Array(t.length + 1);
  let current = new Int32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) previous[j] = j;
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (
        i > 1 &&
        j > 1 &&
        s.charCodeAt(i - 1) === t.charCodeAt(j - 2) &&
        s.charCodeAt(i - 2) === t.charCodeAt(j - 1)
      ) {
        best = Math.min(best, before[j - 2] + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Each later row is at least the previous row's minimum minus what a transposition
    // can take back, so once two rows are past `max` the answer is too.
    if (rowMin > max + 1) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length];
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo:
 * at most a third of the input's length in edits (and at least one allowed).
 */
export function didYouMean(params: {
  input: string;
  candidates: Iterable<string>;
}): string | undefined {
  const { input } = params;
  // Very long inputs are not typos of short keys; skip the quadratic work.
  if (input.length > 200) return undefined;
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of params.candidates) {
    if (candidate === input || Math.abs(candidate.length - input.length) > limit) continue;
    const distance = editDistance(input, candidate, Math.min(limit, bestDistance));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` — did you mean "x"?` or the empty string. */
export function suggestion(params: { input: string; candidates: Iterable<string> }): string {
  const match = didYouMean(params);
  return match === undefined ? "" : ` — did you mean "${match}"?`;
}
