// Two production app servers, as behind a load balancer: one PostgreSQL database, one
// SESSION_SECRET, one shared STORAGE_DIR (standing for a shared volume), and a data folder
// of their own each. A person's requests go to either server, and the app must not notice.
// Needs `npm run build` and TEST_DATABASE_URL (a PostgreSQL server where it may create and
// drop a database).
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, Browser, freePort, requireProductionBuild, root, startAppServer, stopAppServer, waitUntilHealthy } from "../support/app-server.ts";
import { drawingUploadForm, ONE_PAGE_PDF } from "../support/files.ts";
import { scratchDatabase } from "../support/scratch-database.ts";

const PASSWORD = "correct horse battery staple";
const SESSION_SECRET = randomBytes(32).toString("hex");
const POOL_SIZE = 3;

const tag = () => randomBytes(4).toString("hex");
let addresses = 0;
/** A documentation-range client address per browser, so that rate limits of one test never touch another. */
const newBrowser = () => new Browser(`198.51.100.${++addresses}`);

/** The path of the confirmation link queued for `email` (read from the shared database, as the worker would). */
async function confirmationPathFor(email: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ url: string }>(
      `SELECT data->>'confirmUrl' AS url FROM "OutboxEmail" WHERE "to" = $1 AND template = 'signup-confirm' ORDER BY "createdAt" DESC LIMIT 1`,
      [email],
    );
    expect(rows[0]?.url, `a confirmation email to ${email}`).toBeTruthy();
    return new URL(rows[0]!.url).pathname;
  } finally {
    await client.end();
  }
}

/** Signs up on `server` and follows the emailed link on the other server: a load balancer may send either request anywhere. */
async function signUp(browser: Browser, server: AppServer) {
  const t = tag();
  const person = { name: `Quality Lead ${t}`, email: `quality.${t}@example.com`, orgName: `Importer ${t}` };
  const response = await browser.request(server, "/signup", {
    form: { name: person.name, email: person.email, password: PASSWORD, orgName: person.orgName, orgKind: "IMPORTER" },
  });
  expect(response.status, await response.clone().text()).toBe(302);
  expect(response.headers.get("location")).toBe("/signup/sent");
  const other = server === a ? b : a;
  const confirmed = await browser.request(other, await confirmationPathFor(person.email), { form: { password: PASSWORD } });
  expect(confirmed.status, await confirmed.clone().text()).toBe(302);
  const slug = confirmed.headers.get("location")!.split("/")[1]!;
  expect(browser.cookie("sp_session")).toBeTruthy();
  return { ...person, slug };
}

const serverUrl = process.env.TEST_DATABASE_URL;
const database = scratchDatabase("sp_multi");
const databaseName = database.name;
const databaseUrl = database.url;

let a: AppServer;
let b: AppServer;
let storageDir: string;
const dataDirs: string[] = [];

/** A server on the shared database, secret and file folder, with a data folder of its own. */
async function startSharingServer(name: string, port: number, extra: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `sp-multi-data-${name}-`));
  dataDirs.push(dataDir);
  return startAppServer(name, {
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET,
    DATA_DIR: dataDir,
    STORAGE_DIR: storageDir,
    TRUST_PROXY: "1",
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    ...extra,
  });
}

