/**
 * How one replay delivers the recorded history: the changes happen on GitHub in their
 * recorded order (GitHub's state only moves forward), but each webhook is sent at some later
 * step — delayed, reordered, and a third of them delivered again with the same
 * X-GitHub-Delivery id (GitHub's redelivery), some long after the history ended.
 * Deterministic for a seed.
 */

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface Schedule {
  /** `sends[step]`: indexes of the events whose webhook is sent right after change `step`. */
  sends: number[][];
  /** Sent after the last change, in this order. */
  late: number[];
  /** Steps after which the sender waits for the App to go idle (varies what it sees). */
  pauses: Set<number>;
  /** How many sends repeat a delivery id already sent. */
  duplicates: number;
}

export function makeSchedule(params: {
  events: number;
  seed: number;
  /** Most steps a webhook can lag behind its change (default 40). */
  maxDelay?: number;
  /** Share of webhooks delivered twice (default 0.3). */
  duplicateShare?: number;
  /** Chance, per step, that the sender waits for the App to go idle (default 0.03). */
  pauseShare?: number;
}): Schedule {
  const rand = random(params.seed);
  const maxDelay = params.maxDelay ?? 40;
  const share = params.duplicateShare ?? 0.3;
  const n = params.events;
  const sends: number[][] = Array.from({ length: n }, () => []);
  const late: number[] = [];
  let duplicates = 0;
  const at = (event: number, delay: number) => {
    const step = event + delay;
    if (step < n) sends[step]?.push(event);
    else late.push(event);
  };
  for (let i = 0; i < n; i++) {
    // Mostly short delays, now and then a long one.
    at(i, Math.floor(rand() ** 3 * maxDelay));
    if (rand() < share) {
      at(i, Math.floor(rand() * maxDelay * 2));
      duplicates++;
    }
  }
  const pauses = new Set<number>();
  for (let s = 0; s < n; s++) if (rand() < (params.pauseShare ?? 0.03)) pauses.add(s);
  return {
    sends: sends.map((batch) => shuffled(batch, rand)),
    late: shuffled(late, rand),
    pauses,
    duplicates,
  };
}
