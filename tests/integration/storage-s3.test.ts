// The S3 driver against a real S3-compatible server (s3rver, started here on a
// free port with a folder of its own): the driver's own promises, then files
// uploaded through the spec editor, served through the file route and removed,
// with the bucket as the only store.
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteAttachment } from "~/features/attachments/attachments.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { resetEnv } from "~/lib/env.server.ts";
import { getStorage, S3Storage } from "~/lib/storage.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { unique } from "../support/factories.ts";
import { downloadAs } from "../support/downloads.ts";
import { fileOf, ONE_PAGE_PDF, sha256, TINY_PNG } from "../support/files.ts";
import { APP, signedInMember, type SignedInMember } from "../support/routes.ts";
import { startS3, type TestS3, useS3 } from "../support/s3.ts";
import { draftSharedSpec, postToEditor, publishDraft, uploadDrawings } from "../support/spec-editor.ts";
import { filesUnder, testStorageDir } from "../support/storage.ts";

const MB = 1024 * 1024;
// Random bytes: a part or chunk stored out of place cannot go unnoticed.
const patterned = (size: number) => randomBytes(size);
/** A PDF (by its header) of about `size` bytes, padded as a PDF may be. */
const bigPdf = (size: number) => Buffer.concat([ONE_PAGE_PDF, patterned(size - ONE_PAGE_PDF.length)]);

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A source that sends `before` bytes, then fails as a dropped connection would. */
function failingAfter(before: number) {
  return Readable.from(
    (async function* () {
      for (let sent = 0; sent < before; sent += MB) yield patterned(Math.min(MB, before - sent));
      throw new Error("connection reset");
    })(),
  );
}

let s3: TestS3;
let restoreEnv: () => void;

beforeAll(async () => {
  s3 = await startS3();
  restoreEnv = useS3(s3);
});

afterAll(async () => {
  restoreEnv?.();
  await s3?.stop();
});

