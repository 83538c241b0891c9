import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { deleteAttachment, registerAttachmentOwner } from "~/features/attachments/attachments.server.ts";
import { receiveUploads, stageUploads, type UploadOptions } from "~/features/attachments/uploads.server.ts";
import type { OrgKind, Role } from "~/generated/prisma/client.ts";
import { prisma } from "~/lib/db.server.ts";
import { getStorage, LocalStorage } from "~/lib/storage.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import * as fileRoute from "~/routes/$org.files.$attachmentId.tsx";
import { createMember, unique } from "../support/factories.ts";
import { APP, cookieFor } from "../support/routes.ts";
import { filesUnder, testStorageDir } from "../support/storage.ts";

// Real files, small enough to read: a 1×1 PNG, a one-page PDF, a STEP header.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
    "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);
const STEP = Buffer.from(
  "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('bracket'),'2;1');\nFILE_NAME('bracket.step','2026-11-25',(''),(''),'','','');\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n",
);
const HTML = Buffer.from("<!doctype html><script>fetch('/api').then(r => r.text()).then(alert)</script>");

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const OWNER_TYPE = "UploadTestOwner";

// Each test file gets its own storage folder (tests/support/setup-database.ts).
const storageDir = testStorageDir();

/** Nothing of the org on disk, and no half-written file anywhere. */
async function expectNothingStored(orgId: string, ownerId: string) {
  expect(await filesUnder(path.join(storageDir, orgId))).toEqual([]);
  expect(await filesUnder(path.join(storageDir, ".tmp"))).toEqual([]);
  expect(await prisma.attachment.count({ where: { ownerId } })).toBe(0);
}

async function member(kind: OrgKind, role: Role, org?: Parameters<typeof createMember>[2]) {
  const created = await createMember(kind, role, org);
  const cookie = await cookieFor(created.user.id);
  const ctx = await requireMembership(new Request(`${APP}/${created.org.slug}`, { headers: { Cookie: cookie } }), created.org.slug);
  return { ...created, cookie, ctx };
}

type Entry = [field: string, value: string | File];

function multipart(entries: Entry[], headers?: Record<string, string>) {
  const form = new FormData();
  for (const [field, value] of entries) form.append(field, value);
  return new Request(`${APP}/upload`, { method: "POST", body: form, headers });
}

const file = (bytes: Buffer | string, name: string, type = "application/octet-stream") =>
  new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

async function rejection(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (thrown) {
    const value = thrown as { type?: string; data?: unknown; init?: ResponseInit | null };
    if (value?.type === "DataWithResponseInit") return { status: value.init?.status ?? 200, message: String(value.data) };
    throw thrown;
  }
  throw new Error("expected the upload to be refused");
}

const options = (overrides: Partial<UploadOptions> = {}) => ({ ownerType: OWNER_TYPE, ownerId: unique("owner"), fields: ["drawings", "photos"], ...overrides });

