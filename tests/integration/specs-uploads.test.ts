// Drawings and defect photos, uploaded through the spec editor's action as a
// browser posts them (multipart), then downloaded through the file route:
// what is stored, what is refused, what is left behind (nothing), and who
// may read the files (a shared factory, once the version is published).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import type { VersionSnapshot } from "~/features/specs/snapshot.ts";
import { prisma } from "~/lib/db.server.ts";
import { resetEnv } from "~/lib/env.server.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import * as editRoute from "~/routes/$org.specs.$specId.v.$number.edit.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import { downloadAs } from "../support/downloads.ts";
import { call, signedInMember } from "../support/routes.ts";
import { fileOf, ONE_PAGE_PDF, sha256 } from "../support/files.ts";
import {
  draftSharedSpec,
  type DraftSpec,
  drawingsForm,
  editUrl,
  postToEditor,
  publishDraft,
  removeFile,
  uploadDrawings,
  versionParams,
} from "../support/spec-editor.ts";
import { filesUnder, testStorageDir } from "../support/storage.ts";

const HTML = Buffer.from("<!doctype html><title>drawing</title><script>fetch('/api').then(r => r.text()).then(alert)</script>");

/** A real 2×2 PNG of one colour, so two photos have different bytes. */
function png(r: number, g: number, b: number) {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.from([0, r, g, b, r, g, b]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat([row, row]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const GOOD_PHOTO = png(40, 160, 60);
const BAD_PHOTO = png(200, 30, 30);

// Each test file gets its own storage folder (tests/support/setup-database.ts).
const storageDir = testStorageDir();

async function snapshotOf(s: DraftSpec) {
  const out = await call(editRoute.loader, editUrl(s), { cookie: s.quality.cookie, params: versionParams(s) });
  expect(out.status).toBe(200);
  return (out.data as { snapshot: VersionSnapshot }).snapshot;
}

/** Whatever an upload could leave behind: rows, links and blobs. */
async function leftovers(s: DraftSpec) {
  return {
    attachments: await prisma.attachment.count({ where: { orgId: s.quality.org.id } }),
    links: await prisma.specVersionFile.count({ where: { versionId: s.version.id } }),
    defects: await prisma.defectExample.count({ where: { versionId: s.version.id } }),
    blobs: await filesUnder(path.join(storageDir, s.quality.org.id)),
    partial: await filesUnder(path.join(storageDir, ".tmp")),
  };
}

async function expectRefused(s: DraftSpec, entries: [string, string | File][], status: number, message: RegExp) {
  const before = await leftovers(s);
  const out = await postToEditor(s, entries);
  expect(out.status).toBe(status);
  // Refusals travel as catalogue keys: each string is read as an English reader sees it.
  const text =
    typeof out.data === "string"
      ? out.data
      : JSON.stringify(out.data, (_, value: unknown) => (typeof value === "string" ? translateMessage("en", value) : value));
  expect(text).toMatch(message);
  const after = await leftovers(s);
  expect(after).toEqual(before);
  expect(after.partial).toEqual([]);
  return out;
}

describe("drawings uploaded in the spec editor", () => {
  it("a real PDF drawing is stored with its size, hash and type, and listed on the version", async () => {
    const s = await draftSharedSpec();
    const out = await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "Drawing rev A.pdf", "application/pdf")]);
    expect(out.status).toBe(302);
    expect(out.location).toBe(editUrl(s));

    const [attachment] = await prisma.attachment.findMany({ where: { orgId: s.quality.org.id } });
    expect(attachment).toMatchObject({
      ownerType: "SpecVersion",
      ownerId: s.version.id,
      uploadedById: s.quality.user.id,
      name: "Drawing rev A.pdf",
      contentType: "application/pdf",
      size: ONE_PAGE_PDF.length,
      sha256: sha256(ONE_PAGE_PDF),
    });
    expect(await readFile(path.join(storageDir, attachment!.storageKey))).toEqual(ONE_PAGE_PDF);
    expect(await prisma.specVersionFile.findMany({ where: { versionId: s.version.id }, select: { attachmentId: true, position: true } })).toEqual([
      { attachmentId: attachment!.id, position: 0 },
    ]);
    expect((await snapshotOf(s)).attachments).toEqual([
      { id: attachment!.id, name: "Drawing rev A.pdf", contentType: "application/pdf", size: ONE_PAGE_PDF.length, sha256: sha256(ONE_PAGE_PDF) },
    ]);
    expect(await prisma.auditEvent.count({ where: { orgId: s.quality.org.id, action: "specVersion.add-files", subjectId: s.version.id } })).toBe(1);

    const res = await downloadAs(s.quality, attachment!.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ONE_PAGE_PDF);
  });

  it("a second upload adds to the drawings already listed, in order", async () => {
    const s = await draftSharedSpec();
    expect((await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "first.pdf")])).status).toBe(302);
    expect((await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "second.pdf"), fileOf(ONE_PAGE_PDF, "third.pdf")])).status).toBe(302);
    expect((await snapshotOf(s)).attachments.map((a) => a.name)).toEqual(["first.pdf", "second.pdf", "third.pdf"]);
  });

  it("a file over UPLOAD_MAX_BYTES is refused with 413, and the smaller file sent with it is not kept either", async () => {
    const s = await draftSharedSpec();
    const big = Buffer.concat([ONE_PAGE_PDF, Buffer.alloc(6 * 1024, 0x20)]);
    const previous = process.env.UPLOAD_MAX_BYTES;
    process.env.UPLOAD_MAX_BYTES = "2048";
    resetEnv();
    try {
      expect(ONE_PAGE_PDF.length).toBeLessThan(2048);
      await expectRefused(s, drawingsForm([fileOf(ONE_PAGE_PDF, "small.pdf"), fileOf(big, "big.pdf")]), 413, /big\.pdf.*larger than 2 kB/);
    } finally {
      if (previous === undefined) delete process.env.UPLOAD_MAX_BYTES;
      else process.env.UPLOAD_MAX_BYTES = previous;
      resetEnv();
    }
    expect((await snapshotOf(s)).attachments).toEqual([]);
  });

  it("an HTML page named drawing.pdf is refused with 415 and nothing is kept", async () => {
    const s = await draftSharedSpec();
    await expectRefused(s, drawingsForm([fileOf(HTML, "drawing.pdf", "application/pdf")]), 415, /"drawing\.pdf" is not an allowed file type/);
  });

  it("an empty file is refused with 400 and nothing is kept", async () => {
    const s = await draftSharedSpec();
    await expectRefused(s, drawingsForm([fileOf(Buffer.alloc(0), "empty.pdf", "application/pdf")]), 400, /"empty\.pdf" is empty/);
  });

  it("an upload without any file is refused with 400 and nothing is kept", async () => {
    const s = await draftSharedSpec();
    await expectRefused(s, [["intent", "upload"]], 400, /Choose at least one file/);
  });

  it("a hostile file name is stored sanitized, under a key the server made", async () => {
    const s = await draftSharedSpec();
    const out = await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "../../x<script>.pdf", "application/pdf")]);
    expect(out.status).toBe(302);
    const [attachment] = await prisma.attachment.findMany({ where: { orgId: s.quality.org.id } });
    expect(attachment!.name).toBe("x_script_.pdf");
    expect(attachment!.storageKey).toMatch(new RegExp(`^${s.quality.org.id}/\\d{4}/[0-9a-f]{32}$`));
    expect(await filesUnder(path.join(storageDir, s.quality.org.id))).toEqual([path.join(storageDir, attachment!.storageKey)]);
    // Nothing was written anywhere under the name given, inside the storage folder or next to it.
    expect((await filesUnder(storageDir)).filter((f) => /script|x_/.test(path.basename(f)))).toEqual([]);
    expect((await readdir(path.dirname(storageDir))).filter((name) => name.includes("script"))).toEqual([]);
    expect((await snapshotOf(s)).attachments.map((a) => a.name)).toEqual(["x_script_.pdf"]);
    const res = await downloadAs(s.quality, attachment!.id);
    expect(res.headers.get("Content-Disposition")).toBe(`inline; filename="x_script_.pdf"; filename*=UTF-8''x_script_.pdf`);
  });
});

