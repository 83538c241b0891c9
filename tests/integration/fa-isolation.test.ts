// Who may see and change first articles, through every first-article route
// and the download of a sample photo: outsiders get 404 and learn nothing,
// a draft is the factory's until it is submitted, an ended partnership closes
// everything, and within the two orgs each role may change only its own fields.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import * as filesRoute from "~/routes/$org.files.$attachmentId.tsx";
import * as faRoute from "~/routes/$org.first-articles.$faId._index.tsx";
import * as csvRoute from "~/routes/$org.first-articles.$faId.csv.ts";
import * as reportRoute from "~/routes/$org.first-articles.$faId.report.tsx";
import * as listRoute from "~/routes/$org.first-articles._index.tsx";
import * as newRoute from "~/routes/$org.first-articles.new.tsx";
import { createAcknowledgement, createFirstArticle, createFirstArticlePhoto, createSpec, createSpecShare, unique } from "../support/factories.ts";
import { call, type SignedInMember, signedInMember } from "../support/routes.ts";
import { TINY_PNG } from "../support/files.ts";
import {
  expectAllNotFound,
  expectNotListed,
  expectOutsiderSeesNothing,
  outsiderCases,
  partiesAndOutsiders,
  serializeOutcome,
  type Probe,
  tenantList,
} from "../support/isolation.ts";

const faUrl = (slug: string, faId: string) => `/${slug}/first-articles/${faId}`;
const faParams = (slug: string, faId: string) => ({ org: slug, faId });

/** The lot header as the page posts it, with every field valid. */
const header = (poNumber: string) => ({ poNumber, lotNumber: "L-7", quantityProduced: "1200", sampleCount: "3", inspectedOn: "2025-03-01", notes: "" });
const readingsForm = (key: string, values: string[]) => Object.fromEntries(values.map((v, i) => [`m.${key}.${i + 1}`, v]));

function photoBody() {
  const form = new FormData();
  form.append("files", new File([new Uint8Array(TINY_PNG)], "planted.png", { type: "image/png" }));
  return form;
}

function csvBody() {
  const form = new FormData();
  form.append("csv", new File(["Number,Sample 1,Sample 2,Sample 3\r\n1,99.9,99.9,99.9\r\n"], "readings.csv", { type: "text/csv" }));
  return form;
}

// ---- Probes: one request each, against one loader or action ----

interface Target {
  faId: string;
  photoId: string;
  key: string;
  poNumber: string;
  revision: number;
}

/** Every loader and action of one first article, and the download of its sample photo. */
function faProbes(t: Target): Probe[] {
  const post = (label: string, form: () => Record<string, string>): Probe => ({
    label: `action ${label}`,
    run: (slug, cookie) => call(faRoute.action, faUrl(slug, t.faId), { cookie, params: faParams(slug, t.faId), form: form() }),
  });
  const upload = (label: string, query: string, body: () => FormData): Probe => ({
    label: `action ${label}`,
    run: (slug, cookie) => call(faRoute.action, `${faUrl(slug, t.faId)}${query}`, { cookie, params: faParams(slug, t.faId), body: body() }),
  });
  return [
    { label: "page loader", run: (slug, cookie) => call(faRoute.loader, faUrl(slug, t.faId), { cookie, params: faParams(slug, t.faId) }) },
    post("save", () => ({ intent: "save", ...header("PLANTED-PO"), ...readingsForm(t.key, ["99.9", "99.9", "99.9"]) })),
    post("submit", () => ({ intent: "submit", ...header("PLANTED-PO"), ...readingsForm(t.key, ["95", "95", "95"]) })),
    post("decide", () => ({ intent: "decide", decision: "APPROVED", note: "", revision: String(t.revision) })),
    post("next-round", () => ({ intent: "next-round" })),
    post("comment", () => ({ intent: "comment", body: "Hello from outside", visibility: "SHARED" })),
    upload("upload files", "?upload=files", photoBody),
    upload("import csv", "?upload=csv", csvBody),
    { label: "report loader", run: (slug, cookie) => call(reportRoute.loader, `${faUrl(slug, t.faId)}/report`, { cookie, params: faParams(slug, t.faId) }) },
    { label: "csv loader", run: (slug, cookie) => call(csvRoute.loader, `${faUrl(slug, t.faId)}/csv`, { cookie, params: faParams(slug, t.faId) }) },
    {
      label: "photo download",
      run: (slug, cookie) => call(filesRoute.loader, `/${slug}/files/${t.photoId}`, { cookie, params: { org: slug, attachmentId: t.photoId } }),
    },
  ];
}

