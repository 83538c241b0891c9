// Who may see and change specifications, through every spec route's loader
// and action: outsiders get 404 and learn nothing (not even the title),
// drafts never reach a factory, read-only roles get 403 on writes, and a
// published version never changes.
import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import * as filesRoute from "~/routes/$org.files.$attachmentId.tsx";
import * as partnersRoute from "~/routes/$org.partners.tsx";
import * as diffRoute from "~/routes/$org.specs.$specId.diff.tsx";
import * as specRoute from "~/routes/$org.specs.$specId._index.tsx";
import * as editRoute from "~/routes/$org.specs.$specId.v.$number.edit.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import * as listRoute from "~/routes/$org.specs._index.tsx";
import * as newRoute from "~/routes/$org.specs.new.tsx";
import { createPartnership, createSpec, createSpecShare, createSpecVersion, createSpecVersionFile, unique } from "../support/factories.ts";
import { call, type Outcome, type SignedInMember, signedInMember } from "../support/routes.ts";
import { testStorageDir } from "../support/storage.ts";
import {
  expectAllForbidden,
  expectAllNotFound,
  expectNotListed,
  expectOutsiderSeesNothing,
  outsiderCases,
  outsidersOf,
  type Probe,
  tenantList,
} from "../support/isolation.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

// Each test file gets its own storage folder (tests/support/setup-database.ts).
const storageDir = testStorageDir();

