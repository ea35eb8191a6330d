import type { Timers } from "../../../src/app/queue.ts";

/** A clock the test advances by hand: no real waiting, no timing asserts. */
export function fakeTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const timers: Timers = {
    set(fn, ms) {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    get armed() {
      return pending.size;
    },
    /** Fires every armed timer, whenever it was due: the test closes every window at once. */
    fireAll() {
      this.advance(Number.POSITIVE_INFINITY);
    },
    /** Moves the clock and fires every timer that came due. */
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...pending]) {
        if (t.at <= now) {
          pending.delete(id);
          t.fn();
        }
      }
    },
  };
}