const newProbes = (versionId: string): Probe[] => [
  { label: "new loader", run: (slug, cookie) => call(newRoute.loader, `/${slug}/first-articles/new`, { cookie, params: { org: slug } }) },
  {
    label: "new action",
    run: (slug, cookie) =>
      call(newRoute.action, `/${slug}/first-articles/new`, { cookie, params: { org: slug }, form: { versionId, ...header("PLANTED-PO") } }),
  },
];

const list = tenantList(listRoute.loader, "first-articles");

/** Everything a denied request could have changed, to compare before and after. */
async function stateOf(importerId: string) {
  const fas = await prisma.firstArticle.findMany({ where: { importerId }, orderBy: { id: "asc" }, include: { measurements: { orderBy: { id: "asc" } } } });
  const faIds = fas.map((f) => f.id);
  const seriesIds = fas.map((f) => f.seriesId);
  const [attachments, comments, audits, emails] = await Promise.all([
    prisma.attachment.findMany({ where: { ownerType: "FirstArticle", ownerId: { in: faIds } }, orderBy: { id: "asc" } }),
    prisma.comment.findMany({ where: { threadType: "FirstArticle", threadId: { in: seriesIds } }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { subjectType: "FirstArticle", subjectId: { in: faIds } } }),
    prisma.outboxEmail.count({ where: { OR: faIds.map((id) => ({ idempotencyKey: { contains: id } })) } }),
  ]);
  return JSON.stringify({ fas, attachments, comments, audits, emails });
}

/**
 * An importer whose spec is shared with two partner factories. The first
 * factory has a SUBMITTED first article and a DRAFT one, each with a sample
 * photo. Around them: the partner factory (the spec is shared with it too,
 * and acknowledged), a factory that is no partner, and an unrelated importer.
 */
async function scene() {
  const people = await partiesAndOutsiders();
  const { importer, factory, partner } = people;
  const title = `Enamel kettle ${unique("spec")}`;
  const { spec, version } = await createSpec(importer.org.id, { title });
  const key = (await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } })).key;

  await createSpecShare(spec.id, importer.org.id, factory.org.id);
  await createAcknowledgement(version, factory.org.id);

  await createSpecShare(spec.id, importer.org.id, partner.org.id);
  await createAcknowledgement(version, partner.org.id);

  const readings = [1, 2, 3].map((sample) => ({ key, sample, raw: "95.1", value: "95.1", passed: true }));
  const secretNotes = `Die 4 reworked ${unique("note")}`;
  async function fa(status: "SUBMITTED" | "DRAFT") {
    const poNumber = unique(`PO-${status}`);
    const row = await createFirstArticle(importer.org, factory.org, spec, version, {
      status,
      poNumber,
      notes: secretNotes,
      createdById: factory.user.id,
      readings,
    });
    const photo = await createFirstArticlePhoto(row, { name: `${unique("secret-photo")}.png` });
    return { row, photo, target: { faId: row.id, photoId: photo.id, key, poNumber, revision: row.revision } satisfies Target };
  }
  const submitted = await fa("SUBMITTED");
  const draft = await fa("DRAFT");
  const secrets = [submitted.target.poNumber, draft.target.poNumber, secretNotes, submitted.photo.name, draft.photo.name];
  return { ...people, spec, version, key, title, submitted, draft, secrets };
}
type Scene = Awaited<ReturnType<typeof scene>>;

