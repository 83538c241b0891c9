// One test-data factory per model. Every value that must be unique gets a
// fresh suffix, so tests never collide on a shared database.
import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { CommentVisibility, InvitationKind, OrgKind, PartnershipStatus, Prisma, Role } from "~/generated/prisma/client.ts";
import { DEFAULT_SAMPLING, inspectionPlan } from "~/features/inspections/plan.ts";
import { newInvitationToken, INVITATION_TTL_MS } from "~/features/organizations/invitations.server.ts";
import type { ThreadType } from "~/features/threads/thread.ts";
import { prisma } from "~/lib/db.server.ts";
import { hashPassword } from "~/lib/password.server.ts";
import { sha256, TINY_PNG } from "./files.ts";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export const unique = (prefix = "t") => `${prefix}-${randomBytes(5).toString("hex")}`;

export async function createUser(overrides: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const handle = unique("user");
  return prisma.user.create({
    data: {
      email: overrides.email ?? `${handle}@example.com`,
      name: overrides.name ?? `User ${handle}`,
      password: { create: { hash: await passwordHash } },
    },
  });
}

export async function createOrg(kind: OrgKind, overrides: { name?: string } = {}) {
  const slug = unique(kind === "IMPORTER" ? "importer" : "factory");
  return prisma.organization.create({ data: { slug, name: overrides.name ?? slug, kind } });
}

export async function createMembership(userId: string, orgId: string, role: Role) {
  return prisma.membership.create({ data: { userId, orgId, role } });
}

/** A user with the given role in a new (or given) org. */
export async function createMember(kind: OrgKind, role: Role, org?: { id: string; slug: string; kind: OrgKind; name: string }) {
  const theOrg = org ?? (await createOrg(kind));
  const user = await createUser();
  const membership = await createMembership(user.id, theOrg.id, role);
  return { user, org: theOrg, membership };
}

export async function createPartnership(importerId: string, factoryId: string | null, status: PartnershipStatus = "ACTIVE") {
  return prisma.partnership.create({
    data: { importerId, factoryId, status, activatedAt: status === "ACTIVE" ? new Date() : null, endedAt: status === "ENDED" ? new Date() : null },
  });
}

export async function createInvitation(input: { orgId: string; kind: InvitationKind; email?: string; role?: Role; partnershipId?: string; expiresAt?: Date }) {
  const { token, tokenHash } = newInvitationToken();
  const invitation = await prisma.invitation.create({
    data: {
      orgId: input.orgId,
      kind: input.kind,
      email: input.email ?? `${unique("invitee")}@example.com`,
      role: input.role ?? "MEMBER",
      partnershipId: input.partnershipId,
      tokenHash,
      expiresAt: input.expiresAt ?? new Date(Date.now() + INVITATION_TTL_MS),
    },
  });
  return { invitation, token };
}

/** A spec of an importer with one version (published unless `draft`), and one characteristic. */
export async function createSpec(importerId: string, options: { draft?: boolean; title?: string } = {}) {
  const code = unique("SKU").toUpperCase();
  const spec = await prisma.spec.create({ data: { orgId: importerId, title: options.title ?? `Spec ${code}`, productCode: code } });
  const version = await createSpecVersion(spec.id, importerId, 1, options.draft ? "DRAFT" : "PUBLISHED");
  if (!options.draft) await prisma.spec.update({ where: { id: spec.id }, data: { currentVersionId: version.id } });
  return { spec, version };
}