describe("the S3 driver", () => {
  it("is the storage when S3_BUCKET is set, and nothing is written to the local folder", async () => {
    expect(getStorage()).toBeInstanceOf(S3Storage);
    const key = `${unique("org")}/2026/${"a".repeat(32)}`;
    await getStorage().put(key, Readable.from([ONE_PAGE_PDF]), { contentType: "application/pdf" });
    expect(await s3.keys()).toContain(key);
    expect(await filesUnder(testStorageDir())).toEqual([]);
  });

  it("returns the exact bytes and content type of a small file and of a 20 MB file sent in three 8 MB parts, and deletes them", async () => {
    const storage = getStorage();
    const prefix = unique("org");
    const small = patterned(1000);
    const large = patterned(20 * MB + 5);
    for (const [name, bytes, contentType] of [
      ["small", small, "image/png"],
      ["large", large, "application/pdf"],
    ] as const) {
      const key = `${prefix}/2026/${name}`;
      // Uneven chunks, as a multipart parser hands them over.
      const chunks = [bytes.subarray(0, 777), bytes.subarray(777, bytes.length - 3), bytes.subarray(bytes.length - 3)];
      await storage.put(key, Readable.from(chunks), { contentType });
      expect(await s3.head(key)).toEqual({ contentType, size: bytes.length });
      const back = await storage.get(key);
      expect(back).not.toBeNull();
      const read = await readAll(back!);
      expect(read.length).toBe(bytes.length);
      expect(sha256(read)).toBe(sha256(bytes));
      await storage.delete(key);
      expect(await s3.head(key)).toBeNull();
      expect(await storage.get(key)).toBeNull();
    }
    expect(await s3.keys(prefix)).toEqual([]);
    expect(await s3.pendingUploads()).toEqual([]);
  });

  it("takes a web stream as well as a Node stream", async () => {
    const key = `${unique("org")}/2026/web`;
    const bytes = patterned(300 * 1024);
    await getStorage().put(key, new Blob([new Uint8Array(bytes)]).stream(), { contentType: "application/pdf" });
    expect((await readAll((await getStorage().get(key))!)).equals(bytes)).toBe(true);
  });

  it("reads a missing key as null, and deleting a missing key is not an error", async () => {
    const key = `${unique("org")}/2026/${"0".repeat(32)}`;
    expect(await getStorage().get(key)).toBeNull();
    await expect(getStorage().delete(key)).resolves.toBeUndefined();
  });

  it("keeps no object and no parts of a stream that fails, whether before the first part or after two, and reports the stream's own error", async () => {
    const prefix = unique("org");
    for (const before of [64 * 1024, 17 * MB]) {
      const key = `${prefix}/2026/failed-${before}`;
      await expect(getStorage().put(key, failingAfter(before), { contentType: "application/pdf" })).rejects.toThrow("connection reset");
      expect(await getStorage().get(key)).toBeNull();
    }
    expect(await s3.keys(prefix)).toEqual([]);
    // The 17 MB stream had begun a multipart upload: it was aborted, not left behind.
    expect(await s3.pendingUploads()).toEqual([]);
  });

  it("reports a failed stream's own error even when the server refuses the abort, and no object appears", async () => {
    // s3rver as shipped answers AbortMultipartUpload with 405; the SDK would report that instead.
    const stock = await startS3({ abortMultipartUploads: false });
    const restore = useS3(stock);
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args) => void errors.push(args));
    try {
      const key = `${unique("org")}/2026/unaborted`;
      await expect(getStorage().put(key, failingAfter(17 * MB), { contentType: "application/pdf" })).rejects.toThrow("connection reset");
      expect(await stock.keys()).toEqual([]);
      // The parts stay behind (a bucket lifecycle rule's job), and the failed abort is logged.
      expect(await stock.pendingUploads()).toHaveLength(1);
      expect(String(errors[0])).toMatch(/Could not abort the multipart upload/);
    } finally {
      spy.mockRestore();
      restore();
      await stock.stop();
    }
  });

  it("refuses keys that a bucket could read differently, before any request", async () => {
    for (const key of ["../outside", "/etc/passwd", "org/../../x", "org//x", "org/x.pdf", ""]) {
      await expect(getStorage().put(key, Readable.from([ONE_PAGE_PDF]), { contentType: "application/pdf" })).rejects.toThrow(/Invalid storage key/);
      await expect(getStorage().get(key)).rejects.toThrow(/Invalid storage key/);
      await expect(getStorage().delete(key)).rejects.toThrow(/Invalid storage key/);
    }
    expect((await s3.keys()).filter((k) => k.includes("outside") || k.includes("passwd"))).toEqual([]);
  });

  it("is refused by the server with an unknown access key", async () => {
    // s3rver checks the access key id, not the SigV4 signature: a wrong secret would pass.
    const previous = process.env.S3_ACCESS_KEY_ID;
    process.env.S3_ACCESS_KEY_ID = "NOT-A-KEY";
    resetEnv();
    const key = `${unique("org")}/2026/denied`;
    try {
      await expect(getStorage().put(key, Readable.from([ONE_PAGE_PDF]), { contentType: "application/pdf" })).rejects.toThrow(/Access Key Id/);
    } finally {
      process.env.S3_ACCESS_KEY_ID = previous;
      resetEnv();
    }
    expect(await s3.head(key)).toBeNull();
  });
});

// ---- Through the app: the spec editor's uploads and the file route ----

/** The spec editor's draft, and around it a viewer of the importer and a stranger. */
async function scene() {
  const draft = await draftSharedSpec();
  const viewer = await signedInMember("IMPORTER", "VIEWER", draft.quality.org);
  const stranger = await signedInMember("IMPORTER", "OWNER");
  return { ...draft, viewer, stranger };
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** A refusal (thrown `data(…, {status})`) as its status. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    const value = thrown as { type?: string; init?: ResponseInit | null };
    if (value?.type === "DataWithResponseInit") return value.init?.status;
    throw thrown;
  }
  throw new Error("expected a refusal");
}

const orgKeys = (s: Scene) => s.quality.org.id + "/";