describe("outsiders see nothing of a first article", () => {
  let s: Scene;
  let before: string;
  beforeAll(async () => {
    s = await scene();
    before = await stateOf(s.importer.org.id);
  });

  // Checked first, so that the 404s below are about the people, not broken data.
  it("its factory opens the page, report, CSV and photo of both; the importer opens the submitted one", async () => {
    for (const t of [s.submitted.target, s.draft.target]) {
      const [page, , , , , , , , report, csv, photo] = faProbes(t);
      for (const probe of [page!, report!, csv!, photo!]) expect((await probe.run(s.factory.org.slug, s.factory.cookie)).status, probe.label).toBe(200);
    }
    const [page, , , , , , , , report, csv, photo] = faProbes(s.submitted.target);
    for (const probe of [page!, report!, csv!, photo!]) expect((await probe.run(s.importer.org.slug, s.importer.cookie)).status, probe.label).toBe(200);
    expect(await list.ids(s.factory)).toEqual(expect.arrayContaining([s.submitted.row.id, s.draft.row.id]));
    expect(await list.ids(s.importer)).toContain(s.submitted.row.id);
  });

  for (const [who, key] of outsiderCases("a partner factory of the same importer, sharing the same spec")) {
    it(`${who} gets 404 and no data from every first-article loader, action and photo, through its own org and the two parties'`, async () => {
      await expectOutsiderSeesNothing(s[key], {
        probes: [...faProbes(s.submitted.target), ...faProbes(s.draft.target)],
        orgProbes: [list.probe, ...newProbes(s.version.id)],
        parties: [s.importer, s.factory],
        // The partner may know the spec (it is shared with it too); the others may not even learn its title.
        secrets: key === "partner" ? s.secrets : [...s.secrets, s.title],
      });
      expect(await stateOf(s.importer.org.id)).toBe(before);
    });

    it(`${who} finds neither first article in its own list or start page`, async () => {
      const outsider = s[key];
      await expectNotListed(list, outsider, {
        queries: ["", "?status=SUBMITTED", "?status=DRAFT", `?partner=${s.importer.org.id}`, `?spec=${s.spec.id}`],
        hidden: [s.submitted.row.id, s.draft.row.id],
        secrets: s.secrets,
      });
      const start = await newProbes(s.version.id)[0]!.run(outsider.org.slug, outsider.cookie);
      for (const secret of s.secrets) expect(serializeOutcome(start)).not.toContain(secret);
    });
  }

  it("a factory the spec is not shared with cannot start a first article on it (no first article is made)", async () => {
    const out = await newProbes(s.version.id)[1]!.run(s.stranger.org.slug, s.stranger.cookie);
    expect(out.status).toBe(400);
    expect(await prisma.firstArticle.count({ where: { factoryId: s.stranger.org.id } })).toBe(0);
  });

  it("the importer gets 404 on a draft — page, every action, report, CSV and its photo — and does not find it in its list", async () => {
    for (const who of [s.importer, s.importerMember]) {
      await expectAllNotFound(faProbes(s.draft.target), who.org.slug, who.cookie, [s.draft.target.poNumber, s.draft.photo.name]);
      for (const query of ["", "?status=DRAFT", `?partner=${s.factory.org.id}`]) expect(await list.ids(who, query)).not.toContain(s.draft.row.id);
    }
    expect(await stateOf(s.importer.org.id)).toBe(before);
  });
});

