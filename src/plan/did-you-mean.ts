/**
 * "Did you mean …?" suggestions for misspelt keys and ids. Uses the optimal string
 * alignment distance, so a swapped pair of letters ("dispaly") counts as one edit.
 */

/** Scratch space for editDistance's rows, grown to the longest candidate seen. */
let rows = new Int32Array(3 * 64);

/**
 * Edit distance with adjacent transpositions; case-insensitive. With `max`, stops early
 * and returns `max + 1` once the distance must exceed it.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // Three rolling rows instead of a matrix, kept between calls: plans can hold thousands of
  // ids, and a typo check runs against each of them.
  if (rows.length < 3 * (t.length + 1)) rows = new Int32Array(3 * (t.length + 1) * 2);
  let before = rows.subarray(0, t.length + 1);
  let previous = rows.subarray(t.length + 1, 2 * (t.length + 1));
  let current = rows.subarray(2 * (t.length + 1), 3 * (t.length + 1));
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
 * Characters a validation run may compare for its suggestions (`SuggestionBudget`): about
 * twenty typos against 200 ids of 20 characters, or one against 3,000. A plan may list
 * thousands of misspelt ids against thousands of defined ones (a pull request's head plan of
 * 300 KB with 3,000 of each took a minute); past the budget, unknown ids are still reported,
 * without a suggestion. Only the first 200 findings are listed anyway.
 */
export const SUGGESTION_BUDGET = 2_000_000;

/** One comparison's own cost, in characters compared. */
const COMPARISON_COST = 100;

/** Work left for suggestions, shared by the rules of one validation run. */
export interface SuggestionBudget {
  left: number;
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo:
 * at most a third of the input's length in edits (and at least one allowed).
 */
export function didYouMean(params: {
  input: string;
  candidates: Iterable<string>;
  budget?: SuggestionBudget;
}): string | undefined {
  const { input, budget } = params;
  // Very long inputs are not typos of short keys; skip the quadratic work.
  if (input.length > 200) return undefined;
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of params.candidates) {
    if (candidate === input || Math.abs(candidate.length - input.length) > limit) continue;
    if (budget) {
      if (budget.left <= 0) break;
      // The characters compared, and what setting up one comparison costs.
      budget.left -= input.length * candidate.length + COMPARISON_COST;
    }
    const distance = editDistance(input, candidate, Math.min(limit, bestDistance));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` — did you mean "x"?` or the empty string. */
export function suggestion(params: {
  input: string;
  candidates: Iterable<string>;
  budget?: SuggestionBudget;
}): string {
  const match = didYouMean(params);
  return match === undefined ? "" : ` — did you mean "${match}"?`;
}
