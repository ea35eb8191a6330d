/**
 * A stateful fake of GitHub's API on a loopback HTTP server, for end-to-end tests of the
 * Action and the App: REST endpoints the port uses, GraphQL executed against GitHub's real
 * schema, every request contract-checked (a violation answers 400 and is recorded), every
 * request recorded, and faults injectable.
 *
 *   const gh = await startFakeGitHub({ repos: [{ owner: "acme", name: "canteen", … }] });
 *   createClient({ token: "t", baseUrl: gh.url, … });   // or GITHUB_API_URL=gh.url
 *   gh.state.repos[0].milestones; gh.requests; gh.violations; await gh.close();
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { validateGraphQL, validateRestRequest } from "../contract.ts";
import { executeGraphQL } from "./graphql.ts";
import { handleRest, type RestResponse } from "./rest.ts";
import { type FakeRepo, type FakeRepoSeed, makeRepo } from "./state.ts";

export type { FakeRepo, FakeRepoSeed } from "./state.ts";

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  body: unknown;
  status: number;
}

export interface Fault {
  method?: string;
  /** Exact path, or a pattern tested against the path (without query). */
  path: string | RegExp;
  /** How many matching requests fail (default 1). */
  times?: number;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeGitHub {
  /** Base URL for Octokit (`baseUrl`) / GITHUB_API_URL; GraphQL is at `${url}/graphql`. */
  url: string;
  state: { repos: FakeRepo[] };
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Contract violations (each also answered 400). */
  violations: { method: string; path: string; message: string }[];
  /** The named repository's state. */
  repo(fullName: string): FakeRepo;
  /** Make the next matching request(s) fail, e.g. 502, or 403 secondary rate limit. */
  fault(fault: Fault): void;
  /** Requests that wrote (POST/PATCH/PUT/DELETE), excluding GraphQL reads. */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeGitHub(params: { repos: FakeRepoSeed[] }): Promise<FakeGitHub> {
  const state = { repos: params.repos.map(makeRepo) };
  const requests: RecordedRequest[] = [];
  const violations: FakeGitHub["violations"] = [];
  const faults: (Fault & { left: number })[] = [];
  let url = "";

  const server = createServer(async (req, res) => {
    const method = req.method ?? "GET";
    const full = new URL(req.url ?? "/", "http://127.0.0.1");
    // Accept both github.com-style paths and GHES-style `/api/v3/...` and `/api/graphql`.
    const path = full.pathname
      .replace(/^\/api\/v3(?=\/)/, "")
      .replace(/^\/api\/graphql$/, "/graphql");
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const send = (r: RestResponse) => {
      requests.push({ method, path, query: full.search, body, status: r.status });
      const isText = typeof r.body === "string";
      res.writeHead(r.status, {
        "content-type": isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
        "x-ratelimit-remaining": "4999",
        ...r.headers,
      });
      res.end(r.body === undefined ? "" : isText ? (r.body as string) : JSON.stringify(r.body));
    };

    // 1. Injected faults come first, like an outage would.
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === method) &&
        (typeof f.path === "string" ? f.path === path : f.path.test(path)),
    );
    if (fault) {
      fault.left--;
      send({
        status: fault.status,
        body: fault.body ?? { message: "fault injected" },
        ...(fault.headers ? { headers: fault.headers } : {}),
      });
      return;
    }

    // 2. The contract: a request GitHub would reject is answered 400 and recorded.
    const isGraphQL = path === "/graphql" && method === "POST";
    const problems = isGraphQL
      ? validateGraphQL(String((body as { query?: unknown } | undefined)?.query ?? ""))
      : validateRestRequest({ method, path, body });
    if (problems.length > 0) {
      for (const message of problems) violations.push({ method, path, message });
      send({ status: 400, body: { message: `contract violation: ${problems.join("; ")}` } });
      return;
    }

    // 3. Answer from the state.
    try {
      if (isGraphQL) {
        const b = body as { query: string; variables?: Record<string, unknown> };
        send({
          status: 200,
          body: await executeGraphQL({
            repos: state.repos,
            query: b.query,
            ...(b.variables ? { variables: b.variables } : {}),
          }),
        });
      } else {
        send(
          handleRest(state.repos, {
            method,
            path,
            query: full.searchParams,
            body: body as Record<string, unknown> | undefined,
            headers: req.headers,
            baseUrl: url,
          }),
        );
      }
    } catch (error) {
      send({ status: 500, body: { message: `fake GitHub crashed: ${(error as Error).message}` } });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    state,
    requests,
    violations,
    repo(fullName) {
      const repo = state.repos.find((r) => `${r.owner}/${r.name}` === fullName);
      if (!repo) throw new Error(`fake GitHub has no repository ${fullName}`);
      return repo;
    },
    fault(f) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    writes() {
      return requests.filter((r) => r.method !== "GET" && r.path !== "/graphql");
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
