/**
 * "Did you mean …?" suggestions for misspelt keys and ids. Uses the optimal string
 * alignment distance, so a swapped pair of letters ("dispaly") counts as one edit.
 */

/** Edit distance with adjacent transpositions; case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, d[i - 2][j - 2] + 1);
      }
      d[i][j] = best;
    }
  }
  return d[s.length][t.length];
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
    if (candidate === input || candidate.length > 200) continue;
    const distance = editDistance(input, candidate);
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
