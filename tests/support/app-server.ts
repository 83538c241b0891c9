// Real production app servers for the tests that need HTTP: started from the build
// with `npx tsx server.ts`, each in its own process group, and a small browser that
// keeps cookies and a client address of its own.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../scripts/lib/free-port.ts";

// The multi-server tests take their ports from here.
export { freePort };

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface AppServer {
  name: string;
  url: string;
  process: ChildProcess;
  output: string[];
}

export function startAppServer(name: string, env: Record<string, string>): AppServer {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(RESEND_|S3_|DATABASE_URL$|WORKER$|PORT$|APP_URL$)/.test(key)));
  // Its own process group, so that stopping it also stops the node process that tsx starts.
  const child = spawn("npx", ["tsx", "server.ts"], {
    cwd: root,
    env: { ...inherited, NODE_ENV: "production", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server: AppServer = { name, url: env.APP_URL!, process: child, output: [] };
  child.stdout!.on("data", (chunk: Buffer) => server.output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => server.output.push(chunk.toString()));
  return server;
}

export async function waitUntilHealthy(server: AppServer) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) break;
    const ok = await fetch(`${server.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Server ${server.name} did not become healthy at ${server.url}:\n${server.output.join("")}`);
}

export async function stopAppServer(server: AppServer) {
  const { process: child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid!, "SIGTERM");
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Stops the test file before it starts anything unless the production build is there: these tests serve it. */
export function requireProductionBuild() {
  if (!existsSync(path.join(root, "build/server/index.js"))) throw new Error("These tests serve the production build: run `npm run build` first.");
}

/** A production server on a free port of this machine, its APP_URL pointing there. */
export async function startAppServerOnFreePort(name: string, env: Record<string, string>) {
  const port = await freePort();
  return startAppServer(name, { PORT: String(port), APP_URL: `http://127.0.0.1:${port}`, ...env });
}

/** One person's browser: its own cookies and client address, talking to whichever server it is given. */
export class Browser {
  private cookies = new Map<string, string>();

  constructor(private readonly address: string) {}

  cookie(name: string) {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  async request(server: AppServer, pathname: string, init: { method?: string; form?: Record<string, string> | FormData } = {}) {
    const headers = new Headers({ "X-Forwarded-For": this.address });
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    let body: BodyInit | undefined;
    if (init.form) {
      // A form posted from the portal's own page: the same-origin check looks at this.
      headers.set("Origin", server.url);
      body = init.form instanceof FormData ? init.form : new URLSearchParams(init.form);
    }
    const response = await fetch(`${server.url}${pathname}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const name = pair!.slice(0, pair!.indexOf("="));
      const value = pair!.slice(pair!.indexOf("=") + 1);
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
