// Two production app servers that share files through one S3 bucket, not a shared
// folder: a real S3-compatible server (s3rver) on a free port, one PostgreSQL
// database, one SESSION_SECRET, and a data folder of their own each. A file
// uploaded on one is served by the other. Needs `npm run build` and
// TEST_DATABASE_URL (a PostgreSQL server where it may create and drop a database).
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, disconnectDatabase, prisma } from "~/lib/db.server.ts";
import { type AppServer, Browser, freePort, root, startAppServer, stopAppServer, waitUntilHealthy } from "../support/app-server.ts";
import { createMember, createSpec, TEST_PASSWORD } from "../support/factories.ts";
import { startS3, type TestS3 } from "../support/s3.ts";
import { scratchDatabase } from "../support/scratch-database.ts";
import { filesUnder } from "../support/storage.ts";

const MB = 1024 * 1024;
// A real PDF header, padded past one 8 MB part so the upload goes up in several.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
    "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);
const DRAWING = Buffer.concat([PDF, randomBytes(9 * MB)]);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

const serverUrl = process.env.TEST_DATABASE_URL;
const database = scratchDatabase("sp_bucket");
const databaseUrl = database.url;

let s3: TestS3 | undefined;
let a: AppServer;
let b: AppServer;
const dataDirs: string[] = [];

beforeAll(async () => {
  if (!serverUrl) throw new Error("The multi-server tests need TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
  if (!existsSync(path.join(root, "build/server/index.js"))) throw new Error("The multi-server tests serve the production build: run `npm run build` first.");
  await database.create();

  s3 = await startS3();
  const secret = randomBytes(32).toString("hex");
  const started: AppServer[] = [];
  for (const name of ["A", "B"]) {
    const port = await freePort();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `sp-bucket-data-${name}-`));
    dataDirs.push(dataDir);
    // No STORAGE_DIR: each server's default is a folder of its own, under its DATA_DIR.
    started.push(
      startAppServer(name, {
        PORT: String(port),
        APP_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: secret,
        DATA_DIR: dataDir,
        TRUST_PROXY: "1",
        DATABASE_POOL_SIZE: "3",
        ...s3.env,
      }),
    );
  }
  [a, b] = started as [AppServer, AppServer];
  await Promise.all(started.map(waitUntilHealthy));
  // The servers migrated the database; the test writes its people and specs directly.
  connectDatabase({ url: databaseUrl });
}, 120_000);

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map(stopAppServer));
  await disconnectDatabase();
  await s3?.stop();
  await database.drop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
}, 60_000);

let addresses = 0;
async function signedIn(server: AppServer, kind: "IMPORTER" | "FACTORY", role: "QUALITY" | "OWNER") {
  const { org, user } = await createMember(kind, role);
  const browser = new Browser(`198.51.100.${200 + ++addresses}`);
  const login = await browser.request(server, "/login", { form: { email: user.email, password: TEST_PASSWORD } });
  expect(login.status, await login.clone().text()).toBe(302);
  return { org, browser };
}

describe("two app servers sharing one bucket", () => {
  it("serve a 9 MB drawing uploaded on one from the other, byte for byte, and to no other tenant", async () => {
    const quality = await signedIn(a, "IMPORTER", "QUALITY");
    const { spec } = await createSpec(quality.org.id, { draft: true });
    const editPath = `/${quality.org.slug}/specs/${spec.id}/v/1/edit`;

    const upload = new FormData();
    upload.set("intent", "upload");
    upload.set("files", new File([new Uint8Array(DRAWING)], "Drawing rev A.pdf", { type: "application/pdf" }));
    const uploaded = await quality.browser.request(a, editPath, { form: upload });
    expect(uploaded.status, await uploaded.clone().text()).toBe(302);

    const attachment = await prisma.attachment.findFirstOrThrow({ where: { orgId: quality.org.id } });
    expect(attachment).toMatchObject({ size: DRAWING.length, sha256: sha256(DRAWING) });
    expect(await s3!.keys(`${quality.org.id}/`)).toEqual([attachment.storageKey]);
    // Nothing on either server's own disk: the bucket is the only copy.
    for (const dir of dataDirs) expect(await filesUnder(path.join(dir, "files"))).toEqual([]);

    const page = await (await quality.browser.request(b, editPath)).text();
    const link = `/${quality.org.slug}/files/${attachment.id}`;
    expect(page, "the editor on B lists the drawing uploaded on A").toContain(link);
    for (const server of [b, a]) {
      const download = await quality.browser.request(server, link);
      expect(download.status, `download from ${server.name}`).toBe(200);
      expect(download.headers.get("Content-Length")).toBe(String(DRAWING.length));
      expect(sha256(Buffer.from(await download.arrayBuffer())), `bytes from ${server.name}`).toBe(sha256(DRAWING));
    }

    const stranger = await signedIn(b, "FACTORY", "OWNER");
    expect((await stranger.browser.request(b, `/${stranger.org.slug}/files/${attachment.id}`)).status).toBe(404);
    expect((await stranger.browser.request(b, link)).status).toBe(404);
  });
});