describe("files through the app, stored in the bucket", () => {
  it("a 9 MB drawing uploaded in the spec editor is one object in the bucket, and downloads byte-for-byte to the importer's members only", async () => {
    const s = await scene();
    const drawing = bigPdf(9 * MB);
    const out = await uploadDrawings(s, [fileOf(drawing, "Drawing rev A.pdf", "application/pdf")]);
    expect(out.status).toBe(302);

    const [attachment] = await prisma.attachment.findMany({ where: { orgId: s.quality.org.id } });
    expect(attachment).toMatchObject({
      ownerType: "SpecVersion",
      ownerId: s.version.id,
      size: drawing.length,
      sha256: sha256(drawing),
      contentType: "application/pdf",
    });
    expect(await s3.keys(orgKeys(s))).toEqual([attachment!.storageKey]);
    expect(await s3.head(attachment!.storageKey)).toEqual({ contentType: "application/pdf", size: drawing.length });
    expect(await filesUnder(testStorageDir())).toEqual([]);

    for (const reader of [s.quality, s.viewer]) {
      const res = await downloadAs(reader, attachment!.id);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/pdf");
      expect(res.headers.get("Content-Length")).toBe(String(drawing.length));
      expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(drawing));
    }
    // The draft is not the factory's yet; the stranger is no partner at all.
    expect((await downloadAs(s.factory, attachment!.id)).status).toBe(404);
    expect((await downloadAs(s.stranger, attachment!.id)).status).toBe(404);
  });

  it("the shared factory downloads a drawing from the bucket once the version is published, a factory outside the share still gets 404", async () => {
    const s = await scene();
    expect((await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "drawing.pdf")])).status).toBe(302);
    const [attachment] = await prisma.attachment.findMany({ where: { orgId: s.quality.org.id } });
    const published = await publishDraft(s);
    expect(published.status).toBe(302);
    const res = await downloadAs(s.factory, attachment!.id);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(ONE_PAGE_PDF)).toBe(true);
    const outsider = await signedInMember("FACTORY", "OWNER");
    expect((await downloadAs(outsider, attachment!.id)).status).toBe(404);
  });

  it("a viewer's upload is refused with 403 and puts nothing in the bucket", async () => {
    const s = await scene();
    const out = await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "drawing.pdf")], s.viewer);
    expect(out.status).toBe(403);
    expect(await s3.keys(orgKeys(s))).toEqual([]);
  });

  it("a 12 MB drawing over a 10 MB limit is refused with 413 once it passes the limit, the smaller file sent with it is removed, and the bucket keeps no object or part", async () => {
    const s = await scene();
    const previous = process.env.UPLOAD_MAX_BYTES;
    process.env.UPLOAD_MAX_BYTES = String(10 * MB);
    resetEnv();
    try {
      const out = await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "small.pdf"), fileOf(bigPdf(12 * MB), "huge.pdf")]);
      expect(out.status).toBe(413);
      expect(JSON.stringify(out.data)).toMatch(/huge\.pdf.*larger than 10 MB/);
    } finally {
      if (previous === undefined) delete process.env.UPLOAD_MAX_BYTES;
      else process.env.UPLOAD_MAX_BYTES = previous;
      resetEnv();
    }
    expect(await s3.keys(orgKeys(s))).toEqual([]);
    expect(await s3.pendingUploads()).toEqual([]);
    expect(await prisma.attachment.count({ where: { orgId: s.quality.org.id } })).toBe(0);
  });

  it("photos of a defect example refused for its missing description are removed from the bucket again", async () => {
    const s = await scene();
    const out = await postToEditor(s, [
      ["intent", "add-defect"],
      ["acceptable", fileOf(TINY_PNG, "ok.png", "image/png")],
    ]);
    expect(out.status).toBe(400);
    expect(await s3.keys(orgKeys(s))).toEqual([]);
    expect(await prisma.attachment.count({ where: { orgId: s.quality.org.id } })).toBe(0);
  });

  it("removing an attachment deletes its object from the bucket; a viewer (403) and another org (404) cannot", async () => {
    const s = await scene();
    expect((await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "keep.pdf"), fileOf(bigPdf(MB), "wrong.pdf")])).status).toBe(302);
    const rows = await prisma.attachment.findMany({ where: { orgId: s.quality.org.id } });
    const wrong = rows.find((r) => r.name === "wrong.pdf")!;
    const keep = rows.find((r) => r.name === "keep.pdf")!;
    expect(await s3.keys(orgKeys(s))).toEqual([keep.storageKey, wrong.storageKey].sort());

    const ctxOf = (who: SignedInMember) => requireMembership(new Request(`${APP}/${who.org.slug}`, { headers: { Cookie: who.cookie } }), who.org.slug);
    expect(await refusal(deleteAttachment(await ctxOf(s.viewer), wrong.id))).toBe(403);
    expect(await refusal(deleteAttachment(await ctxOf(s.stranger), wrong.id))).toBe(404);
    expect(await s3.head(wrong.storageKey)).not.toBeNull();

    await deleteAttachment(await ctxOf(s.quality), wrong.id);
    expect(await s3.keys(orgKeys(s))).toEqual([keep.storageKey]);
    expect(await prisma.attachment.findUnique({ where: { id: wrong.id } })).toBeNull();
    expect((await downloadAs(s.quality, wrong.id)).status).toBe(404);
    expect((await downloadAs(s.quality, keep.id)).status).toBe(200);
  });
});
