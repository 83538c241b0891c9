import { createServer, type Server, type Socket } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import type { ServerBuild } from "@remix-run/node";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { isDatabaseUnavailable, withDatabaseOutageResponses } from "./database-outage.server.ts";
import { UserError } from "./errors.ts";

// Real failures, no database needed: a port nobody listens on, and a server that
// accepts connections and never says a word (a database that hangs).
let closedPort = 0;
let silent: Server;
let silentPort = 0;
const sockets: Socket[] = [];

function listen(server: Server) {
  return new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  const probe = createServer();
  closedPort = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  silent = createServer((socket) => sockets.push(socket));
  silentPort = await listen(silent);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

async function failure(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

function prismaAt(port: number) {
  const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/x`, connectionTimeoutMillis: 300 });
  pool.on("error", () => undefined);
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

describe("recognising an unavailable database", () => {
  it("knows a refused connection, from node-postgres and through Prisma's model queries, raw queries and transactions", async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${closedPort}/x` });
    expect(isDatabaseUnavailable(await failure(() => client.connect()))).toBe(true);
    const { prisma, pool } = prismaAt(closedPort);
    try {
      expect(isDatabaseUnavailable(await failure(() => prisma.user.findFirst()))).toBe(true);
      expect(isDatabaseUnavailable(await failure(() => prisma.$queryRaw`SELECT 1`))).toBe(true);
      expect(isDatabaseUnavailable(await failure(() => prisma.$transaction((tx) => tx.user.findFirst())))).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it("knows a server that does not answer within the connect timeout", async () => {
    const { prisma, pool } = prismaAt(silentPort);
    try {
      const error = await failure(() => prisma.user.findFirst());
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it("leaves the app's own errors and a wrong query alone", async () => {
    const { prisma, pool } = prismaAt(closedPort);
    try {
      // Prisma checks arguments before it connects.
      const invalid = await failure(() => prisma.user.findFirst({ where: { nope: 1 } } as unknown as Parameters<typeof prisma.user.findFirst>[0]));
      expect(isDatabaseUnavailable(invalid)).toBe(false);
    } finally {
      await pool.end();
    }
    expect(isDatabaseUnavailable(new UserError("This version was already published.", 409))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(new Response("Not found", { status: 404 }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("the build with outage responses", () => {
  const refusing = async () => {
    await new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${closedPort}/x` }).connect();
  };
  const build = {
    routes: {
      root: { id: "root", path: "", module: { loader: refusing, action: refusing, default: () => null } },
      "routes/broken": { id: "routes/broken", path: "broken", parentId: "root", module: { loader: () => Promise.reject(new Error("a bug")) } },
    },
    entry: { module: { default: (_request: Request, status: number, headers: Headers) => new Response("page", { status, headers }) } },
  } as unknown as ServerBuild;
  const wrapped = withDatabaseOutageResponses(build);
  type HandlerArgs = Parameters<NonNullable<ServerBuild["routes"][string]["module"]["loader"]>>[0];
  type EntryArgs = Parameters<ServerBuild["entry"]["module"]["default"]>;
  const args = { request: new Request("http://portal.test/"), params: {}, context: {} } as unknown as HandlerArgs;
  // The entry ignores what the renderer would need; empty stand-ins are enough here.
  const entryContext = {} as EntryArgs[3];
  const loadContext = {} as EntryArgs[4];

  it("turns a loader's or an action's unavailable database into a thrown 503 with Retry-After", async () => {
    for (const handler of [wrapped.routes.root!.module.loader!, wrapped.routes.root!.module.action!]) {
      const thrown = await failure(async () => handler(args));
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(503);
      expect((thrown as Response).headers.get("Retry-After")).toBe("5");
      expect(await (thrown as Response).text()).toContain("Try again in a moment");
    }
  });

  it("lets every other error through unchanged, and keeps routes without a loader without one", async () => {
    const thrown = await failure(async () => wrapped.routes["routes/broken"]!.module.loader!(args));
    expect((thrown as Error).message).toBe("a bug");
    expect(wrapped.routes["routes/broken"]!.module.action).toBeUndefined();
  });

  it("adds Retry-After to 503 pages and data responses only", async () => {
    const page = await wrapped.entry.module.default(new Request("http://portal.test/"), 503, new Headers(), entryContext, loadContext);
    expect(page.headers.get("Retry-After")).toBe("5");
    const ok = await wrapped.entry.module.default(new Request("http://portal.test/"), 200, new Headers(), entryContext, loadContext);
    expect(ok.headers.get("Retry-After")).toBeNull();
    const data = await wrapped.entry.module.handleDataRequest!(new Response("x", { status: 503 }), args);
    expect(data.headers.get("Retry-After")).toBe("5");
  });
});
