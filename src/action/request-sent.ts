/**
 * Resolves once the first request's headers are on the wire (Node's built-in fetch reports
 * it on the `undici:client:sendHeaders` diagnostics channel), or once `settled` settles,
 * whichever comes first.
 *
 * Why: the Action sends its first request, then loads the code of its mode while the answer
 * travels. Compiling that code blocks the thread for tens of milliseconds; started before the
 * request has left (the client's hooks and the throttle take a few turns of the event loop,
 * and the first fetch loads undici), it would hold the request back instead of overlapping
 * with it. `settled` covers a fetch that reports nothing (an interceptor in tests, a proxy).
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";

const CHANNEL = "undici:client:sendHeaders";

export function requestSent(settled: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      unsubscribe(CHANNEL, done);
      resolve();
    };
    subscribe(CHANNEL, done);
    settled.then(done, done);
  });
}
