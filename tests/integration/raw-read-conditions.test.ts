// The raw SQL statements (dashboard, lists, scorecard, overview, threads) take
// their tenant condition from lib/read-conditions.server.ts, which restates the
// read rules of ability.ts in SQL. Here every condition of its table is run
// for every org kind and role over one multi-tenant world and must select
// exactly the ids `accessible(ability, "read", subject)` selects in Prisma.
// The world has what each rule tells apart: importers and factories with
// active, ended and invited partnerships, specs shared through active and
// ended ones and unshared, drafts, published and superseded versions, first
// articles, corrective actions and inspections in every status under active and ended
// partnerships, and SHARED and INTERNAL comments of both sides.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  Prisma,
  type CorrectiveActionStatus,
  type FirstArticleStatus,
  type InspectionStatus,
  type Organization,
  type OrgKind,
  type Role,
} from "~/generated/prisma/client.ts";
import { defineAbility, type AppAbility } from "~/lib/ability.ts";
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import * as readConditions from "~/lib/read-conditions.server.ts";
import { READ_CONDITIONS, type Reader } from "~/lib/read-conditions.server.ts";
import {
  createAcknowledgement,
  createComment,
  createCorrectiveAction,
  createFirstArticle,
  createInspection,
  createMember,
  createOrg,
  createPartnership,
  createSpec,
  createSpecShare,
  createSpecVersion,
} from "../support/factories.ts";

type Subject = keyof typeof READ_CONDITIONS;
const SUBJECTS = Object.keys(READ_CONDITIONS) as Subject[];
const KINDS: OrgKind[] = ["IMPORTER", "FACTORY"];
const ROLES: Role[] = ["OWNER", "QUALITY", "MEMBER", "VIEWER"];
const FA_STATUSES: FirstArticleStatus[] = ["DRAFT", "SUBMITTED", "APPROVED", "CONDITIONALLY_APPROVED", "REJECTED", "WITHDRAWN"];
const CA_STATUSES: CorrectiveActionStatus[] = ["OPEN", "PLAN_SUBMITTED", "PLAN_ACCEPTED", "IMPLEMENTED", "CLOSED"];
const INSPECTION_STATUSES: InspectionStatus[] = ["BOOKED", "CONFIRMED", "SUBMITTED", "RELEASED", "REJECTED", "ACCEPTED_WITH_DEVIATION", "ABORTED"];

/** What the ability lets a reader read of each subject, through Prisma. A new condition needs its line here. */
const READ_THROUGH_ABILITY: Record<Subject, (ability: AppAbility) => Promise<{ id: string }[]>> = {
  Spec: (ability) => prisma.spec.findMany({ where: accessible(ability, "read", "Spec"), select: { id: true } }),
  SpecVersion: (ability) => prisma.specVersion.findMany({ where: accessible(ability, "read", "SpecVersion"), select: { id: true } }),
  SpecShare: (ability) => prisma.specShare.findMany({ where: accessible(ability, "read", "SpecShare"), select: { id: true } }),
  Acknowledgement: (ability) => prisma.acknowledgement.findMany({ where: accessible(ability, "read", "Acknowledgement"), select: { id: true } }),
  FirstArticle: (ability) => prisma.firstArticle.findMany({ where: accessible(ability, "read", "FirstArticle"), select: { id: true } }),
  CorrectiveAction: (ability) => prisma.correctiveAction.findMany({ where: accessible(ability, "read", "CorrectiveAction"), select: { id: true } }),
  Inspection: (ability) => prisma.inspection.findMany({ where: accessible(ability, "read", "Inspection"), select: { id: true } }),
  Comment: (ability) => prisma.comment.findMany({ where: accessible(ability, "read", "Comment"), select: { id: true } }),
  Partnership: (ability) => prisma.partnership.findMany({ where: accessible(ability, "read", "Partnership"), select: { id: true } }),
  Membership: (ability) => prisma.membership.findMany({ where: accessible(ability, "read", "Membership"), select: { id: true } }),
};

const sorted = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

/** What a condition selects: the subject's table (named as the model) filtered by it alone. */
async function readThroughSql(subject: Subject, reader: Reader) {
  const condition = READ_CONDITIONS[subject](reader, "x");
  return sorted(await prisma.$queryRaw<{ id: string }[]>`SELECT x.id FROM ${Prisma.raw(`"${subject}"`)} x WHERE ${condition}`);
}

