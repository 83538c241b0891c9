// Demo data: one importer with two partner factories, a user of every role in
// each, and one invitation waiting. Idempotent: does nothing if already seeded.
import type { OrgKind, Role } from "~/generated/prisma/client.ts";
import { randomUUID } from "node:crypto";
import type { Tx } from "~/lib/db.server.ts";
import { createOrganization } from "~/features/organizations/organizations.server.ts";
import { limitColumns } from "~/features/specs/characteristic-rows.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { DEFAULT_SAMPLING, inspectionPlan } from "~/features/inspections/plan.ts";
import { hashPassword } from "~/lib/password.server.ts";

export const DEMO_PASSWORD = "portal-demo-2026";

const ROLES: Role[] = ["OWNER", "QUALITY", "MEMBER", "VIEWER"];
const PEOPLE: Record<Role, string> = { OWNER: "Owner", QUALITY: "Quality Lead", MEMBER: "Member", VIEWER: "Viewer" };

// Each org and its people in their own zone: the factories' due dates end at midnight in Shanghai and Ho Chi Minh City.
export const DEMO_ORGS: { name: string; kind: OrgKind; domain: string; locale: string; timeZone: string }[] = [
  { name: "Northwind Home Goods", kind: "IMPORTER", domain: "northwind.example", locale: "en", timeZone: "Europe/Berlin" },
  { name: "Bright Ceramics", kind: "FACTORY", domain: "brightceramics.example", locale: "zh-CN", timeZone: "Asia/Shanghai" },
  { name: "Saigon Textile Works", kind: "FACTORY", domain: "saigontextile.example", locale: "vi", timeZone: "Asia/Ho_Chi_Minh" },
];

export interface DemoLogin {
  org: string;
  slug: string;
  role: Role;
  email: string;
}

export async function seedDemo(): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const logins: DemoLogin[] = [];
  const existing = await prisma.user.findUnique({ where: { email: `owner@${DEMO_ORGS[0]!.domain}` }, select: { id: true } });
  const hash = existing ? "" : await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    const orgIds: string[] = [];
    for (const spec of DEMO_ORGS) {
      let slug: string;
      if (existing) {
        const org = await tx.organization.findFirstOrThrow({ where: { name: spec.name, memberships: { some: { user: { email: `owner@${spec.domain}` } } } } });
        slug = org.slug;
      } else {
        const owner = await tx.user.create({
          data: {
            email: `owner@${spec.domain}`,
            name: `${spec.name.split(" ")[0]} ${PEOPLE.OWNER}`,
            locale: spec.locale,
            timeZone: spec.timeZone,
            password: { create: { hash } },
          },
        });
        const org = await createOrganization(tx, { name: spec.name, kind: spec.kind, locale: spec.locale, timeZone: spec.timeZone, ownerId: owner.id });
        orgIds.push(org.id);
        slug = org.slug;
        for (const role of ROLES.slice(1)) {
          const email = `${role.toLowerCase()}@${spec.domain}`;
          await tx.user.create({
            data: {
              email,
              name: `${spec.name.split(" ")[0]} ${PEOPLE[role]}`,
              locale: spec.locale,
              timeZone: spec.timeZone,
              password: { create: { hash } },
              memberships: { create: { orgId: org.id, role } },
            },
          });
        }
      }
      for (const role of ROLES) logins.push({ org: spec.name, slug, role, email: `${role.toLowerCase()}@${spec.domain}` });
    }
    if (!existing) {
      const [importerId, ...factoryIds] = orgIds;
      const partnerships = [];
      for (const factoryId of factoryIds) {
        partnerships.push(await tx.partnership.create({ data: { importerId: importerId!, factoryId, status: "ACTIVE", activatedAt: new Date() } }));
      }
      await seedSpecs(
        tx,
        importerId!,
        partnerships.map((p) => ({ factoryId: p.factoryId!, partnershipId: p.id })),
      );
    }
  });
  return { created: !existing, logins };
}