describe("receiving uploads", () => {
  it("stores a PNG, a PDF and a STEP file with their size, hash and sniffed type, and returns the text fields", async () => {
    const { ctx, org, user } = await member("IMPORTER", "QUALITY");
    const opts = options();
    const request = multipart([
      ["note", "Rev B drawings"],
      // The browser's claimed type is ignored: the bytes decide.
      ["photos", file(PNG, "sample.png", "text/html")],
      ["drawings", file(PDF, "Drawing rev B.pdf", "application/pdf")],
      ["drawings", file(STEP, "bracket.step")],
    ]);
    const { form, attachments } = await receiveUploads(request, ctx, opts);
    expect(form.get("note")).toBe("Rev B drawings");
    expect(form.get("drawings")).toBeNull();
    expect(attachments.photos!.map((a) => [a.name, a.contentType])).toEqual([["sample.png", "image/png"]]);
    expect(attachments.drawings!.map((a) => [a.name, a.contentType])).toEqual([
      ["Drawing rev B.pdf", "application/pdf"],
      ["bracket.step", "model/step"],
    ]);
    const all = [...attachments.photos!, ...attachments.drawings!];
    for (const [attachment, bytes] of all.map((a, i) => [a, [PNG, PDF, STEP][i]!] as const)) {
      expect(attachment).toMatchObject({
        orgId: org.id,
        uploadedById: user.id,
        ownerType: OWNER_TYPE,
        ownerId: opts.ownerId,
        size: bytes.length,
        sha256: sha256(bytes),
      });
      expect(attachment.storageKey).toMatch(new RegExp(`^${org.id}/\\d{4}/[0-9a-f]{32}$`));
      expect(await readFile(path.join(storageDir, attachment.storageKey))).toEqual(bytes);
    }
    expect(await prisma.attachment.count({ where: { ownerId: opts.ownerId } })).toBe(3);
  });

  it("treats a file input left empty as no file", async () => {
    const { ctx } = await member("FACTORY", "MEMBER");
    const { attachments } = await receiveUploads(
      multipart([
        ["photos", file("", "")],
        ["note", "x"],
      ]),
      ctx,
      options(),
    );
    expect(attachments).toEqual({ drawings: [], photos: [] });
  });

  it("refuses a file over the limit with 413 and removes the files of the same upload already stored", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options({ maxBytes: 200 });
    expect(PNG.length).toBeLessThan(200);
    expect(PDF.length).toBeGreaterThan(200);
    const out = await rejection(
      receiveUploads(
        multipart([
          ["photos", file(PNG, "ok.png")],
          ["drawings", file(PDF, "big.pdf")],
        ]),
        ctx,
        opts,
      ),
    );
    expect(out).toEqual({ status: 413, message: 'The file "big.pdf" is larger than 200 bytes.' });
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("stops a large file mid-stream at the limit and leaves no partial file", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options({ maxBytes: 100 * 1024 });
    const big = Buffer.concat([PNG, Buffer.alloc(400 * 1024)]);
    const out = await rejection(receiveUploads(multipart([["photos", file(big, "huge.png")]]), ctx, opts));
    expect(out).toEqual({ status: 413, message: 'The file "huge.png" is larger than 100 kB.' });
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("caps a streamed body without Content-Length, whatever its parts", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options({ maxBytes: 1024, maxFiles: 1 });
    // A hundred empty fields with long part headers: little counted content, a lot of multipart overhead.
    const boundary = "----overhead";
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="n"\r\nX-Padding: ${"p".repeat(2000)}\r\n\r\n\r\n`;
    const bytes = new TextEncoder().encode(part.repeat(100) + `--${boundary}--\r\n`);
    const streamed = new Request(`${APP}/upload`, {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body: new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.get("Content-Length")).toBeNull();
    expect(await rejection(receiveUploads(streamed, ctx, opts))).toEqual({ status: 413, message: "The upload is too large." });
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("refuses thousands of tiny fields before the multipart parser works through them", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options();
    const out = await rejection(
      receiveUploads(multipart([["drawings", file(PDF, "a.pdf")], ...Array.from({ length: 5000 }, (): Entry => ["n", ""])]), ctx, opts),
    );
    expect(out).toEqual({ status: 413, message: "The form has too many fields." });
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("refuses an HTML page named drawing.png with 415", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options();
    const out = await rejection(receiveUploads(multipart([["drawings", file(HTML, "drawing.png", "image/png")]]), ctx, opts));
    expect(out.status).toBe(415);
    expect(out.message).toBe('"drawing.png" is not an allowed file type. Upload PDF, PNG, JPEG, WebP, DXF or STEP.');
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("limits the kinds when the caller asks (photos only) and says which are allowed", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options({ allowed: ["png", "jpeg", "webp"] });
    const out = await rejection(receiveUploads(multipart([["photos", file(PDF, "photo.pdf")]]), ctx, opts));
    expect(out).toEqual({ status: 415, message: '"photo.pdf" is not an allowed file type. Upload PNG, JPEG or WebP.' });
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("says which kinds are allowed in the sender's language", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options({ allowed: ["png", "jpeg", "webp"] });
    const chinese = { ...ctx, user: { ...ctx.user, locale: "zh-CN" } };
    const out = await rejection(receiveUploads(multipart([["photos", file(PDF, "photo.pdf")]]), chinese, opts));
    expect(out).toEqual({ status: 415, message: "“photo.pdf”的文件类型不允许。请上传 PNG、JPEG或WebP。" });
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("refuses an empty file with 400", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options();
    const out = await rejection(receiveUploads(multipart([["drawings", file("", "empty.pdf")]]), ctx, opts));
    expect(out).toEqual({ status: 400, message: '"empty.pdf" is empty.' });
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("stores a file with a hostile name under a sanitized name and a key the server made", async () => {
    const { ctx, org } = await member("IMPORTER", "OWNER");
    const { attachments } = await receiveUploads(multipart([["drawings", file(PDF, "../../etc/passwd<script>.pdf")]]), ctx, options());
    const [stored] = attachments.drawings!;
    expect(stored!.name).toBe("passwd_script_.pdf");
    expect(stored!.storageKey).toMatch(new RegExp(`^${org.id}/\\d{4}/[0-9a-f]{32}$`));
    expect(await filesUnder(path.join(storageDir, "etc"))).toEqual([]);
  });

  it("refuses a viewer with 403 before reading anything", async () => {
    const { ctx, org } = await member("FACTORY", "VIEWER");
    const opts = options();
    const out = await rejection(receiveUploads(multipart([["drawings", file(PDF, "a.pdf")]]), ctx, opts));
    expect(out.status).toBe(403);
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("refuses a request that is not a multipart form with 415", async () => {
    const { ctx } = await member("FACTORY", "MEMBER");
    const request = new Request(`${APP}/upload`, { method: "POST", body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect((await rejection(receiveUploads(request, ctx, options()))).status).toBe(415);
  });

  it("refuses too many files, files in other fields, oversized text and a body announced too large", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const opts = options({ maxFiles: 1 });
    const two = multipart([
      ["photos", file(PNG, "a.png")],
      ["photos", file(PNG, "b.png")],
    ]);
    expect((await rejection(receiveUploads(two, ctx, opts))).status).toBe(413);
    const stray = multipart([["avatar", file(PNG, "a.png")]]);
    expect(await rejection(receiveUploads(stray, ctx, opts))).toEqual({ status: 400, message: '"a.png" was sent in a field that takes no files.' });
    const text = multipart([["note", "x".repeat(70 * 1024)]]);
    expect((await rejection(receiveUploads(text, ctx, opts))).status).toBe(413);
    const announced = multipart([["photos", file(PNG, "a.png")]], { "Content-Length": String(50 * 1024 * 1024) });
    expect((await rejection(receiveUploads(announced, ctx, opts))).status).toBe(413);
    await expectNothingStored(org.id, opts.ownerId);
  });

  it("stages files for an owner created from the same form, and discards them when asked", async () => {
    const { ctx, org } = await member("FACTORY", "MEMBER");
    const staged = await stageUploads(
      multipart([
        ["body", "See photo"],
        ["photos", file(PNG, "a.png")],
      ]),
      ctx,
      { fields: ["photos"] },
    );
    expect(staged.files).toHaveLength(1);
    expect(await filesUnder(path.join(storageDir, org.id))).toHaveLength(1);
    await staged.discard();
    expect(await filesUnder(path.join(storageDir, org.id))).toEqual([]);
  });
});

describe("downloading files", () => {
  // Stands in for a feature's owner check: the owner record is readable by the
  // org that made it and one partner org (files have no read rule of their own).
  let partnerOrgId = "";
  const ownerOrgs = new Set<string>();
  registerAttachmentOwner(OWNER_TYPE, async (ctx) => ownerOrgs.has(ctx.org.id) || ctx.org.id === partnerOrgId);

  async function download(cookie: string, slug: string, attachmentId: string, query = "", headers: Record<string, string> = {}) {
    const request = new Request(`${APP}/${slug}/files/${attachmentId}${query}`, { headers: { Cookie: cookie, ...headers } });
    try {
      return (await fileRoute.loader({ request, params: { org: slug, attachmentId }, context: {} } as LoaderFunctionArgs)) as Response;
    } catch (thrown) {
      const value = thrown as { type?: string; init?: ResponseInit | null };
      if (value?.type === "DataWithResponseInit") return new Response(null, { status: value.init?.status ?? 500 });
      throw thrown;
    }
  }

  async function uploaded() {
    const factory = await member("FACTORY", "MEMBER");
    ownerOrgs.add(factory.org.id);
    const { attachments } = await receiveUploads(
      multipart([
        ["photos", file(PNG, "Überprüfung «A».png")],
        ["drawings", file(PDF, "../../etc/passwd<script>.pdf")],
        ["drawings", file(STEP, "bracket.step")],
      ]),
      factory.ctx,
      options(),
    );
    const [png, pdf, step] = [attachments.photos![0]!, attachments.drawings![0]!, attachments.drawings![1]!];
    return { factory, png, pdf, step };
  }

  it("serves the uploader's org the file with safe headers and the same bytes", async () => {
    const { factory, png, pdf, step } = await uploaded();
    const res = await download(factory.cookie, factory.org.slug, pdf.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Length")).toBe(String(PDF.length));
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(res.headers.get("Content-Disposition")).toBe(`inline; filename="passwd_script_.pdf"; filename*=UTF-8''passwd_script_.pdf`);
    expect(res.headers.get("Content-Security-Policy")).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);

    const image = await download(factory.cookie, factory.org.slug, png.id, "?download");
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(image.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Uberprufung _A_.png"; filename*=UTF-8''%C3%9Cberpr%C3%BCfung%20%C2%ABA%C2%BB.png`,
    );
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);

    // CAD files are never shown in the browser, even without ?download.
    const cad = await download(factory.cookie, factory.org.slug, step.id);
    expect(cad.headers.get("Content-Disposition")).toMatch(/^attachment; filename="bracket.step"/);
    expect(cad.headers.get("Content-Security-Policy")).toBeNull();
    expect(Buffer.from(await cad.arrayBuffer())).toEqual(STEP);
  });

  it("answers 304 to a browser that already has the file", async () => {
    const { factory, png } = await uploaded();
    const res = await download(factory.cookie, factory.org.slug, png.id, "", { "If-None-Match": `W/"nope", "${png.sha256}"` });
    expect(res.status).toBe(304);
    expect(res.headers.get("ETag")).toBe(`"${png.sha256}"`);
  });

  it("serves a partner the owner's resolver allows, and 404 to anyone else", async () => {
    const { factory, pdf } = await uploaded();
    const partner = await member("IMPORTER", "VIEWER");
    const stranger = await member("IMPORTER", "OWNER");
    partnerOrgId = partner.org.id;
    const ok = await download(partner.cookie, partner.org.slug, pdf.id);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(PDF);
    expect((await download(stranger.cookie, stranger.org.slug, pdf.id)).status).toBe(404);
    // Through the uploader's org slug the stranger is not a member: 404 as well.
    expect((await download(stranger.cookie, factory.org.slug, pdf.id)).status).toBe(404);
    expect((await download(factory.cookie, factory.org.slug, "made-up-id")).status).toBe(404);
  });

  it("lets a non-viewer of the uploader's org delete a file: row and blob go", async () => {
    const { factory, png } = await uploaded();
    const viewer = await member("FACTORY", "VIEWER", factory.org);
    expect((await rejection(deleteAttachment(viewer.ctx, png.id))).status).toBe(403);
    await deleteAttachment(factory.ctx, png.id);
    expect(await prisma.attachment.findUnique({ where: { id: png.id } })).toBeNull();
    expect(await filesUnder(path.join(storageDir, png.storageKey))).toEqual([]);
    expect((await download(factory.cookie, factory.org.slug, png.id)).status).toBe(404);
  });
});

describe("local storage", () => {
  it("is the default driver and writes under STORAGE_DIR", () => {
    const storage = getStorage();
    expect(storage).toBeInstanceOf(LocalStorage);
    expect((storage as LocalStorage).root).toBe(storageDir);
  });

  it("refuses keys that could leave its folder", async () => {
    const storage = getStorage();
    for (const key of ["../outside", "/etc/passwd", "org/../../x", "org\\x", "org//x", "", "org/x.pdf"]) {
      await expect(storage.put(key, Readable.from([Buffer.from("x")]), { contentType: "text/plain" })).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("keeps nothing of a stream that fails, and reads a missing key as null", async () => {
    const storage = getStorage();
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from("partial");
        throw new Error("connection reset");
      })(),
    );
    await expect(storage.put("scratch/2026/failed", failing, { contentType: "text/plain" })).rejects.toThrow("connection reset");
    expect(await filesUnder(path.join(storageDir, "scratch"))).toEqual([]);
    expect(await filesUnder(path.join(storageDir, ".tmp"))).toEqual([]);
    expect(await storage.get("scratch/2026/failed")).toBeNull();
    await storage.delete("scratch/2026/failed");
  });
});