async function seedWorld() {
  const [acme, bolt] = [await createOrg("IMPORTER"), await createOrg("IMPORTER")];
  const [ningbo, shenzhen, hanoi] = [await createOrg("FACTORY"), await createOrg("FACTORY"), await createOrg("FACTORY")];
  const orgs = [acme, bolt, ningbo, shenzhen, hanoi];
  for (const org of orgs) for (const role of ROLES) await createMember(org.kind, role, org);

  // Ningbo worked with Acme before (ended) and does again; Shenzhen's work with Acme has ended, with Bolt it goes on.
  const acmeNingboEnded = await createPartnership(acme.id, ningbo.id, "ENDED");
  const acmeNingbo = await createPartnership(acme.id, ningbo.id, "ACTIVE");
  const acmeShenzhenEnded = await createPartnership(acme.id, shenzhen.id, "ENDED");
  await createPartnership(acme.id, null, "INVITED");
  const boltNingbo = await createPartnership(bolt.id, ningbo.id, "ACTIVE");
  const boltShenzhen = await createPartnership(bolt.id, shenzhen.id, "ACTIVE");
  const boltHanoi = await createPartnership(bolt.id, hanoi.id, "ACTIVE");

  const teapot = await createSpec(acme.id);
  await createSpecShare(teapot.spec.id, acme.id, ningbo.id, { partnershipId: acmeNingbo.id });
  await createSpecShare(teapot.spec.id, acme.id, shenzhen.id, { partnershipId: acmeShenzhenEnded.id });
  // Superseded, published (current) and draft versions of one shared spec.
  const kettle = await createSpec(acme.id);
  await prisma.specVersion.update({ where: { id: kettle.version.id }, data: { status: "SUPERSEDED" } });
  const kettleV2 = await createSpecVersion(kettle.spec.id, acme.id, 2, "PUBLISHED");
  await prisma.spec.update({ where: { id: kettle.spec.id }, data: { currentVersionId: kettleV2.id } });
  await createSpecVersion(kettle.spec.id, acme.id, 3, "DRAFT");
  await createSpecShare(kettle.spec.id, acme.id, ningbo.id, { partnershipId: acmeNingbo.id });
  const unshared = await createSpec(acme.id);
  const unpublished = await createSpec(acme.id, { draft: true });
  await createSpecShare(unpublished.spec.id, acme.id, ningbo.id, { partnershipId: acmeNingbo.id });
  // Shared only through the ended partnership, while the pair has an active one.
  const oldShare = await createSpec(acme.id);
  await createSpecShare(oldShare.spec.id, acme.id, ningbo.id, { partnershipId: acmeNingboEnded.id });
  const mug = await createSpec(bolt.id);
  for (const [factory, partnership] of [
    [ningbo, boltNingbo],
    [shenzhen, boltShenzhen],
    [hanoi, boltHanoi],
  ] as const) {
    await createSpecShare(mug.spec.id, bolt.id, factory.id, { partnershipId: partnership.id });
  }
  await createSpec(bolt.id, { draft: true });

  await createAcknowledgement(teapot.version, ningbo.id);
  await createAcknowledgement(teapot.version, shenzhen.id, "QUERIED");
  await createAcknowledgement(kettle.version, ningbo.id);
  await createAcknowledgement(kettleV2, ningbo.id, "QUERIED");
  await createAcknowledgement(oldShare.version, ningbo.id);
  await createAcknowledgement(mug.version, hanoi.id);

  const firstArticles = [
    { importer: acme, factory: ningbo, made: teapot, partnership: acmeNingbo },
    { importer: acme, factory: ningbo, made: oldShare, partnership: acmeNingboEnded },
    { importer: acme, factory: shenzhen, made: teapot, partnership: acmeShenzhenEnded },
    { importer: bolt, factory: hanoi, made: mug, partnership: boltHanoi },
    { importer: bolt, factory: ningbo, made: mug, partnership: boltNingbo },
  ];
  const threads = [];
  for (const { importer, factory, made, partnership } of firstArticles) {
    for (const status of FA_STATUSES) {
      const fa = await createFirstArticle(importer, factory, made.spec, made.version, { status, partnershipId: partnership.id });
      if (status === "SUBMITTED") threads.push({ type: "FirstArticle" as const, id: fa.seriesId, importerId: importer.id, factoryId: factory.id });
    }
  }
  for (const { importer, factory, partnership } of [
    { importer: acme, factory: ningbo, partnership: acmeNingbo },
    { importer: acme, factory: ningbo, partnership: acmeNingboEnded },
    { importer: acme, factory: shenzhen, partnership: acmeShenzhenEnded },
    { importer: bolt, factory: shenzhen, partnership: boltShenzhen },
    { importer: bolt, factory: hanoi, partnership: boltHanoi },
  ]) {
    for (const status of CA_STATUSES) {
      const ca = await createCorrectiveAction(importer, factory, { status, partnershipId: partnership.id });
      if (status === "OPEN") threads.push({ type: "CorrectiveAction" as const, id: ca.id, importerId: importer.id, factoryId: factory.id });
    }
  }
  for (const { importer, factory, made, partnership } of firstArticles) {
    for (const status of INSPECTION_STATUSES) {
      const inspection = await createInspection(importer, factory, made.spec, made.version, { status, partnershipId: partnership.id });
      if (status === "CONFIRMED") threads.push({ type: "Inspection" as const, id: inspection.id, importerId: importer.id, factoryId: factory.id });
    }
  }
  threads.push({ type: "SpecVersion" as const, id: teapot.version.id, importerId: acme.id, factoryId: ningbo.id });
  threads.push({ type: "SpecVersion" as const, id: mug.version.id, importerId: bolt.id, factoryId: hanoi.id });
  for (const thread of threads) {
    for (const orgId of [thread.importerId, thread.factoryId]) {
      await createComment(thread, orgId, { visibility: "SHARED" });
      await createComment(thread, orgId, { visibility: "INTERNAL" });
    }
  }
  return { orgs, acme, ningbo, shenzhen, teapot, kettle, kettleV2, unshared, unpublished, oldShare, mug, acmeNingboEnded, acmeShenzhenEnded };
}