describe("removing a drawing", () => {
  it("takes it off the draft version", async () => {
    const s = await draftSharedSpec();
    expect((await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "keep.pdf"), fileOf(ONE_PAGE_PDF, "wrong.pdf")])).status).toBe(302);
    const [keep, wrong] = (await snapshotOf(s)).attachments;
    const out = await removeFile(s, wrong!.id);
    expect(out.status).toBe(302);
    expect((await snapshotOf(s)).attachments.map((a) => a.id)).toEqual([keep!.id]);
    expect(await prisma.auditEvent.count({ where: { orgId: s.quality.org.id, action: "specVersion.remove-file", subjectId: s.version.id } })).toBe(1);
  });

  it("a drawing removed from the draft is not served to the factory once the version is published", async () => {
    const s = await draftSharedSpec();
    expect((await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "keep.pdf"), fileOf(ONE_PAGE_PDF, "other-customer.pdf")])).status).toBe(302);
    const [keep, removed] = (await snapshotOf(s)).attachments;
    expect((await removeFile(s, removed!.id)).status).toBe(302);
    const published = await publishDraft(s);
    expect(published.status).toBe(302);
    expect((await downloadAs(s.factory, keep!.id)).status).toBe(200);
    expect((await downloadAs(s.factory, removed!.id)).status).toBe(404);
  });
});

