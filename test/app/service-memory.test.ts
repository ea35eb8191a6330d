/**
 * The App as `npm start` runs it, in its own process: an unsigned 100 MiB POST is refused with
 * 413 and the process's memory never grows towards the body's size.
 */
import { request } from "node:http";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.ts";
import { type ServiceProcess, startService } from "./support/service.ts";

let gh: FakeGitHub;
let app: ServiceProcess | undefined;

beforeEach(async () => {
  gh = await startFakeGitHub({ repos: [{ owner: "acme", name: "canteen" }] });
});

afterEach(async () => {
  await app?.kill("SIGKILL");
  await gh.close();
});

/** Streams 100 MiB without a declared length (so it cannot be refused from the headers). */
function flood(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "flood",
        "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
      },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < 100 && !answered) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

it("answers an unsigned 100 MiB body 413 and stays far under 300 MB", async () => {
  app = await startService({ githubUrl: gh.url });
  expect(await flood(app.url)).toBe(413);
  expect(await app.peakRssMb()).toBeLessThan(300);
}, 60_000);
