/** Starts src/app/serve.ts in a child process (see service-process.ts) and talks to it. */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TEST_APP_ID, TEST_SECRET, testPrivateKey } from "./probot.ts";

const entry = fileURLToPath(new URL("./service-process.ts", import.meta.url));

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Log messages so far (stderr, pino JSON lines). */
  messages(): { level: number; msg: string }[];
  /** Peak resident memory of the process, in MiB (Linux /proc). */
  peakRssMb(): Promise<number>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export async function startService(params: {
  githubUrl: string;
  env?: Record<string, string>;
}): Promise<ServiceProcess> {
  const host = new URL(params.githubUrl).host;
  const child = spawn(process.execPath, ["--experimental-strip-types", "--no-warnings", entry], {
    env: {
      PATH: process.env.PATH ?? "",
      APP_ID: String(TEST_APP_ID),
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: TEST_SECRET,
      GHE_HOST: host,
      GHE_PROTOCOL: "http",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      NODE_ENV: "test",
      PLAN_ALIGN_RECONCILE_SECONDS: "0",
      PLAN_ALIGN_COALESCE_MS: "20",
      ...params.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: { level: number; msg: string }[] = [];
  let errText = "";
  const take = (chunk: Buffer) => {
    errText += chunk.toString();
    let nl = errText.indexOf("\n");
    while (nl >= 0) {
      const line = errText.slice(0, nl);
      errText = errText.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as { level: number; msg: string });
      } catch {
        lines.push({ level: 50, msg: line });
      }
      nl = errText.indexOf("\n");
    }
  };
  child.stderr?.on("data", take);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const complete = out.slice(0, out.lastIndexOf("\n") + 1);
      out = out.slice(complete.length);
      for (const line of complete.split("\n")) {
        if (!line.startsWith("{")) continue;
        const parsed = JSON.parse(line) as { url?: string; level: number; msg: string };
        if (parsed.url) resolve(parsed.url);
        else lines.push(parsed);
      }
    });
    child.once("exit", (code) =>
      reject(
        new Error(`the App exited (${code}): ${lines.map((l) => l.msg).join("\n")}${errText}`),
      ),
    );
  });
  return {
    url,
    child,
    messages: () => lines,
    peakRssMb: async () => {
      const { readFile } = await import("node:fs/promises");
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    kill: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) =>
        child.once("exit", (code) => resolve(code)),
      );
      child.kill(signal);
      return exited;
    },
  };
}