describe("a partnership that ends", () => {
  /** A factory with a SUBMITTED and a DRAFT first article (each with a sample photo it uploaded), then the partnership ends. */
  async function endedScene() {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const factory = await signedInMember("FACTORY", "QUALITY");
    const { spec, version } = await createSpec(importer.org.id);
    await createSpecShare(spec.id, importer.org.id, factory.org.id);
    await createAcknowledgement(version, factory.org.id);
    const key = (await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } })).key;
    const targets: Target[] = [];
    for (const status of ["SUBMITTED", "DRAFT"] as const) {
      const poNumber = unique("PO-ended");
      const fa = await createFirstArticle(importer.org, factory.org, spec, version, {
        status,
        poNumber,
        readings: [{ key, sample: 1, raw: "95", value: "95", passed: true }],
      });
      const photo = await createFirstArticlePhoto(fa);
      targets.push({ faId: fa.id, photoId: photo.id, key, poNumber, revision: fa.revision });
    }
    // Open while the partnership is active.
    for (const t of targets) {
      expect((await faProbes(t)[0]!.run(factory.org.slug, factory.cookie)).status).toBe(200);
      expect((await faProbes(t).at(-1)!.run(factory.org.slug, factory.cookie)).status).toBe(200);
    }
    await prisma.partnership.updateMany({ where: { importerId: importer.org.id, factoryId: factory.org.id }, data: { status: "ENDED", endedAt: new Date() } });
    return { importer, factory, targets };
  }

  it("closes the factory's first articles to it: 404 on the page, every action, the report and the CSV, and gone from its list; the importer keeps the submitted one", async () => {
    const { importer, factory, targets } = await endedScene();
    const before = await stateOf(importer.org.id);
    for (const t of targets) {
      const routes = faProbes(t).filter((p) => p.label !== "photo download");
      await expectAllNotFound(routes, factory.org.slug, factory.cookie, [t.poNumber]);
    }
    expect(await list.ids(factory)).toEqual([]);
    expect(await stateOf(importer.org.id)).toBe(before);

    // The importer keeps the history of what was submitted, photo included.
    const [page, , , , , , , , report, csv, photo] = faProbes(targets[0]!);
    for (const probe of [page!, report!, csv!, photo!]) expect((await probe.run(importer.org.slug, importer.cookie)).status, probe.label).toBe(200);
  });

  it("closes the sample photos too, even those the factory uploaded itself (404)", async () => {
    const { factory, targets } = await endedScene();
    for (const t of targets) {
      const photo = faProbes(t).find((p) => p.label === "photo download")!;
      const out = await photo.run(factory.org.slug, factory.cookie);
      expect(out.status, `photo of the ${t === targets[0] ? "submitted" : "draft"} first article`).toBe(404);
    }
  });
});

