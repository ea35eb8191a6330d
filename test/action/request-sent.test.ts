import { channel } from "node:diagnostics_channel";
import { describe, expect, it } from "vitest";
import { requestSent } from "../../src/action/request-sent.ts";

const sendHeaders = channel("undici:client:sendHeaders");
const state = (p: Promise<void>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  return async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return done;
  };
};

describe("requestSent (the mode's code loads once the first request has left)", () => {
  it("waits until fetch reports the request's headers written", async () => {
    const done = state(requestSent(new Promise(() => {})));
    expect(await done()).toBe(false);
    sendHeaders.publish({ request: {} });
    expect(await done()).toBe(true);
    expect(sendHeaders.hasSubscribers).toBe(false);
  });

  it("does not wait for a fetch that reports nothing once the request settled, even failed", async () => {
    let fail: (e: Error) => void = () => {};
    const done = state(requestSent(new Promise((_, reject) => (fail = reject))));
    expect(await done()).toBe(false);
    fail(new Error("404"));
    expect(await done()).toBe(true);
    expect(sendHeaders.hasSubscribers).toBe(false);
  });

  it("the Action's own fetch reports the request: a real request over loopback ends the wait", async () => {
    const { createServer } = await import("node:http");
    const server = createServer((_req, res) => setTimeout(() => res.end("{}"), 200));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const answer = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
      let answered = false;
      void answer.then(() => {
        answered = true;
      });
      await requestSent(answer);
      // Resolved by the channel, before the (delayed) answer arrived.
      expect(answered).toBe(false);
      await answer;
    } finally {
      server.close();
    }
  });
});
