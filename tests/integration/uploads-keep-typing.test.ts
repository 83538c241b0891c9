// A refused file is answered on the page it was sent from: an error under its file input and
// everything typed sent back, nothing stored. The spec editor is one form, so a good upload
// saves the draft's text with it.
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { resetEnv } from "~/lib/env.server.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import * as faRoute from "~/routes/$org.first-articles.$faId._index.tsx";
import { createAcknowledgement, createFirstArticle, createSpec, createSpecShare, unique } from "../support/factories.ts";
import { fileOf, ONE_PAGE_PDF, TINY_PNG } from "../support/files.ts";
import { call, signedInMember } from "../support/routes.ts";
import { draftSharedSpec, postToEditor, type DraftSpec } from "../support/spec-editor.ts";

type Entry = [string, string | File];
type Reply = { intent: string; result: { status: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } };

/** A refused file's messages as an English reader sees them (they travel as catalogue keys). */
const english = (messages: string[] | null | undefined) => messages?.map((m) => translateMessage("en", m));

const NOT_A_PDF = Buffer.from("<!doctype html><title>drawing</title>");

/** The editor's form as the page posts it: the draft's text fields, then whatever the button adds. */
const editorForm = (typed: { description: string; notes: string }, ...rest: Entry[]): Entry[] => [
  ["draft", "1"],
  ["description", typed.description],
  ["notes", typed.notes],
  ["packaging", ""],
  ...rest,
];

async function storedFor(s: DraftSpec) {
  const version = await prisma.specVersion.findUniqueOrThrow({ where: { id: s.version.id }, include: { files: true, defectExamples: true } });
  const attachments = await prisma.attachment.count({ where: { ownerType: "SpecVersion", ownerId: s.version.id } });
  return { description: version.description, notes: version.notes, files: version.files.length, examples: version.defectExamples.length, attachments };
}