describe("each side changes only its own fields", () => {
  /** A first article of the scene's factory, made fresh for a test that may change it. */
  async function freshFa(s: Scene, status: "SUBMITTED" | "DRAFT", options: { photo?: boolean } = {}) {
    const poNumber = unique("PO");
    const fa = await createFirstArticle(s.importer.org, s.factory.org, s.spec, s.version, {
      status,
      poNumber,
      readings: [1, 2, 3].map((sample) => ({ key: s.key, sample, raw: "95.1", value: "95.1", passed: true })),
    });
    if (options.photo ?? true) await createFirstArticlePhoto(fa);
    return fa;
  }
  const post = (who: SignedInMember, faId: string, form: Record<string, string>) =>
    call(faRoute.action, faUrl(who.org.slug, faId), { cookie: who.cookie, params: faParams(who.org.slug, faId), form });
  const readingsOf = async (faId: string) =>
    (await prisma.measurement.findMany({ where: { firstArticleId: faId }, orderBy: { sample: "asc" } })).map((m) => [
      m.characteristicKey,
      m.sample,
      m.raw,
      m.value?.toString() ?? null,
      m.passed,
    ]);

  let s: Scene;
  beforeAll(async () => {
    s = await scene();
  });

  it("a factory user posting a decision gets 403 and the first article stays submitted", async () => {
    const fa = await freshFa(s, "SUBMITTED");
    for (const decision of ["APPROVED", "REJECTED"]) {
      const out = await post(s.factory, fa.id, { intent: "decide", decision, note: "We approve ourselves", revision: String(fa.revision) });
      expect(out.status).toBe(403);
    }
    expect(await prisma.firstArticle.findUniqueOrThrow({ where: { id: fa.id } })).toMatchObject({
      status: "SUBMITTED",
      decidedById: null,
      decisionNote: null,
      revision: fa.revision,
    });
    expect(await prisma.auditEvent.count({ where: { subjectId: fa.id, action: "firstArticle.decide" } })).toBe(0);
  });

  it("an importer posting readings gets 403 and the factory's measurements stay as recorded", async () => {
    const fa = await freshFa(s, "SUBMITTED");
    const recorded = await readingsOf(fa.id);
    for (const who of [s.importer, s.importerMember]) {
      for (const intent of ["save", "submit"]) {
        const out = await post(who, fa.id, { intent, ...header(fa.poNumber), ...readingsForm(s.key, ["99", "99", "99"]) });
        expect(out.status, `${intent} as importer ${who.membership.role}`).toBe(403);
      }
    }
    expect(await readingsOf(fa.id)).toEqual(recorded);
    expect(await prisma.firstArticle.findUniqueOrThrow({ where: { id: fa.id } })).toMatchObject({
      status: "SUBMITTED",
      revision: fa.revision,
      poNumber: fa.poNumber,
    });
  });

  it("a write the role may not make is refused as forbidden (403) before its fields are checked, however incomplete the form", async () => {
    const fa = await freshFa(s, "SUBMITTED");
    const recorded = await readingsOf(fa.id);
    // Readings alone, without the lot header the factory's form carries.
    const importerSave = await post(s.importer, fa.id, { intent: "save", ...readingsForm(s.key, ["99", "99", "99"]) });
    const factorySave = await post(s.factory, fa.id, { intent: "save", ...readingsForm(s.key, ["99", "99", "99"]) });
    // A decision without a decision in it.
    const factoryDecide = await post(s.factory, fa.id, { intent: "decide", revision: String(fa.revision) });
    expect([importerSave.status, factorySave.status, factoryDecide.status]).toEqual([403, 403, 403]);
    expect(await readingsOf(fa.id)).toEqual(recorded);
  });

  it("a factory viewer or an importer posting an invalid start form gets 403 (the role decides before the fields), and nothing is made", async () => {
    for (const who of [s.factoryViewer, s.importer]) {
      const before = await prisma.firstArticle.count();
      const out = await call(newRoute.action, `/${who.org.slug}/first-articles/new`, {
        cookie: who.cookie,
        params: { org: who.org.slug },
        form: { versionId: "", poNumber: "", sampleCount: "0" },
      });
      expect(out.status, `new action as ${who.org.kind} ${who.membership.role}`).toBe(403);
      expect(await prisma.firstArticle.count()).toBe(before);
    }
  });

  it("a submitted first article is closed to its factory: save, submit, photo upload and CSV import answer 403 and change nothing", async () => {
    const fa = await freshFa(s, "SUBMITTED");
    const recorded = await readingsOf(fa.id);
    const photos = await prisma.attachment.count({ where: { ownerType: "FirstArticle", ownerId: fa.id } });
    const url = faUrl(s.factory.org.slug, fa.id);
    const params = faParams(s.factory.org.slug, fa.id);
    const save = await post(s.factory, fa.id, { intent: "save", ...header(fa.poNumber), ...readingsForm(s.key, ["95.2", "95.2", "95.2"]) });
    const submit = await post(s.factory, fa.id, { intent: "submit", ...header(fa.poNumber), ...readingsForm(s.key, ["95.2", "95.2", "95.2"]) });
    const upload = await call(faRoute.action, `${url}?upload=files`, { cookie: s.factory.cookie, params, body: photoBody() });
    const csv = await call(faRoute.action, `${url}?upload=csv`, { cookie: s.factory.cookie, params, body: csvBody() });
    expect([save.status, submit.status, upload.status, csv.status]).toEqual([403, 403, 403, 403]);
    expect(await readingsOf(fa.id)).toEqual(recorded);
    expect(await prisma.attachment.count({ where: { ownerType: "FirstArticle", ownerId: fa.id } })).toBe(photos);
    expect(await prisma.firstArticle.findUniqueOrThrow({ where: { id: fa.id } })).toMatchObject({ status: "SUBMITTED", revision: fa.revision });
  });

  it("a factory member saves readings but cannot submit (403): the first article stays a draft", async () => {
    const fa = await freshFa(s, "DRAFT");
    const save = await post(s.factoryMember, fa.id, { intent: "save", ...header(fa.poNumber), ...readingsForm(s.key, ["95.2", "95.3", "95.4"]) });
    expect(save.status).toBe(302);
    expect((await readingsOf(fa.id)).map((r) => r[2])).toEqual(["95.2", "95.3", "95.4"]);
    const submit = await post(s.factoryMember, fa.id, { intent: "submit", ...header(fa.poNumber), ...readingsForm(s.key, ["95.2", "95.3", "95.4"]) });
    expect(submit.status).toBe(403);
    expect(await prisma.firstArticle.findUniqueOrThrow({ where: { id: fa.id } })).toMatchObject({ status: "DRAFT", submittedAt: null, submittedById: null });
    expect(await prisma.auditEvent.count({ where: { subjectId: fa.id, action: "firstArticle.submit" } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: { startsWith: `fa-submitted:${fa.id}:` } } })).toBe(0);
  });

  it("a factory viewer reads a draft but cannot save readings or add photos (403)", async () => {
    const fa = await freshFa(s, "DRAFT");
    const recorded = await readingsOf(fa.id);
    const page = await call(faRoute.loader, faUrl(s.factoryViewer.org.slug, fa.id), {
      cookie: s.factoryViewer.cookie,
      params: faParams(s.factoryViewer.org.slug, fa.id),
    });
    expect(page.status).toBe(200);
    expect((page.data as { can: Record<string, boolean> }).can).toMatchObject({ edit: false, submit: false, decide: false });
    const save = await post(s.factoryViewer, fa.id, { intent: "save", ...header(fa.poNumber), ...readingsForm(s.key, ["94", "94", "94"]) });
    expect(save.status).toBe(403);
    const upload = await call(faRoute.action, `${faUrl(s.factoryViewer.org.slug, fa.id)}?upload=files`, {
      cookie: s.factoryViewer.cookie,
      params: faParams(s.factoryViewer.org.slug, fa.id),
      body: photoBody(),
    });
    expect(upload.status).toBe(403);
    expect(await readingsOf(fa.id)).toEqual(recorded);
    expect(await prisma.firstArticle.findUniqueOrThrow({ where: { id: fa.id } })).toMatchObject({ status: "DRAFT", revision: fa.revision });
  });

  it("the importer's member cannot decide (403) but can comment on a submitted first article", async () => {
    const fa = await freshFa(s, "SUBMITTED");
    const page = await call(faRoute.loader, faUrl(s.importerMember.org.slug, fa.id), {
      cookie: s.importerMember.cookie,
      params: faParams(s.importerMember.org.slug, fa.id),
    });
    expect(page.status).toBe(200);
    expect((page.data as { can: Record<string, boolean> }).can).toMatchObject({ edit: false, decide: false });
    const decide = await post(s.importerMember, fa.id, { intent: "decide", decision: "APPROVED", note: "", revision: String(fa.revision) });
    expect(decide.status).toBe(403);
    expect((await prisma.firstArticle.findUniqueOrThrow({ where: { id: fa.id } })).status).toBe("SUBMITTED");
    const body = `Please add a photo of the spout ${unique("c")}`;
    const comment = await post(s.importerMember, fa.id, { intent: "comment", body, visibility: "SHARED" });
    expect(comment.status).toBe(302);
    const stored = await prisma.comment.findFirstOrThrow({ where: { threadType: "FirstArticle", threadId: fa.seriesId, body } });
    expect(stored).toMatchObject({ authorId: s.importerMember.user.id, orgId: s.importer.org.id, factoryId: s.factory.org.id, visibility: "SHARED" });
  });
});