let world: Awaited<ReturnType<typeof seedWorld>>;
beforeAll(async () => {
  world = await seedWorld();
});

const readerOf = (org: Pick<Organization, "id" | "kind">): Reader => ({ org: { id: org.id, kind: org.kind } });

describe("the raw SQL read conditions", () => {
  for (const kind of KINDS) {
    for (const role of ROLES) {
      it(`select for ${kind === "IMPORTER" ? "an importer's" : "a factory's"} ${role} exactly what the ability lets it read, subject by subject`, async () => {
        const orgs = world.orgs.filter((o) => o.kind === kind);
        for (const org of orgs) {
          const ability = defineAbility({ userId: "reader", orgId: org.id, orgKind: org.kind, role });
          for (const subject of SUBJECTS) {
            const throughAbility = sorted(await READ_THROUGH_ABILITY[subject](ability));
            expect(await readThroughSql(subject, readerOf(org)), `${subject} for ${org.slug} (${role})`).toEqual(throughAbility);
          }
        }
      });
    }
  }

  it("are told apart by the world: each hides from a party what its rule hides", async () => {
    const { acme, ningbo, shenzhen } = world;
    const ids = (subject: Subject, org: Organization) => readThroughSql(subject, readerOf(org));
    const specsForNingbo = await ids("Spec", ningbo);
    expect(specsForNingbo).toEqual(expect.arrayContaining([world.teapot.spec.id, world.kettle.spec.id, world.mug.spec.id]));
    for (const hidden of [world.unshared, world.unpublished, world.oldShare]) expect(specsForNingbo).not.toContain(hidden.spec.id);
    expect(await ids("Spec", shenzhen)).not.toContain(world.teapot.spec.id);
    const kettleVersions = await prisma.specVersion.findMany({ where: { specId: world.kettle.spec.id }, select: { id: true, status: true } });
    const versionsForNingbo = await ids("SpecVersion", ningbo);
    for (const v of kettleVersions) expect(versionsForNingbo.includes(v.id), v.status).toBe(v.status !== "DRAFT");

    const faOf = (where: Prisma.FirstArticleWhereInput) => prisma.firstArticle.findMany({ where, select: { id: true } }).then(sorted);
    const acmeFas = await ids("FirstArticle", acme);
    // A withdrawn draft was never submitted: the importer never reads it.
    for (const id of await faOf({ importerId: acme.id, status: { in: ["DRAFT", "WITHDRAWN"] } })) expect(acmeFas).not.toContain(id);
    expect(acmeFas).toEqual(expect.arrayContaining(await faOf({ partnershipId: world.acmeShenzhenEnded.id, status: { notIn: ["DRAFT", "WITHDRAWN"] } })));
    const ningboFas = await ids("FirstArticle", ningbo);
    for (const id of await faOf({ partnershipId: world.acmeNingboEnded.id })) expect(ningboFas).not.toContain(id);
    expect(ningboFas).toEqual(expect.arrayContaining(await faOf({ factoryId: ningbo.id, status: "DRAFT", partnership: { status: "ACTIVE" } })));

    const shenzhenCas = await ids("CorrectiveAction", shenzhen);
    const endedCas = await prisma.correctiveAction.findMany({ where: { partnershipId: world.acmeShenzhenEnded.id }, select: { id: true } });
    for (const { id } of endedCas) expect(shenzhenCas).not.toContain(id);
    expect(await ids("CorrectiveAction", acme)).toEqual(expect.arrayContaining(sorted(endedCas)));
    // Acknowledgements stay the factory's after the partnership ends.
    const shenzhenAck = await prisma.acknowledgement.findFirstOrThrow({ where: { factoryId: shenzhen.id, versionId: world.teapot.version.id } });
    expect(await ids("Acknowledgement", shenzhen)).toContain(shenzhenAck.id);

    const internalOfNingbo = await prisma.comment.findMany({ where: { orgId: ningbo.id, visibility: "INTERNAL" }, select: { id: true } });
    expect(internalOfNingbo.length).toBeGreaterThan(0);
    const acmeComments = await ids("Comment", acme);
    for (const { id } of internalOfNingbo) expect(acmeComments).not.toContain(id);
    expect(await ids("Comment", ningbo)).toEqual(expect.arrayContaining(sorted(internalOfNingbo)));

    const invited = await prisma.partnership.findFirstOrThrow({ where: { importerId: acme.id, status: "INVITED" } });
    expect(await ids("Partnership", acme)).toContain(invited.id);
  });

  it("are all in the table the test walks", () => {
    const exported = Object.entries(readConditions).filter(([, value]) => typeof value === "function");
    const walked = new Set<unknown>(Object.values(READ_CONDITIONS));
    expect(exported.filter(([, fn]) => !walked.has(fn)).map(([name]) => name)).toEqual([]);
    expect(Object.keys(READ_THROUGH_ABILITY).sort()).toEqual([...SUBJECTS].sort());
  });
});

