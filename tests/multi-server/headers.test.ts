// The headers a real production server sends: the page policy (CSP) and its nonce,
// HSTS, caching of pages, data and files, the cross-site rule's scheme, and a 413 a
// client still sending a chunked body actually reads. Two servers on one PostgreSQL
// database of this file's own: one with an http APP_URL, one with an https APP_URL
// (served over plain http here, as behind a TLS proxy).
// Needs `npm run build` and TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, Browser, freePort, requireProductionBuild, startAppServer, stopAppServer, waitUntilHealthy } from "../support/app-server.ts";
import { drawingUploadForm } from "../support/files.ts";
import { scratchDatabase } from "../support/scratch-database.ts";

const PASSWORD = "correct horse battery staple";
// Small, so that an oversize upload is quick to send.
const UPLOAD_MAX_BYTES = 64 * 1024;

const tag = () => randomBytes(4).toString("hex");
let addresses = 0;
const newBrowser = () => new Browser(`198.51.100.${++addresses}`);

/** Signs up as a person would: the form, then the confirmation link from the queued email. */
async function signUp(browser: Browser, server: AppServer) {
  const t = tag();
  const email = `quality.${t}@example.com`;
  const posted = await browser.request(server, "/signup", {
    form: { name: `Quality Lead ${t}`, email, password: PASSWORD, orgName: `Importer ${t}`, orgKind: "IMPORTER" },
  });
  expect(posted.headers.get("location"), await posted.clone().text()).toBe("/signup/sent");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client
    .query<{ data: { confirmUrl: string } }>(
      `SELECT data FROM "OutboxEmail" WHERE "to" = $1 AND template = 'signup-confirm' ORDER BY "createdAt" DESC LIMIT 1`,
      [email],
    )
    .finally(() => client.end());
  const confirmed = await browser.request(server, new URL(rows[0]!.data.confirmUrl).pathname, { form: { password: PASSWORD } });
  expect(confirmed.status, await confirmed.clone().text()).toBe(302);
  expect(browser.cookie("sp_session")).toBeTruthy();
  return { slug: confirmed.headers.get("location")!.split("/")[1]! };
}

/** A new spec with one uploaded drawing: its editor path and the drawing's download path. */
async function specWithDrawing(browser: Browser, server: AppServer, slug: string) {
  const created = await browser.request(server, `/${slug}/specs/new`, { form: { title: "Stoneware mug 350 ml", productCode: `MUG-${tag()}` } });
  expect(created.status).toBe(302);
  const editPath = created.headers.get("location")!;
  const uploaded = await browser.request(server, editPath, { form: drawingUploadForm() });
  expect(uploaded.status, await uploaded.clone().text()).toBe(302);
  const page = await (await browser.request(server, editPath)).text();
  const filePath = page.match(new RegExp(`/${slug}/files/[A-Za-z0-9_-]+`))?.[0];
  expect(filePath, "the editor lists the drawing").toBeTruthy();
  return { editPath, filePath: filePath!, attachmentId: filePath!.split("/").pop()! };
}

/**
 * Sends a body in chunks (no Content-Length) until the server answers or `total`
 * bytes are out, as a client that does not know the size up front does.
 */
function postChunked(server: AppServer, pathname: string, headers: Record<string, string>, parts: { head?: Buffer; total: number }) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const url = new URL(pathname, server.url);
    // A connection of its own (agent: false), so that what one test leaves unsent never meets the next.
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: "POST",
      headers: { ...headers, "Transfer-Encoding": "chunked" },
      agent: false,
    });
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode!, body, sent });
        req.destroy();
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(16 * 1024, "a");
    const write = () => {
      while (!answered && sent < parts.total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!answered) req.end();
    };
    if (parts.head) {
      req.write(parts.head);
      sent += parts.head.byteLength;
    }
    write();
  });
}

const scriptTags = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];
const nonceOfPolicy = (policy: string) => policy.match(/'nonce-([^']+)'/)?.[1];

const serverUrl = process.env.TEST_DATABASE_URL;
const database = scratchDatabase("sp_headers");
const databaseUrl = database.url;
const SESSION_SECRET = randomBytes(32).toString("hex");

let plain: AppServer;
let secure: AppServer;
const dirs: string[] = [];

