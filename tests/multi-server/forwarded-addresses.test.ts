// What a client can and cannot do with X-Forwarded-For against a real production server
// with TRUST_PROXY=1 (one proxy in front) and no RESEND_API_KEY (emails captured, the
// mailbox open to this machine only). A small reverse proxy in this process stands for
// the one in front, appending the address each client connected from. To be "another
// machine", the tests connect from this machine's non-loopback address, which the server
// sees as the peer just as it would a remote host's. A second server on the same database
// lists its proxy's address (TRUST_PROXY=127.0.0.1) instead of counting hops.
// Needs `npm run build` and TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/lib/password.server.ts";
import { type AppServer, requireProductionBuild, startAppServerOnFreePort, stopAppServer, waitUntilHealthy } from "../support/app-server.ts";
import { outwardAddress, type ReverseProxy, startReverseProxy } from "../support/reverse-proxy.ts";
import { scratchDatabase } from "../support/scratch-database.ts";

const PASSWORD = "correct horse battery staple";
const tag = () => randomBytes(4).toString("hex");

const database = scratchDatabase("sp_forwarded");

let app: AppServer;
let proxy: ReverseProxy;
let outward: string;
let dataDir: string;
let db: pg.Client;

/** Where to reach the app: straight or through the proxy, from loopback or from the outward address. */
const at = (via: "app" | "proxy", from: "loopback" | "outward") =>
  `http://${from === "loopback" ? "127.0.0.1" : outward}:${via === "app" ? new URL(app.url).port : proxy.port}`;

function send(base: string, pathname: string, { forwardedFor, form, json }: { forwardedFor?: string; form?: Record<string, string>; json?: unknown } = {}) {
  const headers = new Headers();
  if (forwardedFor) headers.set("X-Forwarded-For", forwardedFor);
  let body: string | undefined;
  if (form) {
    headers.set("Origin", base);
    body = new URLSearchParams(form).toString();
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  } else if (json) {
    body = JSON.stringify(json);
    headers.set("Content-Type", "application/json");
  }
  return fetch(`${base}${pathname}`, { method: body ? "POST" : "GET", headers, body, redirect: "manual" });
}

/** A production server on this file's database, with a session secret of its own and no worker. */
function startServer(name: string, { trustProxy, dataDir }: { trustProxy: string; dataDir: string }) {
  return startAppServerOnFreePort(name, {
    DATABASE_URL: database.url,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DATA_DIR: dataDir,
    TRUST_PROXY: trustProxy,
    WORKER: "false",
  });
}