describe("defect examples", () => {
  const defect = (extra: [string, string | File][] = []): [string, string | File][] => [
    ["intent", "add-defect"],
    ["description", "Glaze drip on the rim"],
    ["characteristicKey", ""],
    ...extra,
  ];

  it("a defect example with two real photos is created; the shared factory downloads them only once the version is published", async () => {
    const s = await draftSharedSpec();
    const characteristic = await prisma.characteristic.findFirstOrThrow({ where: { versionId: s.version.id } });
    const drawing = await uploadDrawings(s, [fileOf(ONE_PAGE_PDF, "drawing.pdf")]);
    expect(drawing.status).toBe(302);
    const out = await postToEditor(s, [
      ["intent", "add-defect"],
      ["description", "Glaze drip on the rim"],
      ["characteristicKey", characteristic.key],
      ["acceptable", fileOf(GOOD_PHOTO, "acceptable.png", "image/png")],
      ["unacceptable", fileOf(BAD_PHOTO, "not acceptable.png", "image/png")],
    ]);
    expect(out.status).toBe(302);

    const [example] = await prisma.defectExample.findMany({ where: { versionId: s.version.id } });
    expect(example).toMatchObject({ description: "Glaze drip on the rim", characteristicKey: characteristic.key, position: 0 });
    const photos = await prisma.attachment.findMany({ where: { id: { in: [example!.acceptablePhotoId!, example!.unacceptablePhotoId!] } } });
    expect(photos).toHaveLength(2);
    for (const photo of photos) expect(photo).toMatchObject({ ownerType: "SpecVersion", ownerId: s.version.id, contentType: "image/png" });
    const snapshot = await snapshotOf(s);
    expect(snapshot.defectExamples).toHaveLength(1);
    expect(snapshot.defectExamples[0]!.acceptablePhoto).toMatchObject({ id: example!.acceptablePhotoId, name: "acceptable.png", sha256: sha256(GOOD_PHOTO) });
    expect(snapshot.defectExamples[0]!.unacceptablePhoto).toMatchObject({
      id: example!.unacceptablePhotoId,
      name: "not acceptable.png",
      sha256: sha256(BAD_PHOTO),
    });
    expect(await prisma.auditEvent.count({ where: { orgId: s.quality.org.id, action: "specVersion.add-defect-example", subjectId: s.version.id } })).toBe(1);

    const drawingId = snapshot.attachments[0]!.id;
    const files: [string, Buffer, string][] = [
      [example!.acceptablePhotoId!, GOOD_PHOTO, "image/png"],
      [example!.unacceptablePhotoId!, BAD_PHOTO, "image/png"],
      [drawingId, ONE_PAGE_PDF, "application/pdf"],
    ];
    // While a draft: the importer sees them, the factory gets 404.
    for (const [id, bytes] of files) {
      const own = await downloadAs(s.quality, id);
      expect(own.status).toBe(200);
      expect(Buffer.from(await own.arrayBuffer())).toEqual(bytes);
      expect((await downloadAs(s.factory, id)).status).toBe(404);
    }

    const published = await publishDraft(s);
    expect(published.status).toBe(302);

    for (const [id, bytes, type] of files) {
      const res = await downloadAs(s.factory, id);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe(type);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    }
    const page = await call(versionRoute.loader, `/${s.factory.org.slug}/specs/${s.spec.id}/v/1`, {
      cookie: s.factory.cookie,
      params: versionParams(s, s.factory),
    });
    expect(page.status).toBe(200);
    const seen = (page.data as { snapshot: VersionSnapshot }).snapshot;
    expect(seen.defectExamples.map((d) => [d.acceptablePhoto?.id, d.unacceptablePhoto?.id])).toEqual([
      [example!.acceptablePhotoId, example!.unacceptablePhotoId],
    ]);
    // A factory outside the share still gets 404.
    const outsider = await signedInMember("FACTORY", "OWNER");
    for (const [id] of files) expect((await downloadAs(outsider, id)).status).toBe(404);
  });

  it("a defect description typed with a NUL byte is stored without it, instead of failing", async () => {
    const s = await draftSharedSpec();
    const out = await postToEditor(s, [
      ["intent", "add-defect"],
      ["description", "Glaze\u0000 drip"],
      ["acceptable", fileOf(GOOD_PHOTO, "acceptable.png", "image/png")],
      ["unacceptable", fileOf(BAD_PHOTO, "not acceptable.png", "image/png")],
    ]);
    expect(out.status).toBe(302);
    expect((await prisma.defectExample.findFirstOrThrow({ where: { versionId: s.version.id } })).description).toBe("Glaze drip");
  });

  it("a PDF sent as a defect photo is refused with 415 and nothing is kept", async () => {
    const s = await draftSharedSpec();
    await expectRefused(
      s,
      defect([
        ["acceptable", fileOf(GOOD_PHOTO, "ok.png", "image/png")],
        ["unacceptable", fileOf(ONE_PAGE_PDF, "photo.pdf", "image/png")],
      ]),
      415,
      /PNG, JPEG or WebP/,
    );
  });

  it("a defect example without any photo is refused with 400 and nothing is kept", async () => {
    const s = await draftSharedSpec();
    await expectRefused(s, defect(), 400, /at least one photo/);
  });

  it("a defect example without a description is refused with 400, and its photos are not kept", async () => {
    const s = await draftSharedSpec();
    await expectRefused(
      s,
      [
        ["intent", "add-defect"],
        ["acceptable", fileOf(GOOD_PHOTO, "ok.png", "image/png")],
      ],
      400,
      /Describe the defect/,
    );
  });

  it("a defect example pointing at a characteristic of another version is refused with 400 and nothing is kept", async () => {
    const s = await draftSharedSpec();
    await expectRefused(
      s,
      [
        ["intent", "add-defect"],
        ["description", "Crack"],
        ["characteristicKey", "not-a-key-of-this-version"],
        ["acceptable", fileOf(GOOD_PHOTO, "ok.png", "image/png")],
      ],
      400,
      /Choose a characteristic of this version/,
    );
  });
});