beforeAll(async () => {
  if (!serverUrl) throw new Error("The multi-server tests need TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
  requireProductionBuild();
  await database.create();

  storageDir = await mkdtemp(path.join(os.tmpdir(), "sp-multi-files-"));
  const [portA, portB] = [await freePort(), await freePort()];
  const servers = [
    ["A", portA],
    ["B", portB],
  ] as const;
  const started: AppServer[] = [];
  for (const [name, port] of servers) {
    started.push(await startSharingServer(name, port));
  }
  [a, b] = started as [AppServer, AppServer];
  await Promise.all(started.map(waitUntilHealthy));
}, 120_000);

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map(stopAppServer));
  await database.drop();
  for (const dir of [storageDir, ...dataDirs]) if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe("two app servers on one PostgreSQL", () => {
  it("started together on an empty database, apply each migration once", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
      const migrations = (await readdir(path.join(root, "prisma/migrations"), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
      expect(rows.map((r) => r.migration_name).sort()).toEqual(migrations.sort());
      // One server applied them; the other waited for the lock and found nothing left to do.
      expect([a, b].filter((server) => server.output.join("").includes("Applied migrations:"))).toHaveLength(1);
    } finally {
      await client.end();
    }
  });

  it("honour a session started on either, and a logout on one ends it on both", async () => {
    const browser = newBrowser();
    const person = await signUp(browser, a);

    const onB = await browser.request(b, `/${person.slug}`);
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(person.orgName);

    const stolen = browser.cookie("sp_session")!;
    expect((await browser.request(b, "/logout", { form: {} })).headers.get("location")).toBe("/login");
    expect(browser.cookie("sp_session")).toBeUndefined();
    // The old cookie still carries a valid signature; A refuses it because the session row is gone.
    browser.setCookie("sp_session", stolen);
    const onA = await browser.request(a, `/${person.slug}`);
    expect(onA.status).toBe(302);
    expect(onA.headers.get("location")).toMatch(/^\/login\?redirectTo=/);

    const again = newBrowser();
    const login = await again.request(b, "/login", { form: { email: person.email, password: PASSWORD } });
    expect(login.status).toBe(302);
    expect((await again.request(a, `/${person.slug}`)).status).toBe(200);
  });

  it("count failed logins on both toward one limit", async () => {
    const person = await signUp(newBrowser(), a);
    const attacker = newBrowser();
    const wrong = { email: person.email, password: "not the password" };
    // Three failures on A and two on B: neither server alone reaches the limit of five.
    for (const server of [a, b, a, b, a]) {
      const response = await attacker.request(server, "/login", { form: wrong });
      expect(response.status, `failure on ${server.name}`).toBe(400);
      expect(await response.text()).toContain("Wrong email or password.");
    }
    for (const server of [b, a]) {
      const response = await attacker.request(server, "/login", { form: { email: person.email, password: PASSWORD } });
      expect(response.status, `blocked on ${server.name}`).toBe(429);
      expect(await response.text()).toContain("Too many failed attempts");
    }
    // Keyed by address and account: the owner, elsewhere, still gets in.
    expect((await newBrowser().request(b, "/login", { form: { email: person.email, password: PASSWORD } })).status).toBe(302);
  });

  it("hold at most DATABASE_POOL_SIZE connections each, however many requests come in", async () => {
    const browser = newBrowser();
    const person = await signUp(browser, a);
    const statuses = await Promise.all(
      [a, b].flatMap((server) => Array.from({ length: 20 }, () => browser.request(server, `/${person.slug}`).then((r) => r.status))),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    // Idle connections stay in the pools for a while, so this sees what the burst opened.
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [databaseName]);
      expect(rows[0]!.n).toBeGreaterThan(0);
      expect(rows[0]!.n).toBeLessThanOrEqual(2 * POOL_SIZE);
    } finally {
      await client.end();
    }
  });

  it("run as several processes on one port (WEB_CONCURRENCY), each honouring a session started on another server", async () => {
    const c = await startSharingServer("C", await freePort(), { WEB_CONCURRENCY: "2" });
    try {
      await waitUntilHealthy(c);
      const browser = newBrowser();
      const person = await signUp(browser, a);
      const statuses = await Promise.all(Array.from({ length: 20 }, () => browser.request(c, `/${person.slug}`).then((r) => r.status)));
      expect(statuses.every((status) => status === 200)).toBe(true);
      // Both processes started: each says where it runs.
      await expect.poll(() => c.output.join("").split("Supplier Portal is running at").length - 1, { timeout: 30_000 }).toBe(2);
    } finally {
      await stopAppServer(c);
    }
    expect(c.process.exitCode ?? c.process.signalCode).not.toBeNull();
  });

  it("serve a file uploaded on one from the other", async () => {
    const browser = newBrowser();
    const person = await signUp(browser, a);

    const created = await browser.request(b, `/${person.slug}/specs/new`, { form: { title: "Stoneware mug 350 ml", productCode: `MUG-${tag()}` } });
    expect(created.status).toBe(302);
    const editPath = created.headers.get("location")!;
    expect(editPath).toMatch(new RegExp(`^/${person.slug}/specs/[^/]+/v/1/edit$`));

    const uploaded = await browser.request(a, editPath, { form: drawingUploadForm() });
    expect(uploaded.status, await uploaded.clone().text()).toBe(302);

    const page = await (await browser.request(b, editPath)).text();
    const link = page.match(new RegExp(`/${person.slug}/files/[A-Za-z0-9_-]+`))?.[0];
    expect(link, "the editor on B lists the drawing uploaded on A").toBeTruthy();
    for (const server of [b, a]) {
      const download = await browser.request(server, link!);
      expect(download.status, `download from ${server.name}`).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(ONE_PAGE_PDF)).toBe(true);
    }
  });
});
