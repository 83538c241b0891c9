// A production app server meeting faults: PostgreSQL ending its connections
// (pg_terminate_backend) between requests and in the middle of a transaction,
// and the server itself killed in the middle of an upload. Needs `npm run build`
// and TEST_DATABASE_URL (a PostgreSQL server where it may create and drop a database).
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, disconnectDatabase, prisma } from "~/lib/db.server.ts";
import { LocalStorage } from "~/lib/storage.server.ts";
import { type AppServer, Browser, freePort, root, startAppServer, stopAppServer, waitUntilHealthy } from "../support/app-server.ts";
import { createMember, createSpec, createSpecShare, TEST_PASSWORD } from "../support/factories.ts";

const APP_NAME = "sp-faults-app";
const serverUrl = process.env.TEST_DATABASE_URL;
const databaseName = `sp_faults_${randomBytes(4).toString("hex")}`;
const databaseAt = (url: string, query = "") => {
  const u = new URL(url);
  u.pathname = `/${databaseName}`;
  u.search = query;
  return u.toString();
};
// The app's connections carry a name of their own, so the test ends those and never its own.
const appDatabaseUrl = serverUrl ? databaseAt(serverUrl, `?application_name=${APP_NAME}`) : "";
const testDatabaseUrl = serverUrl ? databaseAt(serverUrl) : "";
const SESSION_SECRET = randomBytes(32).toString("hex");

let storageDir = "";
const dataDirs: string[] = [];
const servers: AppServer[] = [];

