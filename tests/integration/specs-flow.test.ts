// A specification's life, through the real route loaders and actions: an
// importer's quality lead writes and publishes it, shares it with partner
// factories, a factory acknowledges it, a second version changes one
// tolerance, the factory sees exactly that change, queries it and talks it
// through in its own thread. Then the lists that tell each side what to do.
import { beforeAll, describe, expect, it } from "vitest";
import type { VersionDiff } from "~/features/specs/diff.ts";
import type { VersionSnapshot } from "~/features/specs/snapshot.ts";
import { prisma } from "~/lib/db.server.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import * as diffRoute from "~/routes/$org.specs.$specId.diff.tsx";
import * as specRoute from "~/routes/$org.specs.$specId._index.tsx";
import * as editRoute from "~/routes/$org.specs.$specId.v.$number.edit.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import * as listRoute from "~/routes/$org.specs._index.tsx";
import * as newRoute from "~/routes/$org.specs.new.tsx";
import { createPartnership, createSpec, createSpecShare, unique } from "../support/factories.ts";

// Refusals travel as catalogue keys; read here as an English reader sees them.
const english = (messages: string[] | undefined) => messages?.map((m) => translateMessage("en", m));
const formErrors = (out: Outcome) => english(formMessages(out))!;
import { call, formErrors as formMessages, type Outcome, signedInMember, type SignedInMember } from "../support/routes.ts";

const APP_URL = "http://portal.test";

interface CharacteristicRow {
  key?: string;
  number: string;
  name: string;
  kind?: "VARIABLE" | "ATTRIBUTE";
  nominal?: string;
  lowerTol?: string;
  upperTol?: string;
  unit?: string;
  class?: "CRITICAL" | "MAJOR" | "MINOR";
  method?: string;
}
interface MaterialRow {
  key?: string;
  material: string;
  grade?: string;
  source?: string;
}

/** The edit form as the browser posts it: conform's `list[index].field` names. */
function contentForm(content: { description?: string; packaging?: string; notes?: string; characteristics: CharacteristicRow[]; materials: MaterialRow[] }) {
  const form: Record<string, string> = {
    description: content.description ?? "",
    notes: content.notes ?? "",
    packaging: content.packaging ?? "",
  };
  content.characteristics.forEach((row, i) => {
    for (const [field, value] of Object.entries(row)) if (value !== undefined) form[`characteristics[${i}].${field}`] = value;
  });
  content.materials.forEach((row, i) => {
    for (const [field, value] of Object.entries(row)) if (value !== undefined) form[`materials[${i}].${field}`] = value;
  });
  return form;
}

const specUrl = (slug: string, specId: string) => `/${slug}/specs/${specId}`;
const versionUrl = (slug: string, specId: string, number: number) => `${specUrl(slug, specId)}/v/${number}`;

const versionParams = (who: SignedInMember, specId: string, number: number) => ({ org: who.org.slug, specId, number: String(number) });
const editAction = (who: SignedInMember, specId: string, number: number, form: Record<string, string>) =>
  call(editRoute.action, `${versionUrl(who.org.slug, specId, number)}/edit`, { cookie: who.cookie, params: versionParams(who, specId, number), form });
const editLoader = (who: SignedInMember, specId: string, number: number) =>
  call(editRoute.loader, `${versionUrl(who.org.slug, specId, number)}/edit`, { cookie: who.cookie, params: versionParams(who, specId, number) });
const versionAction = (who: SignedInMember, specId: string, number: number, form: Record<string, string>, query = "") =>
  call(versionRoute.action, `${versionUrl(who.org.slug, specId, number)}${query}`, { cookie: who.cookie, params: versionParams(who, specId, number), form });
const versionLoader = (who: SignedInMember, specId: string, number: number, query = "") =>
  call(versionRoute.loader, `${versionUrl(who.org.slug, specId, number)}${query}`, { cookie: who.cookie, params: versionParams(who, specId, number) });
const specAction = (who: SignedInMember, specId: string, form: Record<string, string | string[]>) =>
  call(specRoute.action, specUrl(who.org.slug, specId), { cookie: who.cookie, params: { org: who.org.slug, specId }, form });

type VersionPage = {
  version: { id: string; number: number; status: string };
  snapshot: VersionSnapshot;
  changes: { from: number; diff: VersionDiff } | null;
  thread: { comments: { body: string; visibility: string; org: { id: string } }[] } | null;
  threadFactoryId: string | null;
};
const pageData = (out: Outcome) => {
  expect(out.status).toBe(200);
  return out.data as VersionPage;
};