describe("the spec editor answers a refused file next to its input and keeps what was typed", () => {
  const typed = { description: "Stoneware mug, 350 ml, matte glaze", notes: "Check the handle joint on every sample" };

  it("a drawing of the wrong type is a 415 with the error under the drawings input, the typed text echoed and nothing saved", async () => {
    const s = await draftSharedSpec();
    const before = await storedFor(s);
    const out = await postToEditor(s, editorForm(typed, ["intent", "upload"], ["files", fileOf(NOT_A_PDF, "drawing.pdf", "application/pdf")]));
    expect(out.status).toBe(415);
    const reply = out.data as Reply;
    expect(reply.intent).toBe("upload");
    expect(english(reply.result.error?.files)).toEqual(['"drawing.pdf" is not an allowed file type. Upload PDF, PNG, JPEG, WebP, DXF or STEP.']);
    expect(reply.result.initialValue).toMatchObject({ description: typed.description, notes: typed.notes });
    expect(await storedFor(s)).toEqual(before);
  });

  it("a drawing over the size limit is a 413 under its input, and the fields posted after the file still come back", async () => {
    const s = await draftSharedSpec();
    const before = await storedFor(s);
    const previous = process.env.UPLOAD_MAX_BYTES;
    process.env.UPLOAD_MAX_BYTES = "2048";
    resetEnv();
    try {
      const big = Buffer.concat([ONE_PAGE_PDF, Buffer.alloc(8 * 1024, 0x20)]);
      const out = await postToEditor(s, [
        ["draft", "1"],
        ["intent", "upload"],
        ["files", fileOf(big, "large.pdf", "application/pdf")],
        ["description", typed.description],
        ["notes", typed.notes],
      ]);
      expect(out.status).toBe(413);
      const reply = out.data as Reply;
      expect(english(reply.result.error?.files)).toEqual(['The file "large.pdf" is larger than 2 kB.']);
      expect(reply.result.initialValue).toMatchObject(typed);
    } finally {
      if (previous === undefined) delete process.env.UPLOAD_MAX_BYTES;
      else process.env.UPLOAD_MAX_BYTES = previous;
      resetEnv();
    }
    expect(await storedFor(s)).toEqual(before);
  });

  it("a defect example with a PDF as its photo is a 415 under the photo input, with its description and the draft's text echoed", async () => {
    const s = await draftSharedSpec();
    const before = await storedFor(s);
    const out = await postToEditor(
      s,
      editorForm(
        typed,
        ["intent", "add-defect"],
        ["example.description", "Glaze drip on the rim"],
        ["example.characteristicKey", ""],
        ["acceptable", fileOf(ONE_PAGE_PDF, "photo.pdf", "application/pdf")],
      ),
    );
    expect(out.status).toBe(415);
    const reply = out.data as Reply;
    expect(reply.intent).toBe("add-defect");
    expect(english(reply.result.error?.acceptable)?.[0]).toBe('"photo.pdf" is not a photo. Defect examples need photos: PNG, JPEG or WebP.');
    expect(reply.result.initialValue).toMatchObject({ ...typed, example: { description: "Glaze drip on the rim" } });
    expect(await storedFor(s)).toEqual(before);
  });

  it("a defect example without a description is a 400 under the description input, and its photo is not kept", async () => {
    const s = await draftSharedSpec();
    const before = await storedFor(s);
    const out = await postToEditor(
      s,
      editorForm(typed, ["intent", "add-defect"], ["example.description", ""], ["acceptable", fileOf(TINY_PNG, "ok.png", "image/png")]),
    );
    expect(out.status).toBe(400);
    const reply = out.data as Reply;
    expect(reply.result.error?.["example.description"]?.length).toBe(1);
    expect(reply.result.initialValue).toMatchObject(typed);
    expect(await storedFor(s)).toEqual(before);
  });

  it("a good drawing uploaded from the editor saves the text typed above it as well", async () => {
    const s = await draftSharedSpec();
    const out = await postToEditor(s, editorForm(typed, ["intent", "upload"], ["files", fileOf(ONE_PAGE_PDF, "drawing.pdf", "application/pdf")]));
    expect(out.status).toBe(302);
    expect(await storedFor(s)).toMatchObject({ ...typed, files: 1, attachments: 1 });
  });

  it("a defect example added from the editor saves the text typed above it as well", async () => {
    const s = await draftSharedSpec();
    const out = await postToEditor(
      s,
      editorForm(typed, ["intent", "add-defect"], ["example.description", "Crack at the handle"], ["unacceptable", fileOf(TINY_PNG, "crack.png", "image/png")]),
    );
    expect(out.status).toBe(302);
    expect(await storedFor(s)).toMatchObject({ ...typed, examples: 1, attachments: 1 });
    expect((await prisma.defectExample.findFirstOrThrow({ where: { versionId: s.version.id } })).description).toBe("Crack at the handle");
  });
});

describe("the first-article page answers a refused photo next to its input", () => {
  it("a file of the wrong type is a 415 with the error under the photos input, and nothing is stored", async () => {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const factory = await signedInMember("FACTORY", "QUALITY");
    const { spec, version } = await createSpec(importer.org.id);
    await createSpecShare(spec.id, importer.org.id, factory.org.id);
    await createAcknowledgement(version, factory.org.id);
    const fa = await createFirstArticle(importer.org, factory.org, spec, version, { status: "DRAFT", poNumber: unique("PO") });
    const body = new FormData();
    body.append("files", fileOf(NOT_A_PDF, "sample.jpg", "image/jpeg"));
    const out = await call(faRoute.action, `/${factory.org.slug}/first-articles/${fa.id}?upload=files`, {
      cookie: factory.cookie,
      params: { org: factory.org.slug, faId: fa.id },
      body,
    });
    expect(out.status).toBe(415);
    const reply = out.data as Reply;
    expect({ ...reply, result: { ...reply.result, error: { files: english(reply.result.error?.files) } } }).toEqual({
      intent: "upload",
      result: { status: "error", error: { files: ['"sample.jpg" is not an allowed file type. Upload PDF, PNG, JPEG, WebP, DXF or STEP.'] } },
    });
    expect(await prisma.attachment.count({ where: { ownerType: "FirstArticle", ownerId: fa.id } })).toBe(0);
  });
});
