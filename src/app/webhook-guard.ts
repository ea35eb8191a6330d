/**
 * In front of Probot's webhook middleware: a webhook body is read only up to GitHub's own cap
 * (payloads are capped at 25 MB; 26 MB leaves room), so an unsigned 100 MiB POST is refused
 * with 413 before it is buffered, instead of being read whole before the signature is checked.
 * A body within the cap is handed on as text (the middleware then checks its signature).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_WEBHOOK_BYTES = 26 * 1024 * 1024;

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** How long a refused sender may go on sending (discarded) before its connection is cut. */
const DISCARD_MS = 2000;

function tooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  // The connection is cut below: its "aborted" error is expected, not a crash.
  req.on("error", () => {});
  res.writeHead(413, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end(`A webhook body may be at most ${maxBytes} bytes.\n`);
  // The rest of the body is thrown away as it comes (nothing is kept), so the sender reads
  // the answer instead of a reset; a sender that keeps going is cut off.
  req.removeAllListeners("data");
  req.resume();
  setTimeout(() => req.socket.destroy(), DISCARD_MS).unref();
}

/** Wraps a Node request handler so the webhook path's bodies are capped at `maxBytes`. */
export function guardWebhookBodies(params: {
  path: string;
  handler: Handler;
  maxBytes?: number;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const maxBytes = params.maxBytes ?? MAX_WEBHOOK_BYTES;
  // A sender that hangs up mid-request rejects the handler's read of it: answered with a 400
  // when still possible, never an unhandled rejection (which would end the process).
  const run = (req: IncomingMessage, res: ServerResponse): void => {
    Promise.resolve()
      .then(() => params.handler(req, res))
      .catch(() => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
          res.end("The request could not be read.\n");
        }
      });
  };
  return (req, res) => {
    const pathname = (req.url ?? "/").split("?")[0]?.replace(/\/+$/, "") ?? "";
    if (req.method !== "POST" || pathname !== params.path.replace(/\/+$/, "")) {
      run(req, res);
      return;
    }
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(req, res, maxBytes);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        chunks.length = 0;
        tooLarge(req, res, maxBytes);
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => {
      refused = true;
    });
    req.on("end", () => {
      if (refused) return;
      // @octokit/webhooks takes a string body as the raw payload and verifies its signature.
      (req as IncomingMessage & { body?: string }).body = Buffer.concat(chunks).toString("utf8");
      run(req, res);
    });
  };
}