const FIRST_CONTENT = {
  description: "Stoneware mug, 350 ml, reactive glaze.",
  packaging: "Each mug in a paper sleeve; 12 per carton with dividers.",
  characteristics: [
    { number: "1", name: "Height", kind: "VARIABLE", nominal: "95", lowerTol: "-0.05", upperTol: "0.05", unit: "mm", class: "MAJOR", method: "Caliper" },
    {
      number: "2",
      name: "Rim diameter",
      kind: "VARIABLE",
      nominal: "82.5",
      lowerTol: "-0.5",
      upperTol: "0.5",
      unit: "mm",
      class: "CRITICAL",
      method: "Caliper",
    },
    { number: "3", name: "Glaze finish", kind: "ATTRIBUTE", class: "MINOR", method: "No pinholes larger than 0.5 mm at arm's length" },
  ] satisfies CharacteristicRow[],
  materials: [{ material: "Stoneware clay", grade: "B-12", source: "Jingdezhen supplier" }] satisfies MaterialRow[],
};

describe("a specification from first draft to second version", () => {
  let quality: SignedInMember;
  let owner: SignedInMember;
  let importerMember: SignedInMember;
  let importerViewer: SignedInMember;
  let factory: SignedInMember;
  let factoryMember: SignedInMember;
  let factoryViewer: SignedInMember;
  let second: SignedInMember;
  let stranger: SignedInMember;
  let specId = "";
  const productCode = `MUG-${unique("x").slice(2).toUpperCase()}`;
  const title = `Stoneware mug 350 ml ${unique("t")}`;

  beforeAll(async () => {
    quality = await signedInMember("IMPORTER", "QUALITY");
    owner = await signedInMember("IMPORTER", "OWNER", quality.org);
    importerMember = await signedInMember("IMPORTER", "MEMBER", quality.org);
    importerViewer = await signedInMember("IMPORTER", "VIEWER", quality.org);
    factory = await signedInMember("FACTORY", "QUALITY");
    factoryMember = await signedInMember("FACTORY", "MEMBER", factory.org);
    factoryViewer = await signedInMember("FACTORY", "VIEWER", factory.org);
    second = await signedInMember("FACTORY", "QUALITY");
    stranger = await signedInMember("FACTORY", "OWNER");
    await createPartnership(quality.org.id, factory.org.id, "ACTIVE");
    await createPartnership(quality.org.id, second.org.id, "ACTIVE");
  });

  it("a quality lead creates a specification and lands in the editor of draft v1", async () => {
    const out = await call(newRoute.action, `/${quality.org.slug}/specs/new`, {
      cookie: quality.cookie,
      params: { org: quality.org.slug },
      form: { title, productCode, description: "Our best-selling mug." },
    });
    expect(out.status).toBe(302);
    const spec = await prisma.spec.findUniqueOrThrow({ where: { orgId_productCode: { orgId: quality.org.id, productCode } }, include: { versions: true } });
    specId = spec.id;
    expect(out.location).toBe(`${versionUrl(quality.org.slug, spec.id, 1)}/edit`);
    expect(spec).toMatchObject({ title, createdById: quality.user.id, currentVersionId: null });
    expect(spec.versions.map((v) => [v.number, v.status])).toEqual([[1, "DRAFT"]]);
    expect(await prisma.auditEvent.count({ where: { orgId: quality.org.id, action: "spec.create", subjectId: spec.id } })).toBe(1);
  });

  it("a second specification with the same product code is refused with 409 and says why", async () => {
    const out = await call(newRoute.action, `/${quality.org.slug}/specs/new`, {
      cookie: quality.cookie,
      params: { org: quality.org.slug },
      form: { title: "Another mug", productCode },
    });
    expect(out.status).toBe(409);
    expect(formErrors(out).join(" ")).toContain(`product code ${productCode} already exists`);
    expect(await prisma.spec.count({ where: { orgId: quality.org.id } })).toBe(1);
  });

  it("publishing a draft without characteristics is refused with 422", async () => {
    const out = await versionAction(quality, specId, 1, { intent: "publish" });
    expect(out.status).toBe(422);
    expect(formErrors(out).join(" ")).toContain("at least one characteristic");
    const v1 = await prisma.specVersion.findFirstOrThrow({ where: { specId, number: 1 } });
    expect(v1.status).toBe("DRAFT");
    expect((await prisma.spec.findUniqueOrThrow({ where: { id: specId } })).currentVersionId).toBeNull();
  });

  it("invalid rows come back with 400, a message per field and the values as typed, and nothing is saved", async () => {
    const form = contentForm({
      packaging: "Typed packaging text",
      characteristics: [
        { number: "1", name: "Height", kind: "VARIABLE", nominal: "ninety-five", lowerTol: "-0.05", upperTol: "0.05", unit: "mm" },
        { number: "2", name: "Rim diameter", kind: "VARIABLE", nominal: "82.5", lowerTol: "1", upperTol: "-1", unit: "" },
        { number: "3", name: "Glaze finish", kind: "ATTRIBUTE", nominal: "5", method: "" },
        { number: "4", name: "", kind: "VARIABLE", nominal: "10", upperTol: "0.1", unit: "mm" },
      ],
      materials: [{ material: "", grade: "B-12" }],
    });
    const out = await editAction(quality, specId, 1, form);
    expect(out.status).toBe(400);
    const result = (out.data as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }).result;
    expect(english(result.error["characteristics[0].nominal"])).toEqual(["Nominal must be a number like 12.5 or -0.05 (at most 6 decimals)"]);
    expect(english(result.error["characteristics[1].lowerTol"])).toEqual(["The lower tolerance must not be above the upper one"]);
    expect(english(result.error["characteristics[1].unit"])).toEqual(["Give the unit, e.g. mm"]);
    expect(english(result.error["characteristics[2].nominal"])).toEqual(["A visual check has no numbers: describe it under “What passes”"]);
    expect(english(result.error["characteristics[2].method"])).toEqual(["Say what passes, e.g. “no chips larger than 1 mm”"]);
    expect(english(result.error["characteristics[3].name"])).toEqual(["Name what is measured"]);
    expect(english(result.error["materials[0].material"])).toEqual(["Name the material"]);
    expect(result.error["characteristics[0].name"]).toBeUndefined();
    // What the user typed comes back, so the form is not emptied.
    const initial = result.initialValue as { packaging: string; characteristics: Record<string, string>[]; materials: Record<string, string>[] };
    expect(initial.packaging).toBe("Typed packaging text");
    expect(initial.characteristics[0]).toMatchObject({ nominal: "ninety-five", lowerTol: "-0.05", upperTol: "0.05", unit: "mm", name: "Height" });
    expect(initial.characteristics[1]).toMatchObject({ name: "Rim diameter", lowerTol: "1", upperTol: "-1", nominal: "82.5" });
    expect(initial.characteristics[2]).toMatchObject({ kind: "ATTRIBUTE", nominal: "5" });
    expect(initial.materials[0]).toMatchObject({ grade: "B-12" });
    const v1 = await prisma.specVersion.findFirstOrThrow({ where: { specId, number: 1 }, include: { characteristics: true, materials: true } });
    expect(v1.characteristics).toEqual([]);
    expect(v1.materials).toEqual([]);
    expect(v1.packaging).toBe("");
  });

  it("saving the draft stores three characteristics, a material and packaging, with decimals exactly as written", async () => {
    const out = await editAction(quality, specId, 1, contentForm(FIRST_CONTENT));
    expect(out.status).toBe(302);
    expect(out.location).toBe(`${versionUrl(quality.org.slug, specId, 1)}/edit`);
    const v1 = await prisma.specVersion.findFirstOrThrow({
      where: { specId, number: 1 },
      include: { characteristics: { orderBy: { position: "asc" } }, materials: true },
    });
    expect(v1.description).toBe(FIRST_CONTENT.description);
    expect(v1.packaging).toBe(FIRST_CONTENT.packaging);
    expect(v1.characteristics.map((c) => [c.number, c.name, c.kind, c.class, c.unit])).toEqual([
      ["1", "Height", "VARIABLE", "MAJOR", "mm"],
      ["2", "Rim diameter", "VARIABLE", "CRITICAL", "mm"],
      ["3", "Glaze finish", "ATTRIBUTE", "MINOR", ""],
    ]);
    const [height, rim, glaze] = v1.characteristics;
    expect([height!.nominal?.toString(), height!.lowerTol?.toString(), height!.upperTol?.toString()]).toEqual(["95", "-0.05", "0.05"]);
    expect([rim!.nominal?.toString(), rim!.lowerTol?.toString(), rim!.upperTol?.toString()]).toEqual(["82.5", "-0.5", "0.5"]);
    expect([glaze!.nominal, glaze!.lowerTol, glaze!.upperTol]).toEqual([null, null, null]);
    expect(glaze!.method).toBe(FIRST_CONTENT.characteristics[2]!.method);
    expect(new Set(v1.characteristics.map((c) => c.key)).size).toBe(3);
    expect(v1.materials.map((m) => [m.material, m.grade, m.source])).toEqual([["Stoneware clay", "B-12", "Jingdezhen supplier"]]);

    // The editor shows the same exact strings ("0.05", never 0.05000000000000000277).
    const editor = await editLoader(quality, specId, 1);
    expect(editor.status).toBe(200);
    const snapshot = (editor.data as { snapshot: VersionSnapshot }).snapshot;
    expect(snapshot.characteristics.map((c) => [c.nominal, c.lowerTol, c.upperTol])).toEqual([
      ["95", "-0.05", "0.05"],
      ["82.5", "-0.5", "0.5"],
      [null, null, null],
    ]);
    expect(await prisma.auditEvent.count({ where: { orgId: quality.org.id, action: "specVersion.update", subjectId: v1.id } })).toBe(1);
  });

  it("publishing makes v1 PUBLISHED and current, with an audit event", async () => {
    const out = await versionAction(quality, specId, 1, { intent: "publish" });
    expect(out.status).toBe(302);
    expect(out.location).toBe(versionUrl(quality.org.slug, specId, 1));
    const v1 = await prisma.specVersion.findFirstOrThrow({ where: { specId, number: 1 } });
    expect(v1.status).toBe("PUBLISHED");
    expect(v1.publishedById).toBe(quality.user.id);
    expect(v1.publishedAt).toBeInstanceOf(Date);
    expect((await prisma.spec.findUniqueOrThrow({ where: { id: specId } })).currentVersionId).toBe(v1.id);
    const audit = await prisma.auditEvent.findMany({ where: { orgId: quality.org.id, action: "specVersion.publish", subjectId: v1.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(quality.user.id);
    // Not shared with anyone yet: nobody is emailed.
    expect(await prisma.outboxEmail.count({ where: { template: "spec-published", orgId: { in: [factory.org.id, second.org.id] } } })).toBe(0);
  });

  it("sharing with a factory that is not a partner is refused with 400", async () => {
    const out = await specAction(quality, specId, { intent: "share", factoryIds: [stranger.org.id] });
    expect(out.status).toBe(400);
    expect(formErrors(out).join(" ")).toContain("active partners");
    expect(await prisma.specShare.count({ where: { specId } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { orgId: stranger.org.id } })).toBe(0);
  });

  it("sharing with a partner factory records it and emails every member of that factory a link to the version", async () => {
    const out = await specAction(quality, specId, { intent: "share", factoryIds: [factory.org.id] });
    expect(out.status).toBe(302);
    expect(out.location).toBe(specUrl(quality.org.slug, specId));
    const share = await prisma.specShare.findFirstOrThrow({ where: { specId, factoryId: factory.org.id } });
    expect(share.createdById).toBe(quality.user.id);
    const audit = await prisma.auditEvent.findMany({ where: { orgId: quality.org.id, action: "spec.share", subjectId: specId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toMatchObject({ factoryId: { to: factory.org.id } });

    const emails = await prisma.outboxEmail.findMany({ where: { template: "spec-published", orgId: factory.org.id } });
    expect(emails.map((e) => e.to).sort()).toEqual([factory.user.email, factoryMember.user.email, factoryViewer.user.email].sort());
    for (const email of emails) {
      expect(email.data).toMatchObject({ title, productCode, version: 1, link: `${APP_URL}${versionUrl(factory.org.slug, specId, 1)}`, diffLink: null });
    }
    // The second factory is shared with too, for the threads below.
    expect((await specAction(quality, specId, { intent: "share", factoryIds: [second.org.id] })).status).toBe(302);
    expect(await prisma.outboxEmail.count({ where: { template: "spec-published", orgId: second.org.id } })).toBe(1);
  });

  it("a factory member acknowledges v1: ACKNOWLEDGED, the importer's owners and quality leads are emailed, both orgs audit it", async () => {
    const page = pageData(await versionLoader(factoryMember, specId, 1));
    expect(page.snapshot.characteristics.map((c) => c.name)).toEqual(["Height", "Rim diameter", "Glaze finish"]);
    expect((page as unknown as { can: { acknowledge: boolean } }).can.acknowledge).toBe(true);

    const out = await versionAction(factoryMember, specId, 1, { intent: "acknowledge" });
    expect(out.status).toBe(302);
    const v1 = await prisma.specVersion.findFirstOrThrow({ where: { specId, number: 1 } });
    const ack = await prisma.acknowledgement.findUniqueOrThrow({ where: { versionId_factoryId: { versionId: v1.id, factoryId: factory.org.id } } });
    expect(ack).toMatchObject({ status: "ACKNOWLEDGED", userId: factoryMember.user.id, importerId: quality.org.id, question: null });

    const emails = await prisma.outboxEmail.findMany({ where: { template: "spec-acknowledged", orgId: quality.org.id } });
    expect(emails.map((e) => e.to).sort()).toEqual([quality.user.email, owner.user.email].sort());
    expect(emails.map((e) => e.to)).not.toContain(importerMember.user.email);
    expect(emails.map((e) => e.to)).not.toContain(importerViewer.user.email);
    for (const email of emails)
      expect(email.data).toMatchObject({
        factoryName: factory.org.name,
        status: "ACKNOWLEDGED",
        version: 1,
        link: `${APP_URL}${versionUrl(quality.org.slug, specId, 1)}`,
      });

    for (const orgId of [factory.org.id, quality.org.id]) {
      expect(await prisma.auditEvent.count({ where: { orgId, action: "specVersion.acknowledge", subjectId: v1.id, actorId: factoryMember.user.id } })).toBe(1);
    }
  });

  let v1Keys: string[] = [];

  it("starting a new version makes a v2 draft that copies the characteristics with the same keys", async () => {
    const out = await specAction(quality, specId, { intent: "new-version" });
    expect(out.status).toBe(302);
    expect(out.location).toBe(`${versionUrl(quality.org.slug, specId, 2)}/edit`);
    const [v1, v2] = await prisma.specVersion.findMany({
      where: { specId },
      orderBy: { number: "asc" },
      include: { characteristics: { orderBy: { position: "asc" } }, materials: true },
    });
    expect(v2).toMatchObject({ number: 2, status: "DRAFT", packaging: FIRST_CONTENT.packaging });
    v1Keys = v1!.characteristics.map((c) => c.key);
    expect(v2!.characteristics.map((c) => c.key)).toEqual(v1Keys);
    const strip = (c: { nominal: unknown; lowerTol: unknown; upperTol: unknown; name: string; kind: string; number: string }) => [
      c.number,
      c.name,
      c.kind,
      String(c.nominal),
      String(c.lowerTol),
      String(c.upperTol),
    ];
    expect(v2!.characteristics.map(strip)).toEqual(v1!.characteristics.map(strip));
    expect(v2!.materials.map((m) => m.key)).toEqual(v1!.materials.map((m) => m.key));
    // v1 stays as it was, still current.
    expect(v1!.status).toBe("PUBLISHED");
    expect((await prisma.spec.findUniqueOrThrow({ where: { id: specId } })).currentVersionId).toBe(v1!.id);
  });

  it("changing one tolerance and publishing v2 supersedes v1 and emails the factory a link to the changes since v1", async () => {
    const editor = await editLoader(quality, specId, 2);
    expect(editor.status).toBe(200);
    const snapshot = (editor.data as { snapshot: VersionSnapshot }).snapshot;
    const characteristics = snapshot.characteristics.map((c) => ({
      key: c.key,
      number: c.number,
      name: c.name,
      kind: c.kind,
      nominal: c.nominal ?? undefined,
      lowerTol: c.lowerTol ?? undefined,
      upperTol: c.upperTol ?? undefined,
      unit: c.unit,
      class: c.class,
      method: c.method,
    }));
    characteristics[0]!.upperTol = "0.08";
    const saved = await editAction(
      quality,
      specId,
      2,
      contentForm({ description: snapshot.description, packaging: snapshot.packaging, notes: snapshot.notes, characteristics, materials: snapshot.materials }),
    );
    expect(saved.status).toBe(302);

    const published = await versionAction(quality, specId, 2, { intent: "publish" });
    expect(published.status).toBe(302);
    const [v1, v2] = await prisma.specVersion.findMany({
      where: { specId },
      orderBy: { number: "asc" },
      include: { characteristics: { orderBy: { position: "asc" } } },
    });
    expect(v1!.status).toBe("SUPERSEDED");
    expect(v2!.status).toBe("PUBLISHED");
    expect(v2!.characteristics.map((c) => c.key)).toEqual(v1Keys);
    expect(v2!.characteristics[0]!.upperTol?.toString()).toBe("0.08");
    expect(v1!.characteristics[0]!.upperTol?.toString()).toBe("0.05");
    expect((await prisma.spec.findUniqueOrThrow({ where: { id: specId } })).currentVersionId).toBe(v2!.id);

    const emails = await prisma.outboxEmail.findMany({
      where: { template: "spec-published", orgId: factory.org.id, idempotencyKey: { startsWith: `spec-published:${v2!.id}:` } },
    });
    expect(emails.map((e) => e.to).sort()).toEqual([factory.user.email, factoryMember.user.email, factoryViewer.user.email].sort());
    for (const email of emails) {
      expect(email.data).toMatchObject({
        version: 2,
        link: `${APP_URL}${versionUrl(factory.org.slug, specId, 2)}`,
        diffLink: `${APP_URL}${specUrl(factory.org.slug, specId)}/diff?from=1&to=2`,
      });
    }
    // The second factory never acknowledged v1: a link to v2, no diff.
    const toSecond = await prisma.outboxEmail.findFirstOrThrow({
      where: { template: "spec-published", orgId: second.org.id, idempotencyKey: { startsWith: `spec-published:${v2!.id}:` } },
    });
    expect(toSecond.data).toMatchObject({ version: 2, link: `${APP_URL}${versionUrl(second.org.slug, specId, 2)}`, diffLink: null });
  });

  it("the factory's v2 page shows what changed since v1: exactly one characteristic, its tolerance", async () => {
    const page = pageData(await versionLoader(factory, specId, 2));
    expect(page.version).toMatchObject({ number: 2, status: "PUBLISHED" });
    expect(page.changes).not.toBeNull();
    const { from, diff } = page.changes!;
    expect(from).toBe(1);
    expect(diff.characteristics.added).toEqual([]);
    expect(diff.characteristics.removed).toEqual([]);
    expect(diff.characteristics.changed).toHaveLength(1);
    const [change] = diff.characteristics.changed;
    expect(change!.key).toBe(v1Keys[0]);
    expect(change!.toleranceChanged).toBe(true);
    expect(change!.fields).toEqual([{ field: "upperTol", from: "0.05", to: "0.08" }]);
    expect(change!.tolerance?.direction).toBe("loosened");
    expect(diff.materials.changed).toEqual([]);
    expect(diff.summary.characteristics.changed).toBe(1);

    // The diff page agrees.
    const diffPage = await call(diffRoute.loader, `${specUrl(factory.org.slug, specId)}/diff?from=1&to=2`, {
      cookie: factory.cookie,
      params: { org: factory.org.slug, specId },
    });
    expect(diffPage.status).toBe(200);
    expect((diffPage.data as { diff: VersionDiff }).diff.characteristics.changed.map((c) => c.key)).toEqual([v1Keys[0]]);
  });

  const question = "Is the new upper tolerance of 0.08 mm on the height intended?";

  it("the factory queries v2: QUERIED, and the question opens that factory's thread as a shared comment", async () => {
    const out = await versionAction(factoryMember, specId, 2, { intent: "query", question });
    expect(out.status).toBe(302);
    const v2 = await prisma.specVersion.findFirstOrThrow({ where: { specId, number: 2 } });
    const ack = await prisma.acknowledgement.findUniqueOrThrow({ where: { versionId_factoryId: { versionId: v2.id, factoryId: factory.org.id } } });
    expect(ack).toMatchObject({ status: "QUERIED", question, userId: factoryMember.user.id });
    const comments = await prisma.comment.findMany({ where: { threadType: "SpecVersion", threadId: v2.id } });
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({
      factoryId: factory.org.id,
      importerId: quality.org.id,
      orgId: factory.org.id,
      visibility: "SHARED",
      authorId: factoryMember.user.id,
    });
    expect(comments[0]!.body).toContain(question);
    const email = await prisma.outboxEmail.findMany({
      where: { template: "spec-acknowledged", orgId: quality.org.id, idempotencyKey: { startsWith: `spec-ack:${ack.id}:QUERIED:` } },
    });
    expect(email.map((e) => e.to).sort()).toEqual([quality.user.email, owner.user.email].sort());
    expect(email[0]!.data).toMatchObject({ status: "QUERIED", question, version: 2 });
  });

  it("the importer answers in that factory's thread and the factory sees the answer", async () => {
    const answer = "Yes: the new glaze adds up to 0.03 mm. Please acknowledge v2.";
    const out = await versionAction(quality, specId, 2, { intent: "comment", body: answer, visibility: "SHARED" }, `?factory=${factory.org.id}`);
    expect(out.status).toBe(302);
    expect(out.location).toBe(`${versionUrl(quality.org.slug, specId, 2)}?factory=${factory.org.id}#thread`);

    const factoryView = pageData(await versionLoader(factory, specId, 2));
    expect(factoryView.thread!.comments.map((c) => c.body)).toEqual([`Question: ${question}`, answer]);
    expect(factoryView.thread!.comments.map((c) => c.org.id)).toEqual([factory.org.id, quality.org.id]);
    const importerView = pageData(await versionLoader(quality, specId, 2, `?factory=${factory.org.id}`));
    expect(importerView.threadFactoryId).toBe(factory.org.id);
    expect(importerView.thread!.comments.map((c) => c.body)).toEqual([`Question: ${question}`, answer]);
  });

  it("a second factory's thread on the same version stays separate", async () => {
    const secondView = pageData(await versionLoader(second, specId, 2));
    expect(secondView.thread!.comments).toEqual([]);
    expect(JSON.stringify(secondView)).not.toContain(question);

    const note = "We will start production next week.";
    expect((await versionAction(second, specId, 2, { intent: "comment", body: note, visibility: "SHARED" })).status).toBe(302);
    const importerOnSecond = pageData(await versionLoader(quality, specId, 2, `?factory=${second.org.id}`));
    expect(importerOnSecond.threadFactoryId).toBe(second.org.id);
    expect(importerOnSecond.thread!.comments.map((c) => c.body)).toEqual([note]);
    const firstView = pageData(await versionLoader(factory, specId, 2));
    expect(firstView.thread!.comments.map((c) => c.body)).not.toContain(note);
    // An importer reply to the second factory lands in its thread only.
    expect((await versionAction(quality, specId, 2, { intent: "comment", body: "Thanks!", visibility: "SHARED" }, `?factory=${second.org.id}`)).status).toBe(
      302,
    );
    expect(pageData(await versionLoader(second, specId, 2)).thread!.comments.map((c) => c.body)).toEqual([note, "Thanks!"]);
    expect(pageData(await versionLoader(factory, specId, 2)).thread!.comments.map((c) => c.body)).not.toContain("Thanks!");
  });

  it("once answered, the factory acknowledges v2: the question is cleared and the change summary goes away", async () => {
    const out = await versionAction(factory, specId, 2, { intent: "acknowledge" });
    expect(out.status).toBe(302);
    const v2 = await prisma.specVersion.findFirstOrThrow({ where: { specId, number: 2 } });
    const ack = await prisma.acknowledgement.findUniqueOrThrow({ where: { versionId_factoryId: { versionId: v2.id, factoryId: factory.org.id } } });
    expect(ack).toMatchObject({ status: "ACKNOWLEDGED", question: null, userId: factory.user.id });
    const page = pageData(await versionLoader(factory, specId, 2));
    expect(page.changes).toBeNull();
    expect((page as unknown as { factoryAck: { status: string } }).factoryAck.status).toBe("ACKNOWLEDGED");
    // The audit trail keeps both answers.
    expect(
      await prisma.auditEvent.count({ where: { orgId: quality.org.id, subjectId: v2.id, action: { in: ["specVersion.query", "specVersion.acknowledge"] } } }),
    ).toBe(2);
  });

  it("a factory cannot acknowledge or query the superseded v1, and is told to open the current version", async () => {
    const v1 = await prisma.specVersion.findFirstOrThrow({ where: { specId, number: 1 } });
    const forms: Record<string, string>[] = [{ intent: "acknowledge" }, { intent: "query", question: "Still valid?" }];
    for (const form of forms) {
      const out = await versionAction(second, specId, 1, form);
      expect([403, 409], form.intent).toContain(out.status);
      expect(formErrors(out).join(" ")).toMatch(/replaced|current version/);
    }
    expect(await prisma.acknowledgement.count({ where: { versionId: v1.id, factoryId: second.org.id } })).toBe(0);
    // The first factory's earlier acknowledgement of v1 is kept as it was.
    const kept = await prisma.acknowledgement.findUniqueOrThrow({ where: { versionId_factoryId: { versionId: v1.id, factoryId: factory.org.id } } });
    expect(kept.status).toBe("ACKNOWLEDGED");
    const again = await versionAction(factory, specId, 1, { intent: "acknowledge" });
    expect([403, 409]).toContain(again.status);
  });
});

// ---- The lists ----

type ListData = {
  specs: { items: { id: string; title: string; awaiting: boolean }[]; page: number; pageCount: number; total: number; awaitingCount: number };
  query: { q: string; filter: string };
};
const listOf = async (who: SignedInMember, query = "") => {
  const out = await call(listRoute.loader, `/${who.org.slug}/specs${query}`, { cookie: who.cookie, params: { org: who.org.slug } });
  expect(out.status, query).toBe(200);
  return out.data as ListData;
};

describe("the specification lists", () => {
  let importer: SignedInMember;
  let factory: SignedInMember;
  let other: SignedInMember;
  let awaiting: Awaited<ReturnType<typeof createSpec>>;
  let acknowledged: Awaited<ReturnType<typeof createSpec>>;
  let notShared: Awaited<ReturnType<typeof createSpec>>;
  let draft: Awaited<ReturnType<typeof createSpec>>;

  beforeAll(async () => {
    importer = await signedInMember("IMPORTER", "QUALITY");
    factory = await signedInMember("FACTORY", "MEMBER");
    other = await signedInMember("FACTORY", "QUALITY");
    await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    await createPartnership(importer.org.id, other.org.id, "ACTIVE");
    awaiting = await createSpec(importer.org.id, { title: `Awaiting ${unique("a")}` });
    acknowledged = await createSpec(importer.org.id, { title: `Acknowledged ${unique("b")}` });
    notShared = await createSpec(importer.org.id, { title: `Not shared ${unique("c")}` });
    draft = await createSpec(importer.org.id, { title: `Draft ${unique("d")}`, draft: true });
    // "awaiting": the factory acknowledged, the other factory has not. "acknowledged": both did.
    for (const s of [awaiting, acknowledged]) {
      await createSpecShare(s.spec.id, importer.org.id, factory.org.id);
      await createSpecShare(s.spec.id, importer.org.id, other.org.id);
    }
    const ack = (versionId: string, factoryId: string) =>
      prisma.acknowledgement.create({ data: { versionId, importerId: importer.org.id, factoryId, status: "ACKNOWLEDGED" } });
    await ack(acknowledged.version.id, factory.org.id);
    await ack(acknowledged.version.id, other.org.id);
    await ack(awaiting.version.id, other.org.id);
    // The acknowledged spec was touched last, so by date alone it would come first.
    await prisma.spec.update({ where: { id: awaiting.spec.id }, data: { updatedAt: new Date(Date.now() - 60_000) } });
    await prisma.spec.update({ where: { id: acknowledged.spec.id }, data: { updatedAt: new Date() } });
  });

  it("a factory sees the spec awaiting its acknowledgement first, marked as such", async () => {
    const { specs } = await listOf(factory);
    expect(specs.items.map((i) => i.id)).toEqual([awaiting.spec.id, acknowledged.spec.id]);
    expect(specs.items.map((i) => i.awaiting)).toEqual([true, false]);
    expect(specs.awaitingCount).toBe(1);
    // The other factory acknowledged both: nothing awaits it.
    const forOther = await listOf(other);
    expect(forOther.specs.items.every((i) => !i.awaiting)).toBe(true);
  });

  it("the importer's needs-ack filter lists the specs some shared factory has not acknowledged", async () => {
    const { specs } = await listOf(importer, "?filter=needs-ack");
    expect(specs.items.map((i) => i.id)).toEqual([awaiting.spec.id]);
    expect(specs.items[0]!.awaiting).toBe(true);
    const all = await listOf(importer);
    expect(all.specs.items.map((i) => i.id).sort()).toEqual([awaiting, acknowledged, notShared, draft].map((s) => s.spec.id).sort());
    expect(all.specs.items[0]!.id).toBe(awaiting.spec.id);
  });

  it("the importer's draft and published filters split the specs by state", async () => {
    expect((await listOf(importer, "?filter=draft")).specs.items.map((i) => i.id)).toEqual([draft.spec.id]);
    const published = (await listOf(importer, "?filter=published")).specs.items.map((i) => i.id);
    expect(published.sort()).toEqual([awaiting, acknowledged, notShared].map((s) => s.spec.id).sort());
  });

  it("search finds a spec by its product code, in any case and in part", async () => {
    const code = notShared.spec.productCode;
    for (const q of [code, code.toLowerCase(), code.slice(0, -2)]) {
      const { specs } = await listOf(importer, `?q=${encodeURIComponent(q)}`);
      expect(
        specs.items.map((i) => i.id),
        q,
      ).toEqual([notShared.spec.id]);
    }
    expect((await listOf(importer, `?q=${encodeURIComponent(awaiting.spec.title)}`)).specs.items.map((i) => i.id)).toEqual([awaiting.spec.id]);
    expect((await listOf(importer, "?q=no-such-product-zzz")).specs.items).toEqual([]);
    // A factory searching finds only what is shared with it.
    expect((await listOf(factory, `?q=${encodeURIComponent(code)}`)).specs.items).toEqual([]);
  });

  it("search treats _ and % in a product code as the characters they are", async () => {
    const suffix = unique("p").slice(2).toUpperCase();
    const underscored = await prisma.spec.create({ data: { orgId: importer.org.id, title: "Cup", productCode: `CUP_${suffix}` } });
    const dashed = await prisma.spec.create({ data: { orgId: importer.org.id, title: "Cup", productCode: `CUP-${suffix}` } });
    try {
      expect((await listOf(importer, `?q=${encodeURIComponent(`CUP_${suffix}`)}`)).specs.items.map((i) => i.id)).toEqual([underscored.id]);
      expect((await listOf(importer, `?q=${encodeURIComponent("%")}`)).specs.items).toEqual([]);
    } finally {
      await prisma.spec.deleteMany({ where: { id: { in: [underscored.id, dashed.id] } } });
    }
  });

  it("a bogus page or filter does not error: page 1 and the full list", async () => {
    for (const query of [
      "?page=abc",
      "?page=-3",
      "?page=0",
      "?page=1e9",
      "?page=99999999999",
      "?filter=bogus",
      "?filter=",
      "?filter=needs-ack&page=%00",
      "?q=%25%27%22;--",
    ]) {
      const data = await listOf(importer, query);
      expect(data.specs.page, query).toBeGreaterThanOrEqual(1);
    }
    const bogus = await listOf(importer, "?filter=bogus");
    expect(bogus.query.filter).toBe("all");
    expect(bogus.specs.items).toHaveLength(4);
    const beyond = await listOf(importer, "?page=500");
    expect(beyond.specs.items).toEqual([]);
    expect(beyond.specs.total).toBe(4);
    expect((await listOf(factory, "?page=abc&filter=bogus")).specs.items.map((i) => i.id)).toEqual([awaiting.spec.id, acknowledged.spec.id]);
  });
});