async function startServer(name: string) {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `sp-faults-data-${name}-`));
  dataDirs.push(dataDir);
  const server = startAppServer(name, {
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: appDatabaseUrl,
    SESSION_SECRET,
    DATA_DIR: dataDir,
    STORAGE_DIR: storageDir,
    TRUST_PROXY: "1",
    DATABASE_POOL_SIZE: "4",
    WORKER: "false",
  });
  servers.push(server);
  await waitUntilHealthy(server);
  return server;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function appBackends(client: pg.Client) {
  // Inside a transaction pg_stat_activity would show the same snapshot every time.
  await client.query("SELECT pg_stat_clear_snapshot()");
  return client.query<{ pid: number; state: string; wait_event_type: string | null; query: string }>(
    "SELECT pid, state, wait_event_type, query FROM pg_stat_activity WHERE datname = $1 AND application_name = $2",
    [databaseName, APP_NAME],
  );
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function logIn(server: AppServer, address: string) {
  const { org, user } = await createMember("IMPORTER", "OWNER");
  const browser = new Browser(address);
  const login = await browser.request(server, "/login", { form: { email: user.email, password: TEST_PASSWORD } });
  expect(login.status).toBe(302);
  return { browser, org, user };
}

beforeAll(async () => {
  if (!serverUrl) throw new Error("The multi-server tests need TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
  if (!existsSync(path.join(root, "build/server/index.js"))) throw new Error("The multi-server tests serve the production build: run `npm run build` first.");
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await admin.end();
  storageDir = await mkdtemp(path.join(os.tmpdir(), "sp-faults-files-"));
  await startServer("A");
  connectDatabase({ url: testDatabaseUrl });
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map(stopAppServer));
  await disconnectDatabase();
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  }
  for (const dir of [storageDir, ...dataDirs]) if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe("PostgreSQL ending the app's connections", () => {
  it("between requests: the pool drops them, the process stays up and the next request is served", async () => {
    const server = servers[0]!;
    const { browser, org } = await logIn(server, "198.51.100.211");
    const burst = await Promise.all(Array.from({ length: 8 }, () => browser.request(server, `/${org.slug}`).then((r) => r.status)));
    expect(burst.every((status) => status === 200)).toBe(true);

    const ended = await withAdmin(async (client) => {
      const { rows } = await appBackends(client);
      for (const { pid } of rows) await client.query("SELECT pg_terminate_backend($1)", [pid]);
      await until("the ended connections to go", async () => ((await appBackends(client)).rows.length === 0 ? true : undefined));
      return rows.length;
    });
    expect(ended).toBeGreaterThan(0);

    const started = performance.now();
    const next = await browser.request(server, `/${org.slug}`);
    const ms = Math.round(performance.now() - started);
    expect(next.status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    expect(server.output.join("")).toContain("[database] idle connection lost: terminating connection due to administrator command");
    console.log(`${ended} idle connections ended; the next page took ${ms} ms (200)`);
  });

  it("in the middle of publishing a version: 503, none of its rows remain, and publishing again works", async () => {
    const server = servers[0]!;
    const { browser, org } = await logIn(server, "198.51.100.212");
    const factory = await createMember("FACTORY", "QUALITY");
    const { spec, version } = await createSpec(org.id, { draft: true });
    await createSpecShare(spec.id, org.id, factory.org.id);
    const versionPath = `/${org.slug}/specs/${spec.id}/v/1`;

    const outcome = await withAdmin(async (lock) => {
      // The publish transaction updates the version, then waits here for the spec row.
      await lock.query("BEGIN");
      await lock.query(`SELECT id FROM "Spec" WHERE id = $1 FOR UPDATE`, [spec.id]);
      const pending = browser.request(server, versionPath, { form: { intent: "publish" } });
      const waiting = await until("the publish transaction to wait for the lock", async () => {
        const { rows } = await appBackends(lock);
        return rows.find((row) => row.wait_event_type === "Lock" && /UPDATE "public"\."Spec"|UPDATE "Spec"/.test(row.query));
      });
      const cut = performance.now();
      await lock.query("SELECT pg_terminate_backend($1)", [waiting.pid]);
      const response = await pending;
      const ms = Math.round(performance.now() - cut);
      await lock.query("ROLLBACK");
      return { response, ms, body: await response.text() };
    });
    expect(outcome.response.status).toBe(503);
    expect(outcome.response.headers.get("retry-after")).toBe("5");
    expect(outcome.body).toContain("The portal is briefly unavailable");

    const afterCut = await prisma.specVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(afterCut).toMatchObject({ status: "DRAFT", publishedAt: null, publishedById: null });
    expect((await prisma.spec.findUniqueOrThrow({ where: { id: spec.id } })).currentVersionId).toBeNull();
    expect(await prisma.auditEvent.count({ where: { subjectId: version.id, action: "specVersion.publish" } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { to: factory.user.email } })).toBe(0);

    const again = await browser.request(server, versionPath, { form: { intent: "publish" } });
    expect(again.status).toBe(302);
    expect((await prisma.specVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("PUBLISHED");
    expect((await prisma.spec.findUniqueOrThrow({ where: { id: spec.id } })).currentVersionId).toBe(version.id);
    expect(await prisma.auditEvent.count({ where: { subjectId: version.id, action: "specVersion.publish" } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { to: factory.user.email } })).toBe(1);
    expect(server.process.exitCode).toBeNull();
    console.log(`connection ended mid-transaction: 503 ${outcome.ms} ms after pg_terminate_backend`);
  });
});

const MB = 1024 * 1024;
// A PDF header, then filler: enough for the type check, and a file that takes a while to send.
const pdfHead = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n");

/**
 * Posts a multipart upload of `totalBytes` over a raw connection, one chunk at a
 * time, until `stop` says so; resolves with the status, or with the socket error
 * when the server goes away.
 */
function slowUpload(server: AppServer, pathname: string, cookie: string, totalBytes: number) {
  const boundary = `----faults${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="Drawing rev B.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(pathname, server.url);
  let stopped = false;
  const request = http.request(url, {
    method: "POST",
    headers: {
      Cookie: cookie,
      Origin: server.url,
      "X-Forwarded-For": "198.51.100.213",
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
      "Content-Length": String(head.length + totalBytes + tail.length),
    },
  });
  const outcome = new Promise<{ status?: number; error?: string }>((resolve) => {
    request.on("response", (response) => {
      response.resume();
      resolve({ status: response.statusCode });
    });
    request.on("error", (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
  });
  void (async () => {
    request.write(head);
    request.write(pdfHead);
    let sent = pdfHead.length;
    while (!stopped && sent < totalBytes) {
      const chunk = Buffer.alloc(Math.min(256 * 1024, totalBytes - sent), 0x20);
      sent += chunk.length;
      if (!request.write(chunk)) await new Promise((resolve) => request.once("drain", resolve));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (!stopped) request.end(tail);
  })().catch(() => undefined);
  return { outcome, stop: () => ((stopped = true), request.destroy()) };
}

async function partFiles() {
  const tmp = path.join(storageDir, ".tmp");
  if (!existsSync(tmp)) return [];
  const names = (await readdir(tmp)).filter((name) => name.endsWith(".part"));
  return Promise.all(names.map(async (name) => ({ name, size: (await stat(path.join(tmp, name))).size })));
}

describe("an app server killed in the middle of an upload", () => {
  it("leaves no Attachment row without its file, only a partial file that maintenance removes, and a restarted server serves every file with a row", async () => {
    const first = servers[0]!;
    const { browser, org } = await logIn(first, "198.51.100.214");
    const { spec } = await createSpec(org.id, { draft: true });
    const editPath = `/${org.slug}/specs/${spec.id}/v/1/edit`;

    const complete = new FormData();
    complete.set("intent", "upload");
    const drawing = Buffer.concat([pdfHead, Buffer.alloc(64 * 1024, 0x20)]);
    complete.set("files", new File([new Uint8Array(drawing)], "Drawing rev A.pdf", { type: "application/pdf" }));
    expect((await browser.request(first, editPath, { form: complete })).status).toBe(302);

    const upload = slowUpload(first, editPath, `sp_session=${browser.cookie("sp_session")}`, 16 * MB);
    // The file is being written to storage (streamed, never held in memory) when the server dies.
    const partial = await until("the upload to reach storage", async () => (await partFiles()).find((part) => part.size > MB), 30_000);
    const exited = new Promise((resolve) => first.process.once("exit", resolve));
    process.kill(-first.process.pid!, "SIGKILL");
    await exited;
    upload.stop();
    const { status, error } = await upload.outcome;
    expect(status, "the killed server never answered").toBeUndefined();
    expect(error).toBeTruthy();

    const rows = await prisma.attachment.findMany({ where: { orgId: org.id } });
    expect(rows.map((row) => row.name)).toEqual(["Drawing rev A.pdf"]);
    for (const row of rows) expect(existsSync(path.join(storageDir, ...row.storageKey.split("/"))), row.name).toBe(true);
    // What the kill leaves: the half-written file, in .tmp only (a file is renamed into place once complete).
    const debris = await partFiles();
    expect(debris.map((part) => part.name)).toContain(partial.name);

    const second = await startServer("B");
    for (const row of rows) {
      const download = await browser.request(second, `/${org.slug}/files/${row.id}`);
      expect(download.status, row.name).toBe(200);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
    }
    const page = await (await browser.request(second, editPath)).text();
    expect(page).toContain("Drawing rev A.pdf");
    expect(page).not.toContain("Drawing rev B.pdf");
    const leftover = await readFile(path.join(storageDir, ".tmp", partial.name)).then((b) => b.length);

    // Maintenance removes the debris once it is an hour old, and nothing else.
    const storage = new LocalStorage(storageDir);
    expect(await storage.removeAbandonedParts(new Date(Date.now() - 60 * 60 * 1000))).toBe(0);
    expect(await storage.removeAbandonedParts(new Date(Date.now() + 1000))).toBe(debris.length);
    expect(await partFiles()).toEqual([]);
    for (const row of rows) expect(existsSync(path.join(storageDir, ...row.storageKey.split("/"))), row.name).toBe(true);
    console.log(`killed mid-upload: partial file ${(leftover / MB).toFixed(1)} MB left in .tmp, ${rows.length} row(s), all served after the restart`);
  }, 90_000);
});
