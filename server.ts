// The HTTP server: the Remix app behind Express, with the in-process outbox
// worker. `npm start` (production build) and `npm run dev` (Vite) run it.
import cluster from "node:cluster";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { startOutboxWorker } from "~/features/notifications/worker.server.ts";
import { keepSocketWhenBodyAbandoned } from "~/lib/body-drain.server.ts";
import { expectedOrigin, isCrossSiteRequest } from "~/lib/csrf.server.ts";
import { withDatabaseOutageResponses } from "~/lib/database-outage.server.ts";
import { connectDatabase, disconnectDatabase, migrateDatabase } from "~/lib/db.server.ts";
import { getEnv } from "~/lib/env.server.ts";
import { registerMaintenanceJobs } from "~/jobs.server.ts";
import { withQueryCount } from "~/lib/query-stats.server.ts";
import { withRequestScope } from "~/lib/request-scope.server.ts";
import { refuseUnreadableUrls } from "~/lib/request-url.server.ts";
import { applyDefaultHeaders, createNonce, defaultHeaders } from "~/lib/security-headers.server.ts";

const root = path.dirname(fileURLToPath(import.meta.url));

export async function startServer({ dev = false } = {}) {
  const env = getEnv();
  const db = connectDatabase();
  const applied = await migrateDatabase(db);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  registerMaintenanceJobs();
  const worker = env.WORKER ? startOutboxWorker() : null;

  const app = express();
  app.disable("x-powered-by");
  // A hop count or the proxies' addresses (never "every hop"): req.ip is then the address the
  // nearest untrusted hop connected from, which a client cannot choose.
  if (env.TRUST_PROXY !== false) app.set("trust proxy", env.TRUST_PROXY);
  app.use(compression());
  app.use((req, _res, next) => (req.method === "GET" || req.method === "HEAD" ? withRequestScope(next) : next()));
  if (env.QUERY_STATS) {
    app.use((_req, res, next) =>
      withQueryCount((read) => {
        const writeHead = res.writeHead;
        res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
          if (!res.headersSent) res.setHeader("X-Query-Count", String(read()));
          return writeHead.apply(this, args);
        } as typeof res.writeHead;
        next();
      }),
    );
  }
  const defaults = defaultHeaders({ https: env.APP_URL.startsWith("https://") });
  app.use((req, res, next) => {
    applyDefaultHeaders(res, defaults);
    res.locals.cspNonce = createNonce();
    keepSocketWhenBodyAbandoned(req, res);
    const headers = new Headers(req.headers as Record<string, string>);
    if (isCrossSiteRequest(req.method, headers, expectedOrigin(env.APP_URL, req.protocol, req.headers.host ?? null))) {
      res.status(403).type("text/plain").send("Cross-site form posts are not accepted. Open the portal and submit the form there.");
      return;
    }
    next();
  });
  // After the default headers, so that its 400 carries them like every other answer.
  app.use(refuseUnreadableUrls);

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    app.use(vite.middlewares);
    build = async () => withDatabaseOutageResponses((await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild);
  } else {
    const client = path.join(root, "build/client");
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    // public/ files sit at the root; only a path with an extension is looked up on disk,
    // so a page request costs no file-system call.
    const publicFiles = express.static(client, { maxAge: "1h" });
    app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
    build = withDatabaseOutageResponses((await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as ServerBuild);
  }
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        socketAddress: req.socket.remoteAddress ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(env.PORT, () => resolve(s));
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.stop();
      await disconnectDatabase();
    })());
  return { server, url: env.APP_URL, close, database: db.dialect };
}

function exitOnSignals(close: () => Promise<void>) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      const timeout = setTimeout(() => process.exit(1), 10_000);
      timeout.unref();
      close().then(() => process.exit(0));
    });
  }
}

export async function main(options: { dev?: boolean }) {
  try {
    getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const processes = options.dev ? 1 : getEnv().WEB_CONCURRENCY;
  if (processes > 1 && cluster.isPrimary) {
    // Each process is a full server (as several machines would be); they share the port,
    // and sessions, throttling, files and the outbox already work across servers.
    let shuttingDown = false;
    for (let i = 0; i < processes; i++) cluster.fork();
    cluster.on("exit", (worker, code, signal) => {
      if (!shuttingDown) console.error(`Server process ${worker.process.pid} exited (${signal ?? code}).`);
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        shuttingDown = true;
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      });
    }
    return;
  }
  const { url, close, database } = await startServer(options);
  console.log(`Supplier Portal is running at ${url} (database: ${database === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
  if (getEnv().mailCapture) {
    console.log(`No RESEND_API_KEY: emails are captured, not sent. Read them at ${url}/dev/mailbox (from this machine only in production mode).`);
  }
  exitOnSignals(close);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main({ dev: process.argv.includes("--dev") });
}