export async function createSpecVersion(specId: string, importerId: string, number: number, status: "DRAFT" | "PUBLISHED" | "SUPERSEDED") {
  return prisma.specVersion.create({
    data: {
      specId,
      orgId: importerId,
      number,
      status,
      publishedAt: status === "DRAFT" ? null : new Date(),
      characteristics: { create: { position: 0, key: unique("c"), number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" } },
    },
  });
}

/** A characteristic added to a version after the one every version starts with: a measured one unless `kind` says pass/fail. */
export async function createCharacteristic(
  version: { id: string },
  options: {
    name?: string;
    number?: string;
    kind?: "VARIABLE" | "ATTRIBUTE";
    nominal?: string;
    lowerTol?: string;
    upperTol?: string;
    unit?: string;
    method?: string;
  } = {},
) {
  const position = await prisma.characteristic.count({ where: { versionId: version.id } });
  const attribute = options.kind === "ATTRIBUTE";
  return prisma.characteristic.create({
    data: {
      versionId: version.id,
      position,
      key: unique("c"),
      number: options.number ?? String(position + 1),
      name: options.name ?? `Characteristic ${position + 1}`,
      kind: options.kind ?? "VARIABLE",
      nominal: attribute ? null : (options.nominal ?? "10"),
      lowerTol: attribute ? null : (options.lowerTol ?? "-0.1"),
      upperTol: attribute ? null : (options.upperTol ?? "0.1"),
      unit: attribute ? "" : (options.unit ?? "mm"),
      method: options.method ?? "",
    },
  });
}

/** A material of a version's bill of materials. */
export async function createSpecMaterial(version: { id: string }, options: { material?: string; grade?: string; source?: string } = {}) {
  const position = await prisma.specMaterial.count({ where: { versionId: version.id } });
  return prisma.specMaterial.create({
    data: {
      versionId: version.id,
      position,
      key: unique("m"),
      material: options.material ?? `Material ${position + 1}`,
      grade: options.grade ?? "",
      source: options.source ?? "",
    },
  });
}

/** A defect example of a version, about one of its characteristics when `characteristicKey` is given. */
export async function createDefectExample(version: { id: string }, options: { description?: string; characteristicKey?: string } = {}) {
  const position = await prisma.defectExample.count({ where: { versionId: version.id } });
  return prisma.defectExample.create({
    data: {
      versionId: version.id,
      position,
      key: unique("d"),
      description: options.description ?? `Defect ${position + 1}`,
      characteristicKey: options.characteristicKey ?? null,
    },
  });
}

/** The importer and factory's most recent partnership (a record made without one belongs to it). */
async function latestPartnershipId(importerId: string, factoryId: string) {
  return (await prisma.partnership.findFirstOrThrow({ where: { importerId, factoryId }, orderBy: { createdAt: "desc" } })).id;
}

/** Shares a spec with a factory through the given partnership, or their (existing or new) active one. */
export async function createSpecShare(specId: string, importerId: string, factoryId: string, options: { partnershipId?: string } = {}) {
  const partnership = options.partnershipId
    ? { id: options.partnershipId }
    : ((await prisma.partnership.findFirst({ where: { importerId, factoryId, status: "ACTIVE" } })) ??
      (await createPartnership(importerId, factoryId, "ACTIVE")));
  return prisma.specShare.create({ data: { specId, importerId, factoryId, partnershipId: partnership.id } });
}

/**
 * A file stored under STORAGE_DIR and recorded as an Attachment owned by a spec
 * version (drawings and defect photos belong to the version they were
 * uploaded to); `link` (the default) also lists it among the version's drawings.
 */
export async function createSpecVersionFile(
  version: { id: string; orgId: string },
  options: { name?: string; bytes?: Buffer; contentType?: string; link?: boolean } = {},
) {
  const attachment = await storeAttachment({
    orgId: version.orgId,
    ownerType: "SpecVersion",
    ownerId: version.id,
    name: options.name ?? `${unique("drawing")}.pdf`,
    bytes: options.bytes ?? Buffer.from(`%PDF-1.4\n% ${unique("drawing")}\n%%EOF\n`),
    contentType: options.contentType ?? "application/pdf",
  });
  if (options.link ?? true) {
    const position = await prisma.specVersionFile.count({ where: { versionId: version.id } });
    await prisma.specVersionFile.create({ data: { versionId: version.id, attachmentId: attachment.id, position } });
  }
  return attachment;
}

/** The factory's acknowledgement of a spec version (a first article needs one). */
export async function createAcknowledgement(version: { id: string; orgId: string }, factoryId: string, status: "ACKNOWLEDGED" | "QUERIED" = "ACKNOWLEDGED") {
  return prisma.acknowledgement.create({
    data: { versionId: version.id, importerId: version.orgId, factoryId, status, question: status === "QUERIED" ? "Which tolerance applies?" : null },
  });
}

export interface FirstArticleReading {
  key: string;
  sample: number;
  raw: string;
  value?: string | null;
  passed?: boolean | null;
}

/**
 * A first article made directly in the database (no route), under the
 * partnership the spec is shared through (or the importer and factory's
 * latest one). Submitted and decided timestamps follow the status.
 */
export async function createFirstArticle(
  importer: { id: string },
  factory: { id: string },
  spec: { id: string },
  version: { id: string },
  options: {
    status?: "DRAFT" | "SUBMITTED" | "APPROVED" | "CONDITIONALLY_APPROVED" | "REJECTED" | "WITHDRAWN";
    round?: number;
    seriesId?: string;
    sampleCount?: number;
    poNumber?: string;
    lotNumber?: string;
    notes?: string;
    createdById?: string;
    readings?: FirstArticleReading[];
    partnershipId?: string;
    updatedAt?: Date;
  } = {},
) {
  const partnershipId =
    options.partnershipId ??
    (await prisma.specShare.findFirst({ where: { specId: spec.id, factoryId: factory.id }, select: { partnershipId: true } }))?.partnershipId ??
    (await latestPartnershipId(importer.id, factory.id));
  const status = options.status ?? "DRAFT";
  const submitted = status !== "DRAFT" && status !== "WITHDRAWN";
  const decided = submitted && status !== "SUBMITTED";
  return prisma.firstArticle.create({
    data: {
      seriesId: options.seriesId ?? randomUUID(),
      round: options.round ?? 1,
      importerId: importer.id,
      factoryId: factory.id,
      partnershipId,
      specId: spec.id,
      versionId: version.id,
      status,
      poNumber: options.poNumber ?? unique("PO"),
      lotNumber: options.lotNumber ?? "",
      quantityProduced: 1000,
      sampleCount: options.sampleCount ?? 3,
      inspectedOn: new Date("2025-03-01T00:00:00Z"),
      notes: options.notes ?? "",
      createdById: options.createdById ?? null,
      submittedAt: submitted ? new Date() : null,
      decidedAt: decided ? new Date() : null,
      decisionNote: status === "REJECTED" ? "Out of tolerance." : null,
      ...(options.updatedAt ? { updatedAt: options.updatedAt } : {}),
      measurements: {
        create: (options.readings ?? []).map((r) => ({
          characteristicKey: r.key,
          sample: r.sample,
          raw: r.raw,
          value: r.value ?? null,
          passed: r.passed ?? null,
        })),
      },
    },
  });
}

/** A tiny real PNG stored under STORAGE_DIR and recorded as a sample photo of a first article (uploaded by its factory). */
export async function createFirstArticlePhoto(fa: { id: string; factoryId: string }, options: FactoryImageOptions = {}) {
  return storeFactoryImage("FirstArticle", fa, "sample", options);
}

/**
 * A corrective action made directly in the database (no route), under the importer and
 * factory's latest partnership unless one is given, with its plan items (`dueAt` per item).
 */
export async function createCorrectiveAction(
  importer: { id: string },
  factory: { id: string },
  options: {
    status?: "OPEN" | "PLAN_SUBMITTED" | "PLAN_ACCEPTED" | "IMPLEMENTED" | "CLOSED";
    planDueAt?: Date;
    title?: string;
    partnershipId?: string;
    items?: { action?: string; owner?: string; dueAt: Date }[];
  } = {},
) {
  const partnershipId = options.partnershipId ?? (await latestPartnershipId(importer.id, factory.id));
  const status = options.status ?? "OPEN";
  const planned = status !== "OPEN";
  const accepted = planned && status !== "PLAN_SUBMITTED";
  return prisma.correctiveAction.create({
    data: {
      importerId: importer.id,
      factoryId: factory.id,
      partnershipId,
      title: options.title ?? `Problem ${unique("ca")}`,
      problem: "Glaze cracks near the handle on 3 of 20 samples.",
      status,
      planDueAt: options.planDueAt ?? new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
      planSubmittedAt: planned ? new Date() : null,
      planAcceptedAt: accepted ? new Date() : null,
      implementedAt: status === "IMPLEMENTED" || status === "CLOSED" ? new Date() : null,
      closedAt: status === "CLOSED" ? new Date() : null,
      items: {
        create: (options.items ?? []).map((item, position) => ({
          position,
          action: item.action ?? `Action ${position + 1}`,
          owner: item.owner ?? "Line supervisor",
          dueAt: item.dueAt,
        })),
      },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
}

/**
 * An inspection made directly in the database (no route), under the partnership the spec is
 * shared through (or the importer and factory's latest), with the plan the defaults give its lot
 * at its severity. Timestamps follow the status; `defects` are tallies by class.
 */
export async function createInspection(
  importer: { id: string },
  factory: { id: string },
  spec: { id: string },
  version: { id: string },
  options: {
    status?: "BOOKED" | "CONFIRMED" | "SUBMITTED" | "RELEASED" | "REJECTED" | "ACCEPTED_WITH_DEVIATION" | "ABORTED";
    type?: "DURING_PRODUCTION" | "PRE_SHIPMENT" | "RE_INSPECTION";
    inspectedBy?: "FACTORY" | "IMPORTER";
    /** Which side proposed the date; the factory unless told. */
    proposedBy?: "FACTORY" | "IMPORTER";
    lotSize?: number;
    severity?: "normal" | "tightened" | "reduced";
    proposedDate?: Date;
    poNumber?: string;
    result?: "PASS" | "FAIL";
    abortReason?: "GOODS_NOT_READY" | "UNDER_80_PERCENT_PACKED" | "NO_ACCESS" | "EQUIPMENT_MISSING" | "OTHER";
    reinspectionOfId?: string;
    partnershipId?: string;
    submittedAt?: Date;
    defects?: { class: "CRITICAL" | "MAJOR" | "MINOR"; count: number; description?: string; defectExampleKey?: string }[];
  } = {},
) {
  const partnershipId =
    options.partnershipId ??
    (await prisma.specShare.findFirst({ where: { specId: spec.id, factoryId: factory.id }, select: { partnershipId: true } }))?.partnershipId ??
    (await latestPartnershipId(importer.id, factory.id));
  const status = options.status ?? "BOOKED";
  const lotSize = options.lotSize ?? 5000;
  const plan = inspectionPlan({ lotSize, choices: DEFAULT_SAMPLING, severity: options.severity ?? "normal", severityReason: null });
  const confirmed = status !== "BOOKED" && status !== "ABORTED";
  const submitted = ["SUBMITTED", "RELEASED", "REJECTED", "ACCEPTED_WITH_DEVIATION"].includes(status);
  const decided = submitted && status !== "SUBMITTED";
  return prisma.inspection.create({
    data: {
      importerId: importer.id,
      factoryId: factory.id,
      partnershipId,
      specId: spec.id,
      versionId: version.id,
      type: options.type ?? (options.reinspectionOfId ? "RE_INSPECTION" : "PRE_SHIPMENT"),
      reinspectionOfId: options.reinspectionOfId ?? null,
      status,
      poNumber: options.poNumber ?? unique("PO"),
      orderQuantity: lotSize,
      lotSize,
      proposedDate: options.proposedDate ?? new Date("2026-12-10T00:00:00Z"),
      inspectedBy: options.inspectedBy ?? "FACTORY",
      proposedByOrgId: (options.proposedBy ?? "FACTORY") === "FACTORY" ? factory.id : importer.id,
      confirmedAt: confirmed ? new Date() : null,
      plan: plan as unknown as Prisma.InputJsonValue,
      severity: plan.severity,
      sampleSize: plan.sampleSize,
      result: submitted ? (options.result ?? "PASS") : null,
      submittedAt: submitted ? (options.submittedAt ?? new Date()) : null,
      decidedAt: decided ? new Date() : null,
      decisionNote: status === "REJECTED" ? "Too many major defects." : status === "ACCEPTED_WITH_DEVIATION" ? "Shipped under waiver W-1." : null,
      abortReason: status === "ABORTED" ? (options.abortReason ?? "GOODS_NOT_READY") : null,
      abortedAt: status === "ABORTED" ? new Date() : null,
      defects: {
        create: (options.defects ?? []).map((d, position) => ({
          position,
          class: d.class,
          count: d.count,
          description: d.description ?? `${d.class.toLowerCase()} defect ${position + 1}`,
          defectExampleKey: d.defectExampleKey ?? null,
        })),
      },
    },
  });
}

/** A tiny real PNG stored under STORAGE_DIR and recorded as evidence of a corrective action (uploaded by its factory). */
export async function createCorrectiveActionEvidence(ca: { id: string; factoryId: string }, options: Omit<FactoryImageOptions, "contentType"> = {}) {
  return storeFactoryImage("CorrectiveAction", ca, "evidence", options);
}

interface FactoryImageOptions {
  name?: string;
  bytes?: Buffer;
  contentType?: string;
}

/** An image a factory uploaded to one of its records: a PNG unless other bytes are given, named `<prefix>-<random>.png` unless named. */
function storeFactoryImage(ownerType: string, record: { id: string; factoryId: string }, namePrefix: string, options: FactoryImageOptions) {
  return storeAttachment({
    orgId: record.factoryId,
    ownerType,
    ownerId: record.id,
    name: options.name ?? `${unique(namePrefix)}.png`,
    bytes: options.bytes ?? TINY_PNG,
    contentType: options.contentType ?? "image/png",
  });
}

/** Bytes put in the storage the app is configured with, and the Attachment row that owns them. */
async function storeAttachment(file: { orgId: string; ownerType: string; ownerId: string; name: string; bytes: Buffer; contentType: string }) {
  const { getStorage, newStorageKey } = await import("~/lib/storage.server.ts");
  const storageKey = newStorageKey(file.orgId);
  await getStorage().put(storageKey, Readable.from([file.bytes]), { contentType: file.contentType });
  return prisma.attachment.create({
    data: {
      orgId: file.orgId,
      ownerType: file.ownerType,
      ownerId: file.ownerId,
      name: file.name,
      contentType: file.contentType,
      size: file.bytes.length,
      sha256: sha256(file.bytes),
      storageKey,
    },
  });
}

/** A comment on a thread (a spec version's, first article's or corrective action's), written by one of its two orgs. */
export async function createComment(
  thread: { type: ThreadType; id: string; importerId: string; factoryId: string },
  orgId: string,
  options: { visibility?: CommentVisibility; body?: string; authorId?: string } = {},
) {
  return prisma.comment.create({
    data: {
      threadType: thread.type,
      threadId: thread.id,
      importerId: thread.importerId,
      factoryId: thread.factoryId,
      orgId,
      authorId: options.authorId ?? null,
      visibility: options.visibility ?? "SHARED",
      body: options.body ?? `Comment ${unique("c")}`,
    },
  });
}