async function blobCount() {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

const pdfFile = (name = "drawing.pdf") => new File([new Uint8Array(PDF)], name, { type: "application/pdf" });
const pngFile = (name: string) => new File([new Uint8Array(PNG)], name, { type: "image/png" });

function uploadBody() {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("files", pdfFile());
  return form;
}

function defectBody() {
  const form = new FormData();
  form.append("intent", "add-defect");
  form.append("description", "Glaze drip on the rim");
  form.append("acceptable", pngFile("ok.png"));
  form.append("unacceptable", pngFile("not-ok.png"));
  return form;
}

/** A valid draft content form, conform-style. */
const contentForm = (name = "Height changed") => ({
  description: "Changed by someone who must not",
  packaging: "Loose in a box",
  "characteristics[0].number": "1",
  "characteristics[0].name": name,
  "characteristics[0].kind": "VARIABLE",
  "characteristics[0].nominal": "100",
  "characteristics[0].lowerTol": "-1",
  "characteristics[0].upperTol": "1",
  "characteristics[0].unit": "mm",
  "characteristics[0].class": "MAJOR",
});

// ---- Probes: one request each, against one loader or action ----

const specUrl = (slug: string, specId: string) => `/${slug}/specs/${specId}`;
const versionUrl = (slug: string, specId: string, number: number) => `${specUrl(slug, specId)}/v/${number}`;

function specProbes(specId: string, factoryIds: { own: string; shared: string }): Probe[] {
  const params = (slug: string) => ({ org: slug, specId });
  const post = (label: string, form: () => Record<string, string | string[]>): Probe => ({
    label: `spec action ${label}`,
    run: (slug, cookie) => call(specRoute.action, specUrl(slug, specId), { cookie, params: params(slug), form: form() }),
  });
  return [
    { label: "spec loader", run: (slug, cookie) => call(specRoute.loader, specUrl(slug, specId), { cookie, params: params(slug) }) },
    post("share", () => ({ intent: "share", factoryIds: [factoryIds.own] })),
    post("unshare", () => ({ intent: "unshare", factoryId: factoryIds.shared })),
    post("new-version", () => ({ intent: "new-version" })),
  ];
}

function versionProbes(specId: string, number: number, files: { attachmentId: string }, threadFactoryId: string): Probe[] {
  const params = (slug: string) => ({ org: slug, specId, number: String(number) });
  const page = (label: string, form: Record<string, string>, query = ""): Probe => ({
    label: `v${number} action ${label}`,
    run: (slug, cookie) => call(versionRoute.action, `${versionUrl(slug, specId, number)}${query}`, { cookie, params: params(slug), form }),
  });
  const edit = (label: string, options: () => { form?: Record<string, string>; body?: FormData }): Probe => ({
    label: `v${number} edit action ${label}`,
    run: (slug, cookie) => call(editRoute.action, `${versionUrl(slug, specId, number)}/edit`, { cookie, params: params(slug), ...options() }),
  });
  return [
    { label: `v${number} loader`, run: (slug, cookie) => call(versionRoute.loader, versionUrl(slug, specId, number), { cookie, params: params(slug) }) },
    page("acknowledge", { intent: "acknowledge" }),
    page("query", { intent: "query", question: "Which glaze?" }),
    page("publish", { intent: "publish" }),
    page("comment", { intent: "comment", body: "Hello from outside", visibility: "SHARED" }, `?factory=${threadFactoryId}`),
    {
      label: `v${number} edit loader`,
      run: (slug, cookie) => call(editRoute.loader, `${versionUrl(slug, specId, number)}/edit`, { cookie, params: params(slug) }),
    },
    edit("save", () => ({ form: contentForm() })),
    edit("remove-file", () => ({ form: { intent: "remove-file", attachmentId: files.attachmentId } })),
    edit("upload drawing", () => ({ body: uploadBody() })),
    edit("add defect example", () => ({ body: defectBody() })),
  ];
}

/** The spec page, a version page and a spec action, each as `who` through its own org. */
const specPage = (who: SignedInMember, specId: string) =>
  call(specRoute.loader, specUrl(who.org.slug, specId), { cookie: who.cookie, params: { org: who.org.slug, specId } });
const versionPage = (who: SignedInMember, specId: string, number: number) =>
  call(versionRoute.loader, versionUrl(who.org.slug, specId, number), { cookie: who.cookie, params: { org: who.org.slug, specId, number: String(number) } });
const specAction = (who: SignedInMember, specId: string, form: Record<string, string | string[]>) =>
  call(specRoute.action, specUrl(who.org.slug, specId), { cookie: who.cookie, params: { org: who.org.slug, specId }, form });

const diffProbe = (specId: string, from: number, to: number): Probe => ({
  label: `diff loader ${from}→${to}`,
  run: (slug, cookie) => call(diffRoute.loader, `${specUrl(slug, specId)}/diff?from=${from}&to=${to}`, { cookie, params: { org: slug, specId } }),
});

const fileProbe = (attachmentId: string, label: string): Probe => ({
  label: `file ${label}`,
  run: (slug, cookie) => call(filesRoute.loader, `/${slug}/files/${attachmentId}`, { cookie, params: { org: slug, attachmentId } }),
});

const newProbes: Probe[] = [
  { label: "new loader", run: (slug, cookie) => call(newRoute.loader, `/${slug}/specs/new`, { cookie, params: { org: slug } }) },
  {
    label: "new action",
    run: (slug, cookie) =>
      call(newRoute.action, `/${slug}/specs/new`, { cookie, params: { org: slug }, form: { title: "Planted spec", productCode: unique("PLANT") } }),
  },
];

type ListData = { specs: { items: { id: string; title: string; versions?: { number: number }[]; awaiting: boolean }[] } };
const list = tenantList(listRoute.loader, "specs", (data) => (data as ListData).specs.items);

/** Everything a denied request could have changed, to compare before and after. */
async function stateOf(s: Scene) {
  const importerId = s.importer.org.id;
  const orgIds = [s.importer, s.shared, s.partner, s.stranger, s.otherImporter].map((m) => m.org.id);
  const [specs, versions, characteristics, materials, defects, files, attachments, shares, acks, comments, audits] = await Promise.all([
    prisma.spec.findMany({ where: { orgId: importerId }, orderBy: { id: "asc" } }),
    prisma.specVersion.findMany({ where: { orgId: importerId }, orderBy: { id: "asc" } }),
    prisma.characteristic.findMany({ where: { version: { orgId: importerId } }, orderBy: { id: "asc" } }),
    prisma.specMaterial.findMany({ where: { version: { orgId: importerId } }, orderBy: { id: "asc" } }),
    prisma.defectExample.findMany({ where: { version: { orgId: importerId } }, orderBy: { id: "asc" } }),
    prisma.specVersionFile.findMany({ where: { version: { orgId: importerId } }, orderBy: { id: "asc" } }),
    prisma.attachment.findMany({ where: { orgId: { in: orgIds } }, orderBy: { id: "asc" } }),
    prisma.specShare.findMany({ where: { importerId }, orderBy: { id: "asc" } }),
    prisma.acknowledgement.findMany({ where: { importerId }, orderBy: { id: "asc" } }),
    prisma.comment.findMany({ where: { importerId }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { orgId: { in: orgIds } } }),
  ]);
  return JSON.stringify({ specs, versions, characteristics, materials, defects, files, attachments, shares, acks, comments, audits, blobs: await blobCount() });
}

/**
 * An importer with:
 * - spec A: v1 published (with a drawing), v2 a draft (with its own drawing and a secret characteristic);
 * - spec B: only a draft v1 (with a drawing);
 * both shared with one partner factory. Around them: a partner factory
 * nothing is shared with, a factory that is no partner, and an unrelated importer.
 */
async function scene() {
  const importer = await signedInMember("IMPORTER", "QUALITY");
  const titleA = `Stoneware mug ${unique("A")}`;
  const titleB = `Teapot ${unique("B")}`;
  const draftSecret = `Draft-only handle radius ${unique("secret")}`;
  const a = await createSpec(importer.org.id, { title: titleA });
  const a2 = await createSpecVersion(a.spec.id, importer.org.id, 2, "DRAFT");
  await prisma.characteristic.updateMany({ where: { versionId: a2.id }, data: { name: draftSecret } });
  const b = await createSpec(importer.org.id, { title: titleB, draft: true });
  const drawingA1 = await createSpecVersionFile(a.version, { name: "a-v1.pdf" });
  const drawingA2 = await createSpecVersionFile(a2, { name: "a-v2-draft.pdf" });
  const drawingB1 = await createSpecVersionFile(b.version, { name: "b-v1-draft.pdf" });

  const shared = await signedInMember("FACTORY", "QUALITY");
  await createSpecShare(a.spec.id, importer.org.id, shared.org.id);
  await createSpecShare(b.spec.id, importer.org.id, shared.org.id);
  const outsiders = await outsidersOf(importer.org.id, "OWNER");
  return { importer, a: { ...a, v2: a2 }, b, titleA, titleB, draftSecret, drawingA1, drawingA2, drawingB1, shared, ...outsiders };
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** Every probe of a spec whose only version the factory could know is v1: the spec, v1, the diff of v1 with itself and v1's drawing. */
const onlyVersionProbes = (specId: string, drawing: { id: string }, drawingLabel: string, factoryId: string): Probe[] => [
  ...specProbes(specId, { own: factoryId, shared: factoryId }),
  ...versionProbes(specId, 1, { attachmentId: drawing.id }, factoryId),
  diffProbe(specId, 1, 1),
  fileProbe(drawing.id, drawingLabel),
];

/** Every probe of every spec route, for both specs of the scene. */
function allProbes(s: Scene, ownFactoryId: string): Probe[] {
  const factoryIds = { own: ownFactoryId, shared: s.shared.org.id };
  return [
    ...specProbes(s.a.spec.id, factoryIds),
    ...versionProbes(s.a.spec.id, 1, { attachmentId: s.drawingA1.id }, s.shared.org.id),
    ...versionProbes(s.a.spec.id, 2, { attachmentId: s.drawingA2.id }, s.shared.org.id),
    diffProbe(s.a.spec.id, 1, 2),
    diffProbe(s.a.spec.id, 1, 1),
    ...specProbes(s.b.spec.id, factoryIds),
    ...versionProbes(s.b.spec.id, 1, { attachmentId: s.drawingB1.id }, s.shared.org.id),
    diffProbe(s.b.spec.id, 1, 1),
    fileProbe(s.drawingA1.id, "published drawing"),
    fileProbe(s.drawingA2.id, "draft drawing"),
    fileProbe(s.drawingB1.id, "draft-only drawing"),
  ];
}

describe("outsiders see nothing of a specification", () => {
  let s: Scene;
  let before: string;
  beforeAll(async () => {
    s = await scene();
    before = await stateOf(s);
  });

  // Checked first, so that the 404s below are about the people, not broken data.
  it("the factory it is shared with opens the published version, its drawing, and finds the spec in its list", async () => {
    const { shared, a } = s;
    const spec = await specPage(shared, a.spec.id);
    expect(spec.status).toBe(200);
    expect((spec.data as { versions: { number: number }[] }).versions.map((v) => v.number)).toEqual([1]);
    const v1 = await versionProbes(a.spec.id, 1, { attachmentId: s.drawingA1.id }, shared.org.id)[0]!.run(shared.org.slug, shared.cookie);
    expect(v1.status).toBe(200);
    expect(JSON.stringify(v1.data)).toContain(s.titleA);
    const file = await fileProbe(s.drawingA1.id, "published drawing").run(shared.org.slug, shared.cookie);
    expect(file.status).toBe(200);
    expect((await list.rows(shared)).map((i) => i.title)).toContain(s.titleA);
  });

  for (const [who, key] of outsiderCases("a partner factory the spec was not shared with")) {
    it(`${who} gets 404 and no data from every spec loader and action, through its own org and the importer's`, async () => {
      await expectOutsiderSeesNothing(s[key], {
        probes: allProbes(s, s[key].org.id),
        orgProbes: [list.probe, ...newProbes],
        parties: [s.importer],
        secrets: [s.titleA, s.titleB, s.draftSecret],
      });
      expect(await stateOf(s)).toBe(before);
    });

    it(`${who} does not find the specs in its own list, by title or by product code`, async () => {
      await expectNotListed(list, s[key], {
        queries: ["", `?q=${encodeURIComponent(s.a.spec.productCode)}`, `?q=${encodeURIComponent(s.titleB)}`, "?filter=draft", "?filter=needs-ack"],
        hidden: [s.a.spec.id, s.b.spec.id],
        secrets: [],
      });
    });
  }

  it("the factory it is shared with gets 404 on a draft v2 while v1 is published: page, editor, actions, diff and the draft's drawing", async () => {
    const { shared, a } = s;
    const probes = [
      ...versionProbes(a.spec.id, 2, { attachmentId: s.drawingA2.id }, shared.org.id),
      diffProbe(a.spec.id, 1, 2),
      diffProbe(a.spec.id, 2, 1),
      fileProbe(s.drawingA2.id, "draft drawing"),
    ];
    await expectAllNotFound(probes, shared.org.slug, shared.cookie, [s.draftSecret, s.titleA]);
    expect(await stateOf(s)).toBe(before);
  });

  it("the factory it is shared with gets 404 on every route of a spec whose only version is a draft", async () => {
    const { shared, b } = s;
    const probes = onlyVersionProbes(b.spec.id, s.drawingB1, "draft-only drawing", shared.org.id);
    await expectAllNotFound(probes, shared.org.slug, shared.cookie, [s.titleB]);
    await expectAllNotFound([...probes, list.probe, ...newProbes], s.importer.org.slug, shared.cookie, [s.titleB, s.titleA]);
    expect(await stateOf(s)).toBe(before);
  });

  it("factory member cannot see draft versions anywhere: not in the spec's versions, the diff, the version page or the list", async () => {
    const { shared, a } = s;
    const spec = await specPage(shared, a.spec.id);
    expect(JSON.stringify(spec.data)).not.toContain(s.draftSecret);
    expect((spec.data as { versions: { status: string }[] }).versions.every((v) => v.status !== "DRAFT")).toBe(true);
    // The diff page's default compares the newest version the factory may read.
    const diff = await call(diffRoute.loader, `${specUrl(shared.org.slug, a.spec.id)}/diff`, {
      cookie: shared.cookie,
      params: { org: shared.org.slug, specId: a.spec.id },
    });
    expect(diff.status).toBe(200);
    expect((diff.data as { versions: number[] }).versions).toEqual([1]);
    expect(JSON.stringify(diff.data)).not.toContain(s.draftSecret);
    const v1 = await versionPage(shared, a.spec.id, 1);
    expect(JSON.stringify(v1.data)).not.toContain(s.draftSecret);
    const items = await list.rows(shared);
    expect(items.map((i) => i.id)).not.toContain(s.b.spec.id);
    expect(JSON.stringify(items)).not.toContain(s.draftSecret);
  });

  it("the factory's list does not reveal which shared specs have a draft in progress", async () => {
    // A scene of its own: this test adds a spec.
    const s = await scene();
    const { shared } = s;
    // A second shared spec just like A, but without a draft.
    const c = await createSpec(s.importer.org.id, { title: `Saucer ${unique("C")}` });
    await createSpecShare(c.spec.id, s.importer.org.id, shared.org.id);
    const items = await list.rows(shared);
    const rowA = items.find((i) => i.id === s.a.spec.id)!;
    const rowC = items.find((i) => i.id === c.spec.id)!;
    expect(rowA).toBeDefined();
    expect(rowC).toBeDefined();
    // The rows of A (draft v2 in progress) and C (no draft) must carry the same draft information: none.
    expect(rowA.versions ?? []).toEqual([]);
    expect(rowC.versions ?? []).toEqual([]);
    // Nor may the "has a draft" filter tell them apart.
    const drafts = (await list.rows(shared, "?filter=draft")).map((i) => i.id);
    expect(drafts.includes(s.a.spec.id)).toBe(drafts.includes(c.spec.id));
  });
});

describe("a partnership that ends", () => {
  it("takes the shared spec away from the factory: 404 on its pages and drawing, and gone from its list", async () => {
    const s = await scene();
    const owner = await signedInMember("IMPORTER", "OWNER", s.importer.org);
    const { shared, a } = s;
    expect((await list.rows(shared)).map((i) => i.id)).toContain(a.spec.id);
    const partnership = await prisma.partnership.findFirstOrThrow({ where: { importerId: s.importer.org.id, factoryId: shared.org.id, status: "ACTIVE" } });
    const ended = await call(partnersRoute.action, `/${owner.org.slug}/partners`, {
      cookie: owner.cookie,
      params: { org: owner.org.slug },
      form: { intent: "end", partnershipId: partnership.id },
    });
    expect(ended.status).toBe(302);
    expect((await prisma.partnership.findUniqueOrThrow({ where: { id: partnership.id } })).status).toBe("ENDED");

    const probes = onlyVersionProbes(a.spec.id, s.drawingA1, "published drawing", shared.org.id);
    await expectAllNotFound(probes, shared.org.slug, shared.cookie, [s.titleA]);
    for (const query of ["", "?filter=needs-ack", `?q=${encodeURIComponent(a.spec.productCode)}`]) {
      expect((await list.rows(shared, query)).map((i) => i.id)).not.toContain(a.spec.id);
    }
    // The importer keeps the spec and its history.
    const importerView = await specPage(s.importer, a.spec.id);
    expect(importerView.status).toBe(200);
  });

  it("once partners again, sharing the spec again gives the factory access to it", async () => {
    const s = await scene();
    const { shared, a, importer } = s;
    await prisma.partnership.updateMany({ where: { importerId: importer.org.id, factoryId: shared.org.id }, data: { status: "ENDED", endedAt: new Date() } });
    // A new invitation, accepted: a new active partnership between the same two orgs.
    await createPartnership(importer.org.id, shared.org.id, "ACTIVE");
    const shareAgain = await specAction(importer, a.spec.id, { intent: "share", factoryIds: [shared.org.id] });
    expect(shareAgain.status).toBe(302);
    const seen = await specPage(shared, a.spec.id);
    expect(seen.status).toBe(200);
    expect((await list.rows(shared)).map((i) => i.id)).toContain(a.spec.id);
  });
});

describe("sharing is per factory", () => {
  it("unsharing takes the spec away from that factory: 404 on its pages and drawing, gone from its list", async () => {
    const s = await scene();
    const { shared, a, importer } = s;
    const out = await specAction(importer, a.spec.id, { intent: "unshare", factoryId: shared.org.id });
    expect(out.status).toBe(302);
    expect(await prisma.specShare.count({ where: { specId: a.spec.id, factoryId: shared.org.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { orgId: importer.org.id, action: "spec.unshare", subjectId: a.spec.id } })).toBe(1);
    const probes = onlyVersionProbes(a.spec.id, s.drawingA1, "published drawing", shared.org.id);
    await expectAllNotFound(probes, shared.org.slug, shared.cookie, [s.titleA]);
    expect((await list.rows(shared)).map((i) => i.id)).not.toContain(a.spec.id);
  });

  it("an importer's comment meant for a factory that no longer shares the spec never lands in another factory's thread", async () => {
    const s = await scene();
    const { shared, a, importer } = s;
    // Shared with two factories; the importer has the second one's thread open when that partnership ends.
    const leaving = await signedInMember("FACTORY", "QUALITY");
    await createSpecShare(a.spec.id, importer.org.id, leaving.org.id);
    await prisma.partnership.updateMany({ where: { importerId: importer.org.id, factoryId: leaving.org.id }, data: { status: "ENDED", endedAt: new Date() } });
    const meantForLeaving = "Your quote was 8% above the other factory's.";
    const out = await call(versionRoute.action, `${versionUrl(importer.org.slug, a.spec.id, 1)}?factory=${leaving.org.id}`, {
      cookie: importer.cookie,
      params: { org: importer.org.slug, specId: a.spec.id, number: "1" },
      form: { intent: "comment", body: meantForLeaving, visibility: "SHARED" },
    });
    expect(out.status).toBeGreaterThanOrEqual(400);
    expect(await prisma.comment.count({ where: { threadId: a.version.id, factoryId: shared.org.id } })).toBe(0);
    const sharedView = await versionPage(shared, a.spec.id, 1);
    expect(JSON.stringify(sharedView.data)).not.toContain(meantForLeaving);
  });
});

// ---- Writes by roles that may read but not write ----

async function writeScene() {
  const s = await scene();
  // A published spec without a draft, so "new version" is not a no-op.
  const c = await createSpec(s.importer.org.id, { title: `Saucer ${unique("C")}` });
  await createSpecShare(c.spec.id, s.importer.org.id, s.shared.org.id);
  return { ...s, c };
}
type WriteScene = Awaited<ReturnType<typeof writeScene>>;

/** The importer-side writes, each with its request. */
function importerWrites(s: WriteScene): Probe[] {
  const aParams = (slug: string, number: number) => ({ org: slug, specId: s.a.spec.id, number: String(number) });
  return [
    newProbes[1]!,
    {
      label: "save draft",
      run: (slug, cookie) => call(editRoute.action, `${versionUrl(slug, s.a.spec.id, 2)}/edit`, { cookie, params: aParams(slug, 2), form: contentForm() }),
    },
    {
      label: "publish",
      run: (slug, cookie) => call(versionRoute.action, versionUrl(slug, s.a.spec.id, 2), { cookie, params: aParams(slug, 2), form: { intent: "publish" } }),
    },
    {
      label: "share",
      run: (slug, cookie) =>
        call(specRoute.action, specUrl(slug, s.a.spec.id), {
          cookie,
          params: { org: slug, specId: s.a.spec.id },
          form: { intent: "share", factoryIds: [s.partner.org.id] },
        }),
    },
    {
      label: "unshare",
      run: (slug, cookie) =>
        call(specRoute.action, specUrl(slug, s.a.spec.id), {
          cookie,
          params: { org: slug, specId: s.a.spec.id },
          form: { intent: "unshare", factoryId: s.shared.org.id },
        }),
    },
    {
      label: "new version",
      run: (slug, cookie) =>
        call(specRoute.action, specUrl(slug, s.c.spec.id), { cookie, params: { org: slug, specId: s.c.spec.id }, form: { intent: "new-version" } }),
    },
    {
      label: "upload drawing",
      run: (slug, cookie) => call(editRoute.action, `${versionUrl(slug, s.a.spec.id, 2)}/edit`, { cookie, params: aParams(slug, 2), body: uploadBody() }),
    },
    {
      label: "add defect example",
      run: (slug, cookie) => call(editRoute.action, `${versionUrl(slug, s.a.spec.id, 2)}/edit`, { cookie, params: aParams(slug, 2), body: defectBody() }),
    },
    {
      label: "remove file",
      run: (slug, cookie) =>
        call(editRoute.action, `${versionUrl(slug, s.a.spec.id, 2)}/edit`, {
          cookie,
          params: aParams(slug, 2),
          form: { intent: "remove-file", attachmentId: s.drawingA2.id },
        }),
    },
  ];
}

const comment = (who: SignedInMember, specId: string, number: number, factoryId: string, body: string) =>
  call(versionRoute.action, `${versionUrl(who.org.slug, specId, number)}?factory=${factoryId}`, {
    cookie: who.cookie,
    params: { org: who.org.slug, specId, number: String(number) },
    form: { intent: "comment", body, visibility: "SHARED" },
  });

describe("read-only roles", () => {
  it("an importer viewer gets 403 on every spec write, and nothing changes", async () => {
    const s = await writeScene();
    const viewer = await signedInMember("IMPORTER", "VIEWER", s.importer.org);
    await expectAllForbidden(importerWrites(s), viewer, () => stateOf(s));
    expect((await call(newRoute.loader, `/${viewer.org.slug}/specs/new`, { cookie: viewer.cookie, params: { org: viewer.org.slug } })).status).toBe(403);
    // The role is asked before the fields: an empty form is still a 403, not a list of field errors.
    expect((await call(newRoute.action, `/${viewer.org.slug}/specs/new`, { cookie: viewer.cookie, params: { org: viewer.org.slug }, form: {} })).status).toBe(
      403,
    );
  });

  it("an importer viewer may read but not comment", async () => {
    const s = await writeScene();
    const viewer = await signedInMember("IMPORTER", "VIEWER", s.importer.org);
    const page = await versionPage(viewer, s.a.spec.id, 1);
    expect(page.status).toBe(200);
    expect((await comment(viewer, s.a.spec.id, 1, s.shared.org.id, "Viewer speaking")).status).toBe(403);
    expect(await prisma.comment.count({ where: { threadId: s.a.version.id } })).toBe(0);
  });

  it("an importer member gets 403 on every spec write, but may comment in a factory's thread", async () => {
    const s = await writeScene();
    const importerMember = await signedInMember("IMPORTER", "MEMBER", s.importer.org);
    await expectAllForbidden(importerWrites(s), importerMember, () => stateOf(s));
    const out = await comment(importerMember, s.a.spec.id, 1, s.shared.org.id, "Please use the new carton size.");
    expect(out.status).toBe(302);
    const posted = await prisma.comment.findMany({ where: { threadType: "SpecVersion", threadId: s.a.version.id } });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      orgId: s.importer.org.id,
      factoryId: s.shared.org.id,
      authorId: importerMember.user.id,
      visibility: "SHARED",
      body: "Please use the new carton size.",
    });
  });

  it("a factory viewer gets 403 on acknowledge, query and comment, and nothing is recorded", async () => {
    const s = await writeScene();
    const viewer = await signedInMember("FACTORY", "VIEWER", s.shared.org);
    const params = { org: viewer.org.slug, specId: s.a.spec.id, number: "1" };
    const url = versionUrl(viewer.org.slug, s.a.spec.id, 1);
    const page = await call(versionRoute.loader, url, { cookie: viewer.cookie, params });
    expect(page.status).toBe(200);
    expect((page.data as { can: { acknowledge: boolean } }).can.acknowledge).toBe(false);
    const before = await stateOf(s);
    const forms: Record<string, string>[] = [
      { intent: "acknowledge" },
      { intent: "query", question: "Is the glaze food safe?" },
      { intent: "comment", body: "Hello", visibility: "SHARED" },
    ];
    for (const form of forms) {
      const out = await call(versionRoute.action, url, { cookie: viewer.cookie, params, form });
      expect(out.status, form.intent).toBe(403);
    }
    expect(await stateOf(s)).toBe(before);
    expect(await prisma.outboxEmail.count({ where: { orgId: s.importer.org.id } })).toBe(0);
  });

  it("a factory the spec is shared with cannot share it, unshare it, start a version or edit it (403)", async () => {
    const s = await writeScene();
    const onSpecPage = importerWrites(s).filter((p) => ["share", "unshare", "new version"].includes(p.label));
    expect(onSpecPage).toHaveLength(3);
    await expectAllForbidden(onSpecPage, s.shared, () => stateOf(s));
    // Publishing, editing or uploading to the published v1 is refused as well.
    const v1 = versionProbes(s.a.spec.id, 1, { attachmentId: s.drawingA1.id }, s.shared.org.id).filter((p) =>
      /publish|save|remove|upload|defect/.test(p.label),
    );
    await expectAllForbidden(v1, s.shared, () => stateOf(s));
  });
});

describe("a published version cannot change", () => {
  it("saving content, uploading, removing a file or adding a defect example to a published version answers 403, and nothing changes", async () => {
    const s = await writeScene();
    const quality = s.importer;
    const params = { org: quality.org.slug, specId: s.a.spec.id, number: "1" };
    const url = `${versionUrl(quality.org.slug, s.a.spec.id, 1)}/edit`;
    const before = await stateOf(s);
    const requests: [string, () => Promise<Outcome>][] = [
      ["save content", () => call(editRoute.action, url, { cookie: quality.cookie, params, form: contentForm("Height, quietly changed") })],
      ["upload drawing", () => call(editRoute.action, url, { cookie: quality.cookie, params, body: uploadBody() })],
      ["remove file", () => call(editRoute.action, url, { cookie: quality.cookie, params, form: { intent: "remove-file", attachmentId: s.drawingA1.id } })],
      ["add defect example", () => call(editRoute.action, url, { cookie: quality.cookie, params, body: defectBody() })],
      [
        "publish again",
        () => call(versionRoute.action, versionUrl(quality.org.slug, s.a.spec.id, 1), { cookie: quality.cookie, params, form: { intent: "publish" } }),
      ],
    ];
    for (const [label, request] of requests) {
      const out = await request();
      expect(out.status, label).toBe(403);
      if (label !== "publish again") expect(String(out.data), label).toContain("published");
    }
    expect(await stateOf(s)).toBe(before);
    const v1 = await prisma.specVersion.findUniqueOrThrow({
      where: { id: s.a.version.id },
      include: { characteristics: true, files: true, defectExamples: true },
    });
    expect(v1.status).toBe("PUBLISHED");
    expect(v1.characteristics.map((c) => c.name)).toEqual(["Height"]);
    expect(v1.files.map((f) => f.attachmentId)).toEqual([s.drawingA1.id]);
    expect(v1.defectExamples).toEqual([]);
  });

  it("the editor of a published version sends the quality lead to the read-only page", async () => {
    const s = await writeScene();
    const quality = s.importer;
    const out = await call(editRoute.loader, `${versionUrl(quality.org.slug, s.a.spec.id, 1)}/edit`, {
      cookie: quality.cookie,
      params: { org: quality.org.slug, specId: s.a.spec.id, number: "1" },
    });
    expect(out.status).toBe(302);
    expect(out.location).toBe(versionUrl(quality.org.slug, s.a.spec.id, 1));
  });
});