async function createAccount() {
  const email = `owner.${tag()}@example.com`;
  const id = `user_${tag()}`;
  await db.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, 'Quality Lead', now())`, [id, email]);
  await db.query(`INSERT INTO "Password" ("userId", hash) VALUES ($1, $2)`, [id, await hashPassword(PASSWORD)]);
  return email;
}

beforeAll(async () => {
  requireProductionBuild();
  outward = outwardAddress();
  await database.create();

  dataDir = await mkdtemp(path.join(os.tmpdir(), "sp-forwarded-"));
  app = await startServer("forwarded", { trustProxy: "1", dataDir });
  await waitUntilHealthy(app);
  proxy = await startReverseProxy(new URL(app.url));
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
}, 120_000);

afterAll(async () => {
  await db?.end();
  await proxy?.close();
  if (app) await stopAppServer(app);
  await database.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe("forwarded addresses with TRUST_PROXY=1", () => {
  it("a refusal to trust every hop stops the server at start, naming what to set instead", async () => {
    const refused = await startAppServerOnFreePort("trust-all", { DATA_DIR: dataDir, TRUST_PROXY: "true" });
    const code = await new Promise<number | null>((resolve) => refused.process.once("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    expect(refused.output.join("")).toContain("TRUST_PROXY: must not be true: that trusts every hop");
    expect(refused.output.join("")).toContain("or their addresses (e.g. 10.0.0.0/8 or 10.0.0.1,192.168.0.0/16)");
  });

  it("another machine claiming to be 127.0.0.1 gets 404 from the mailbox, straight or through the proxy; this machine reads it", async () => {
    const to = `invitee.${tag()}@example.com`;
    const captured = await send(at("app", "loopback"), "/dev/capture/emails", {
      json: { from: "portal@example.com", to, subject: "You are invited", html: "<p>Join</p>" },
    });
    expect(captured.status).toBe(200);

    // Straight to the server: the peer is the outward address, whatever the header says
    // (with one trusted hop, Express takes that peer for the proxy and the header's 127.0.0.1 for the client).
    expect((await send(at("app", "outward"), "/dev/mailbox", { forwardedFor: "127.0.0.1" })).status).toBe(404);
    expect(
      (
        await send(at("app", "outward"), "/dev/capture/emails", {
          forwardedFor: "127.0.0.1",
          json: { from: "x@example.com", to, subject: "Spoofed", html: "x" },
        })
      ).status,
    ).toBe(404);
    // Through the proxy: the peer is the proxy on this machine, and the client it names is the outward address.
    expect((await send(at("proxy", "outward"), "/dev/mailbox", { forwardedFor: "127.0.0.1" })).status).toBe(404);

    for (const base of [at("app", "loopback"), at("proxy", "loopback")]) {
      const local = await send(base, "/dev/mailbox");
      expect(local.status, base).toBe(200);
      expect(await local.text()).toContain(to);
    }
    const { rows } = await db.query(`SELECT subject FROM "CapturedEmail" WHERE "to" = $1`, [to]);
    expect(rows.map((r) => r.subject)).toEqual(["You are invited"]);
  });

  it("rotating X-Forwarded-For through the proxy does not escape the login throttle", async () => {
    const email = await createAccount();
    // Each guess claims another client address; the proxy appends the one it really came from.
    for (let i = 0; i < 5; i++) {
      const response = await send(at("proxy", "outward"), "/login", { forwardedFor: `203.0.113.${10 + i}`, form: { email, password: `guess-${i}-xxxx` } });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Wrong email or password.");
    }
    const blocked = await send(at("proxy", "outward"), "/login", { forwardedFor: "203.0.113.99", form: { email, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toMatch(/^(59|60)$/);
    expect(await blocked.text()).toContain("Too many failed attempts. Try again in 1 minute.");

    // All five were counted against the address the proxy saw, none against the claimed ones.
    const { rows } = await db.query<{ key: string; failures: number }>(
      `SELECT key, failures FROM "LoginThrottle" WHERE key LIKE 'login:pair:%' AND key LIKE $1`,
      [`%:${email}`],
    );
    expect(rows).toEqual([{ key: `login:pair:${outward}:${email}`, failures: 5 }]);

    // The owner, connecting from elsewhere (here: loopback) through the same proxy, gets in.
    const owner = await send(at("proxy", "loopback"), "/login", { form: { email, password: PASSWORD } });
    expect(owner.status).toBe(302);
    expect(owner.headers.getSetCookie().some((c) => c.startsWith("sp_device=") && /Path=\/(;|$)/.test(c) && /HttpOnly/i.test(c))).toBe(true);
  });
});

describe("forwarded addresses with TRUST_PROXY listing the proxy's address", () => {
  let listed: AppServer;
  let listedProxy: ReverseProxy;
  let listedDataDir: string;

  beforeAll(async () => {
    listedDataDir = await mkdtemp(path.join(os.tmpdir(), "sp-forwarded-listed-"));
    // The proxy runs on this machine, so it reaches the server from 127.0.0.1.
    listed = await startServer("listed", { trustProxy: "127.0.0.1", dataDir: listedDataDir });
    await waitUntilHealthy(listed);
    listedProxy = await startReverseProxy(new URL(listed.url));
  }, 120_000);

  afterAll(async () => {
    await listedProxy?.close();
    if (listed) await stopAppServer(listed);
    if (listedDataDir) await rm(listedDataDir, { recursive: true, force: true });
  }, 60_000);

  it("a client that skips the proxy cannot choose its address either, and through the proxy it is counted where it is", async () => {
    const email = await createAccount();
    const straight = `http://${outward}:${new URL(listed.url).port}`;
    const viaProxy = `http://${outward}:${listedProxy.port}`;
    for (let i = 0; i < 5; i++) {
      const response = await send(straight, "/login", { forwardedFor: `203.0.113.${40 + i}`, form: { email, password: `guess-${i}-xxxx` } });
      expect(response.status).toBe(400);
    }
    // The outward address is no listed proxy: its header is ignored, its own address counted.
    const { rows } = await db.query<{ key: string; failures: number }>(
      `SELECT key, failures FROM "LoginThrottle" WHERE key LIKE 'login:pair:%' AND key LIKE $1`,
      [`%:${email}`],
    );
    expect(rows).toEqual([{ key: `login:pair:${outward}:${email}`, failures: 5 }]);
    for (const base of [straight, viaProxy]) {
      const blocked = await send(base, "/login", { forwardedFor: "203.0.113.99", form: { email, password: PASSWORD } });
      expect(blocked.status, base).toBe(429);
      expect(await blocked.text()).toContain("Too many failed attempts. Try again in 1 minute.");
    }
  });
});