// A raw statement that reads tenant records takes its condition from the
// module above; these read none (or lock the acting org's own rows for a write).
const RAW_SQL_WITHOUT_TENANT_READS: Record<string, string> = {
  "app/lib/read-conditions.server.ts": "the conditions themselves",
  "app/features/notifications/worker.server.ts": "claims due emails of the outbox",
  "app/features/organizations/members.server.ts": "locks the acting org's owner rows before a role change",
  "app/lib/login-throttle.server.ts": "counts failed sign-ins per key",
  "app/routes/healthz.ts": "SELECT 1",
  "app/routes/dev.capture.emails.ts": "an advisory lock",
  "app/features/corrective-actions/due-sql.server.ts":
    "fragments of due.ts's rule, put inside statements that take their tenant condition from the module above; reads only the zone of a chosen row's factory",
};
const RAW_SQL = /\$queryRaw|\$executeRaw|Prisma\.sql|Prisma\.raw/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(full);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
    }),
  );
  return nested.flat();
}

describe("raw SQL in app/", () => {
  it("takes its tenant condition from lib/read-conditions.server.ts wherever it reads tenant records", async () => {
    const files = await sourceFiles("app");
    const raw: string[] = [];
    for (const file of files) if (RAW_SQL.test(await readFile(file, "utf8"))) raw.push(file.split(path.sep).join("/"));
    const withoutConditions: string[] = [];
    for (const file of raw) {
      if (file in RAW_SQL_WITHOUT_TENANT_READS) continue;
      if (!(await readFile(file, "utf8")).includes(`from "~/lib/read-conditions.server.ts"`)) withoutConditions.push(file);
    }
    expect(withoutConditions).toEqual([]);
    // The exemptions are still raw SQL (a stale one would hide a new statement in its file).
    expect(Object.keys(RAW_SQL_WITHOUT_TENANT_READS).filter((file) => !raw.includes(file))).toEqual([]);
  });
});