async function start(name: string, scheme: "http" | "https", storageDir: string) {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `sp-headers-data-${name}-`));
  dirs.push(dataDir);
  const server = startAppServer(name, {
    PORT: String(port),
    APP_URL: `${scheme}://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET,
    DATA_DIR: dataDir,
    STORAGE_DIR: storageDir,
    TRUST_PROXY: "1",
    // The test talks plain http to both; the https one still marks what it would over TLS.
    SECURE_COOKIES: "false",
    DATABASE_POOL_SIZE: "3",
    UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES),
  });
  // Requests go to the port over http whatever APP_URL says.
  server.url = `http://127.0.0.1:${port}`;
  return server;
}

beforeAll(async () => {
  if (!serverUrl) throw new Error("The header tests need TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
  requireProductionBuild();
  await database.create();
  const storageDir = await mkdtemp(path.join(os.tmpdir(), "sp-headers-files-"));
  dirs.push(storageDir);
  plain = await start("plain", "http", storageDir);
  secure = await start("secure", "https", storageDir);
  await Promise.all([plain, secure].map(waitUntilHealthy));
}, 120_000);

afterAll(async () => {
  await Promise.all([plain, secure].filter(Boolean).map(stopAppServer));
  await database.drop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe("the page policy (Content-Security-Policy)", () => {
  it("is enforced on every page, with a fresh nonce per request that every script of the page carries", async () => {
    const browser = newBrowser();
    const nonces: string[] = [];
    // The last one is an error page (404), rendered through the same entry.
    for (const pathname of ["/login", "/login", "/signup", "/invitations/not-a-real-token"]) {
      const response = await browser.request(plain, pathname);
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(response.headers.get("content-security-policy-report-only"), pathname).toBeNull();
      const nonce = nonceOfPolicy(policy);
      expect(nonce, `${pathname}: ${policy}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      const scripts = scriptTags(await response.text());
      expect(scripts.length, pathname).toBeGreaterThan(2);
      for (const script of scripts) expect(script, pathname).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it("runs only nonce scripts, loads only the app's own styles, and allows no plugins, base changes, framing or foreign form targets", async () => {
    const policy = (await newBrowser().request(plain, "/login")).headers.get("content-security-policy")!;
    const directives = Object.fromEntries(policy.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives).toMatchObject({
      "default-src": "'self'",
      "script-src": `'nonce-${nonceOfPolicy(policy)}' 'strict-dynamic'`,
      "style-src": "'self'",
      "img-src": "'self' data: blob:",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "frame-ancestors": "'none'",
      "form-action": "'self'",
    });
  });
});

describe("transport security (HSTS)", () => {
  it("is sent when APP_URL is https, and not when it is http", async () => {
    const browser = newBrowser();
    expect((await browser.request(secure, "/login")).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect((await browser.request(secure, "/healthz")).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect((await browser.request(plain, "/login")).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("caching", () => {
  it("keeps no copy of a signed-in page or of its data, while static assets are immutable", async () => {
    const browser = newBrowser();
    const { slug } = await signUp(browser, plain);
    const page = await browser.request(plain, `/${slug}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = await page.text();

    const data = await browser.request(plain, `/${slug}.data`);
    expect(data.status).toBe(200);
    expect(data.headers.get("content-type")).toContain("text/x-script");
    expect(data.headers.get("cache-control")).toBe("private, no-store");

    const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const assetResponse = await browser.request(plain, asset!);
    expect(assetResponse.status).toBe(200);
    expect(assetResponse.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("makes the browser ask again for a file every time: 304 only after the read check, 404 once it is gone or for an outsider", async () => {
    const owner = newBrowser();
    const { slug } = await signUp(owner, plain);
    const { editPath, filePath, attachmentId } = await specWithDrawing(owner, plain, slug);

    const download = await owner.request(plain, filePath);
    expect(download.status).toBe(200);
    expect(download.headers.get("cache-control")).toBe("private, no-cache");
    // Headers.get joins a repeated header with ", ": this is one header.
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    const etag = download.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

    const revalidate = (browser: Browser) =>
      fetch(`${plain.url}${filePath}`, {
        headers: { "If-None-Match": etag, "X-Forwarded-For": "198.51.100.250", Cookie: `sp_session=${browser.cookie("sp_session")}` },
        redirect: "manual",
      });
    const cached = await revalidate(owner);
    expect(cached.status).toBe(304);
    expect(cached.headers.get("etag")).toBe(etag);
    expect(cached.headers.get("cache-control")).toBe("private, no-cache");

    const outsider = newBrowser();
    await signUp(outsider, plain);
    expect((await revalidate(outsider)).status).toBe(404);

    const removed = await owner.request(plain, editPath, { form: { intent: "remove-file", attachmentId } });
    expect(removed.status).toBe(302);
    expect((await revalidate(owner)).status).toBe(404);
  });
});

describe("an oversize chunked body", () => {
  it("of a web form gets a 413 the client reads, not a reset connection", async () => {
    const answer = await postChunked(plain, "/login", { "Content-Type": "application/x-www-form-urlencoded", Origin: plain.url }, { total: 2 * 1024 * 1024 });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("The form is too large.");
  });

  it("of an upload, a file over the size limit or a body past the whole upload's limit, gets a 413 the client reads", async () => {
    const browser = newBrowser();
    const { slug } = await signUp(browser, plain);
    const created = await browser.request(plain, `/${slug}/specs/new`, { form: { title: "Enamel plate", productCode: `PLT-${tag()}` } });
    const editPath = created.headers.get("location")!;
    const boundary = `----sp${tag()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const headers = { "Content-Type": `multipart/form-data; boundary=${boundary}`, Origin: plain.url, Cookie: `sp_session=${browser.cookie("sp_session")}` };
    const answer = await postChunked(plain, editPath, { ...headers, "X-Forwarded-For": "198.51.100.251" }, { head, total: 4 * 1024 * 1024 });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/is larger than|is too large/);

    // No part boundary ever comes: the parser waits for one until the whole body's cap
    // (10 files, the form and part headers, about 0.8 MB here) cuts it off mid-stream.
    const endless = await postChunked(plain, editPath, { ...headers, "X-Forwarded-For": "198.51.100.252" }, { total: 4 * 1024 * 1024 });
    expect(endless.status).toBe(413);
    expect(endless.body).toContain("The upload is too large.");
  });
});

describe("the cross-site rule", () => {
  it("refuses a post from the app's own host over plain http when the app is https, and lets the https origin through", async () => {
    const form = { email: "nobody@example.com", password: "not the password" };
    const post = (origin: string) =>
      fetch(`${secure.url}/login`, {
        method: "POST",
        headers: { Origin: origin, "X-Forwarded-For": "198.51.100.253" },
        body: new URLSearchParams(form),
        redirect: "manual",
      });
    const host = new URL(secure.url).host;
    const refused = await post(`http://${host}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Cross-site form posts are not accepted.");
    expect((await post(`https://${host}`)).status).not.toBe(403);
  });
});