const MUG_CHARACTERISTICS = [
  { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm", class: "MAJOR", method: "Height gauge on a flat plate" },
  {
    number: "2",
    name: "Rim outer diameter",
    nominal: "82",
    lowerTol: "-0.2",
    upperTol: "0.3",
    unit: "mm",
    class: "MAJOR",
    method: "Calliper, 3 points around the rim",
  },
  {
    number: "3",
    name: "Capacity to brim",
    nominal: "350",
    lowerTol: "-10",
    upperTol: "10",
    unit: "ml",
    class: "MINOR",
    method: "Fill with water at 20 °C, weigh",
  },
  { number: "4", name: "Handle pull strength", nominal: "50", lowerTol: "0", upperTol: null, unit: "N", class: "CRITICAL", method: "Pull gauge, 10 s hold" },
  { number: "5", name: "Glaze surface", kind: "ATTRIBUTE", class: "MAJOR", method: "No crawling, pinholes or drips visible at 50 cm" },
] as const;

/** A published mug spec shared with both factories: one has acknowledged it, one has a question. */
async function seedSpecs(tx: Tx, importerId: string, partners: { factoryId: string; partnershipId: string }[]) {
  const owner = await tx.membership.findFirstOrThrow({ where: { orgId: importerId, role: "OWNER" }, select: { userId: true } });
  const spec = await tx.spec.create({
    data: {
      orgId: importerId,
      title: "Stoneware mug 350 ml",
      productCode: "MUG-350",
      description: "Everyday stoneware mug, reactive blue glaze.",
      createdById: owner.userId,
    },
  });
  const version = await tx.specVersion.create({
    data: {
      specId: spec.id,
      orgId: importerId,
      number: 1,
      status: "PUBLISHED",
      publishedAt: new Date(),
      publishedById: owner.userId,
      description: "Everyday stoneware mug, reactive blue glaze. Dishwasher and microwave safe.",
      packaging: "Each mug in a white box with a cardboard insert.\n12 boxes per export carton.\nCarton marks: product code, quantity, gross weight.",
      materials: {
        create: [
          {
            position: 0,
            key: "mat-clay",
            material: "Stoneware clay body",
            grade: "Fired at 1230 °C",
            source: "Supplier of the factory's choice, approved sample on file",
          },
          { position: 1, key: "mat-glaze", material: "Lead- and cadmium-free glaze", grade: "Food contact", source: "EN 1388-1" },
        ],
      },
      characteristics: {
        create: MUG_CHARACTERISTICS.map((c, position) => ({
          position,
          key: `mug-${c.number}`,
          number: c.number,
          name: c.name,
          kind: "kind" in c ? c.kind : "VARIABLE",
          ...limitColumns("kind" in c ? c : { kind: "VARIABLE", ...c }),
          unit: "unit" in c ? c.unit : "",
          class: c.class,
          method: c.method,
        })),
      },
    },
  });
  await tx.spec.update({ where: { id: spec.id }, data: { currentVersionId: version.id } });
  for (const partner of partners) {
    await tx.specShare.create({
      data: { specId: spec.id, importerId, factoryId: partner.factoryId, partnershipId: partner.partnershipId, createdById: owner.userId },
    });
  }
  const [first, second] = partners;
  if (first) {
    const qc = await tx.membership.findFirstOrThrow({ where: { orgId: first.factoryId, role: "QUALITY" }, select: { userId: true } });
    await tx.acknowledgement.create({ data: { versionId: version.id, importerId, factoryId: first.factoryId, status: "ACKNOWLEDGED", userId: qc.userId } });
    await seedRejectedFirstArticle(tx, {
      importerId,
      factoryId: first.factoryId,
      partnershipId: first.partnershipId,
      specId: spec.id,
      versionId: version.id,
      submittedById: qc.userId,
      decidedById: owner.userId,
    });
    await seedInspections(tx, {
      importerId,
      factoryId: first.factoryId,
      partnershipId: first.partnershipId,
      specId: spec.id,
      versionId: version.id,
      qcId: qc.userId,
      ownerId: owner.userId,
    });
  }
  if (second) {
    const question = "Is the handle pull test done before or after glazing?";
    const qc = await tx.membership.findFirstOrThrow({ where: { orgId: second.factoryId, role: "QUALITY" }, select: { userId: true } });
    await tx.acknowledgement.create({
      data: { versionId: version.id, importerId, factoryId: second.factoryId, status: "QUERIED", question, userId: qc.userId },
    });
    await tx.comment.create({
      data: {
        threadType: "SpecVersion",
        threadId: version.id,
        importerId,
        factoryId: second.factoryId,
        orgId: second.factoryId,
        authorId: qc.userId,
        body: `Question: ${question}`,
      },
    });
  }
}

// Round 1 of the mug's first article at Bright Ceramics: the height of sample 3
// is above the limit, and the importer rejected it.
const MUG_READINGS: Record<string, string[]> = {
  "mug-1": ["95.2", "94.8", "95.7"],
  "mug-2": ["82.1", "82.0", "81.9"],
  "mug-3": ["352", "348", "351"],
  "mug-4": ["62", "58", "64"],
  "mug-5": ["PASS", "PASS", "PASS"],
};

async function seedRejectedFirstArticle(
  tx: Tx,
  input: { importerId: string; factoryId: string; partnershipId: string; specId: string; versionId: string; submittedById: string; decidedById: string },
) {
  const day = 24 * 60 * 60 * 1000;
  const fa = await tx.firstArticle.create({
    data: {
      seriesId: randomUUID(),
      importerId: input.importerId,
      factoryId: input.factoryId,
      partnershipId: input.partnershipId,
      specId: input.specId,
      versionId: input.versionId,
      status: "REJECTED",
      poNumber: "PO-2026-0417",
      lotNumber: "L-118",
      quantityProduced: 2400,
      sampleCount: 3,
      inspectedOn: new Date(Date.now() - 3 * day),
      submittedAt: new Date(Date.now() - 2 * day),
      submittedById: input.submittedById,
      decidedAt: new Date(Date.now() - day),
      decidedById: input.decidedById,
      decisionNote: "Height is over the upper limit on sample 3. Please check the forming die before round 2.",
      findings: { "mug-1": "Sample 3 measures 95.7 mm; the limit is 95.5 mm." },
      revision: 2,
    },
  });
  const limits: Record<string, [number, number]> = { "mug-1": [94.5, 95.5], "mug-2": [81.8, 82.3], "mug-3": [340, 360], "mug-4": [50, Infinity] };
  await tx.measurement.createMany({
    data: Object.entries(MUG_READINGS).flatMap(([key, values]) =>
      values.map((raw, i) => {
        const range = limits[key];
        const passed = range ? Number(raw) >= range[0] && Number(raw) <= range[1] : raw === "PASS";
        return { firstArticleId: fa.id, characteristicKey: key, sample: i + 1, raw, value: range ? raw : null, passed };
      }),
    ),
  });
}

// Four lots of the mug at Bright Ceramics: one released last month, one whose result waits for the
// importer (four major defects in 50 units of a 500-unit lot, where the plan accepts 3), one the
// factory's QC inspects tomorrow, and one booked by the factory for next week that the importer has
// still to confirm.
async function seedInspections(
  tx: Tx,
  input: { importerId: string; factoryId: string; partnershipId: string; specId: string; versionId: string; qcId: string; ownerId: string },
) {
  const day = 24 * 60 * 60 * 1000;
  const midnight = (offset: number) => new Date(Math.floor((Date.now() + offset * day) / day) * day);
  const lot = (lotSize: number) => {
    const plan = inspectionPlan({ lotSize, choices: DEFAULT_SAMPLING, severity: "normal", severityReason: null });
    return { lotSize, orderQuantity: lotSize, plan: plan as object, severity: plan.severity, sampleSize: plan.sampleSize };
  };
  // What the QC recorded on a lot: the measured sample's readings (within tolerance) and the three packaging checks passed.
  const readings: Record<string, string[]> = {
    "mug-1": ["95.1", "94.9", "95.2", "95.0", "94.8", "95.3", "95.1", "94.9"],
    "mug-2": ["82.0", "82.1", "81.9", "82.0", "82.2", "82.0", "81.9", "82.1"],
    "mug-3": ["351", "349", "352", "350", "348", "353", "350", "351"],
    "mug-4": ["61", "64", "59", "62", "66", "60", "63", "61"],
    "mug-5": Array<string>(8).fill("PASS"),
  };
  const recorded = (units: number) => ({
    measurements: {
      create: Object.entries(readings).flatMap(([key, values]) =>
        values.slice(0, units).map((raw, i) => ({ characteristicKey: key, sample: i + 1, raw, value: key === "mug-5" ? null : raw, passed: true })),
      ),
    },
    checks: {
      create: ["Each mug in a white box with a cardboard insert.", "12 boxes per export carton.", "Carton marks: product code, quantity, gross weight."].map(
        (label, i) => ({ key: String(i + 1).padStart(3, "0"), label, result: "PASS" as const }),
      ),
    },
  });
  const base = {
    importerId: input.importerId,
    factoryId: input.factoryId,
    partnershipId: input.partnershipId,
    specId: input.specId,
    versionId: input.versionId,
    inspectedBy: "FACTORY" as const,
    proposedByOrgId: input.factoryId,
    bookedById: input.qcId,
  };
  await tx.inspection.create({
    data: {
      ...base,
      ...lot(2400),
      type: "PRE_SHIPMENT",
      status: "RELEASED",
      poNumber: "PO-2026-0388",
      proposedDate: midnight(-30),
      confirmedAt: new Date(Date.now() - 33 * day),
      confirmedById: input.ownerId,
      cartonsTotal: 100,
      cartonsChecked: 10,
      packedPercent: 100,
      result: "PASS",
      submittedAt: new Date(Date.now() - 30 * day),
      submittedById: input.qcId,
      decidedAt: new Date(Date.now() - 29 * day),
      decidedById: input.ownerId,
      revision: 4,
      defects: { create: [{ position: 0, class: "MINOR", description: "Glaze speck on the base", count: 2 }] },
      ...recorded(8),
    },
  });
  await tx.inspection.create({
    data: {
      ...base,
      ...lot(500),
      type: "PRE_SHIPMENT",
      status: "SUBMITTED",
      poNumber: "PO-2026-0417",
      proposedDate: midnight(-1),
      confirmedAt: new Date(Date.now() - 4 * day),
      confirmedById: input.ownerId,
      cartonsTotal: 21,
      cartonsChecked: 5,
      packedPercent: 100,
      result: "FAIL",
      resultNote: "Handle joints cracked on four mugs; two more show glaze crawling.",
      submittedAt: new Date(Date.now() - 2 * 60 * 60 * 1000),
      submittedById: input.qcId,
      revision: 3,
      defects: {
        create: [
          { position: 0, class: "MAJOR", description: "Crack at the handle joint", count: 4 },
          { position: 1, class: "MINOR", description: "Glaze crawling", count: 2 },
        ],
      },
      ...recorded(5),
    },
  });
  await tx.inspection.create({
    data: {
      ...base,
      ...lot(3000),
      type: "PRE_SHIPMENT",
      status: "CONFIRMED",
      poNumber: "PO-2026-0431",
      proposedDate: midnight(1),
      confirmedAt: new Date(Date.now() - day),
      confirmedById: input.ownerId,
      revision: 1,
    },
  });
  await tx.inspection.create({
    data: {
      ...base,
      ...lot(1200),
      type: "DURING_PRODUCTION",
      status: "BOOKED",
      poNumber: "PO-2026-0452",
      proposedDate: midnight(7),
      expectedShipDate: midnight(21),
    },
  });
}
