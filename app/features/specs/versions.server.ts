import { randomBytes } from "node:crypto";
import { asSubject, SPEC_VERSION_CONTENT_FIELDS } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma, type Tx } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import { notFound } from "~/lib/http.server.ts";
import { requireMembership, type TenantContext } from "~/lib/tenant.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { notifySpecPublished } from "./notifications.server.ts";
import type { VersionContent } from "./schemas.ts";
import { characteristicColumns, limitColumns, toCharacteristicSnapshot } from "./characteristic-rows.server.ts";
import type { FileSnapshot, VersionSnapshot } from "./snapshot.ts";
import { idParam, versionNumberParam } from "./params.server.ts";
import { specInclude, specSharesForAbility, type LoadedSpec } from "./specs.server.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

export const newKey = () => randomBytes(8).toString("hex");

const fileSelect = { id: true, name: true, contentType: true, size: true, sha256: true } as const;

/** A version's content: what its snapshot is made of. */
export const versionContent = {
  materials: { orderBy: { position: "asc" } },
  characteristics: { orderBy: { position: "asc" } },
  defectExamples: { orderBy: { position: "asc" } },
  files: { orderBy: { position: "asc" }, select: { attachmentId: true } },
} satisfies Prisma.SpecVersionInclude;

const versionInclude = {
  ...versionContent,
  spec: { select: { id: true, orgId: true, currentVersionId: true, shares: specSharesForAbility } },
} satisfies Prisma.SpecVersionInclude;

/** Version `number` of spec `specId`, when the user may read both the version and its spec. */
export function readableVersionWhere(ctx: TenantContext, specId: string, number: number): Prisma.SpecVersionWhereInput {
  return { AND: [accessible(ctx.ability, "read", "SpecVersion"), { specId, number }, { spec: { is: accessible(ctx.ability, "read", "Spec") } }] };
}

/** The 404 of a version the reader may not read, in their language: the same words whether it exists or not. */
export function versionNotFound(ctx: Pick<TenantContext, "user">): never {
  notFound(accountTranslator(ctx.user, "specs")("refusal.versionNotFound"));
}

/** A version of a spec the user may read; drafts never reach a factory (404). */
export async function loadVersion(ctx: TenantContext, spec: LoadedSpec, number: number) {
  const version = await prisma.specVersion.findFirst({
    where: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { specId: spec.id, number }] },
    include: versionInclude,
  });
  if (!version) versionNotFound(ctx);
  return version;
}

export type LoadedVersion = Awaited<ReturnType<typeof loadVersion>>;

export function listVersions(ctx: TenantContext, specId: string) {
  return prisma.specVersion.findMany({
    where: { AND: [accessible(ctx.ability, "read", "SpecVersion"), { specId }] },
    orderBy: { number: "desc" },
    select: { id: true, number: true, status: true, publishedAt: true, createdAt: true, changeNote: true },
  });
}

type VersionWithContent = Pick<
  LoadedVersion,
  "id" | "number" | "status" | "description" | "notes" | "packaging" | "materials" | "characteristics" | "defectExamples" | "files"
>;

/** The version as plain data, with its files and defect photos. */
export async function toSnapshot(version: VersionWithContent): Promise<VersionSnapshot> {
  const [snapshot] = await toSnapshots([version]);
  return snapshot!;
}

/** Several versions as plain data, their files read in one statement (none when they have no files). */
export async function toSnapshots(versions: VersionWithContent[]): Promise<VersionSnapshot[]> {
  const fileIds = new Set(
    versions.flatMap((v) => [...v.files.map((f) => f.attachmentId), ...v.defectExamples.flatMap((d) => [d.acceptablePhotoId, d.unacceptablePhotoId])]),
  );
  fileIds.delete(null);
  const files = fileIds.size ? await prisma.attachment.findMany({ where: { id: { in: [...fileIds] as string[] } }, select: fileSelect }) : [];
  const byId = new Map<string, FileSnapshot>(files.map((f) => [f.id, f]));
  return versions.map((version) => snapshotOf(version, byId));
}

function snapshotOf(version: VersionWithContent, byId: Map<string, FileSnapshot>): VersionSnapshot {
  return {
    id: version.id,
    number: version.number,
    status: version.status,
    description: version.description,
    notes: version.notes,
    packaging: version.packaging,
    materials: version.materials.map(({ key, material, grade, source }) => ({ key, material, grade, source })),
    characteristics: version.characteristics.map(toCharacteristicSnapshot),
    defectExamples: version.defectExamples.map((d) => ({
      key: d.key,
      description: d.description,
      characteristicKey: d.characteristicKey,
      acceptablePhoto: (d.acceptablePhotoId && byId.get(d.acceptablePhotoId)) || null,
      unacceptablePhoto: (d.unacceptablePhotoId && byId.get(d.unacceptablePhotoId)) || null,
    })),
    attachments: version.files.map((f) => byId.get(f.attachmentId)).filter((f): f is FileSnapshot => !!f),
  };
}

/**
 * Write check on a loaded version, field by field (the ability's field-level
 * rule). A published version is immutable for everyone: 403 with the reason.
 */
export function ensureDraftEditable(ctx: TenantContext, version: LoadedVersion, fields: string[] = SPEC_VERSION_CONTENT_FIELDS) {
  const subject = asSubject("SpecVersion", version);
  const t = accountTranslator(ctx.user, "specs");
  const refusal = version.status === "DRAFT" ? t("refusal.editRole") : t("refusal.publishedUnchangeable", { number: version.number });
  for (const field of fields) ensureCan(ctx.ability, "update", subject, refusal, field);
}

// Conditional on DRAFT inside the transaction: a publish that lands between
// loading the page and saving it wins, and the save is refused.
async function lockDraft(tx: Tx, versionId: string) {
  const { count } = await tx.specVersion.updateMany({ where: { id: versionId, status: "DRAFT" }, data: { updatedAt: new Date() } });
  if (count !== 1) throw new UserError(message("specs", "errors.publishedMeanwhile"), 409);
}

/** A version's list as rows, in the order edited: a row keeps its key across saves and versions; a new row gets one. */
function versionRows<Item extends { key?: string | null }, Fields extends object>(versionId: string, items: Item[], fields: (item: Item) => Fields) {
  return items.map((item, position) => ({ versionId, position, key: item.key || newKey(), ...fields(item) }));
}

export async function saveDraft(ctx: TenantContext, version: LoadedVersion, content: VersionContent) {
  ensureDraftEditable(ctx, version);
  const before = await toSnapshot(version);
  await prisma.$transaction(async (tx) => {
    await lockDraft(tx, version.id);
    await tx.specVersion.update({
      where: { id: version.id },
      data: { description: content.description, notes: content.notes, packaging: content.packaging, changeNote: content.changeNote },
    });
    await tx.specMaterial.deleteMany({ where: { versionId: version.id } });
    await tx.specMaterial.createMany({
      data: versionRows(version.id, content.materials, (m) => ({ material: m.material, grade: m.grade, source: m.source })),
    });
    await tx.characteristic.deleteMany({ where: { versionId: version.id } });
    await tx.characteristic.createMany({
      data: versionRows(version.id, content.characteristics, (c) => ({
        number: c.number,
        name: c.name,
        kind: c.kind,
        ...limitColumns(c),
        unit: c.unit,
        class: c.class,
        method: c.method,
      })),
    });
    // Defect pairs are added with their photos elsewhere; here they are edited, reordered or removed.
    const keep = new Map(content.defects.map((d, position) => [d.key, { ...d, position }]));
    await tx.defectExample.deleteMany({ where: { versionId: version.id, key: { notIn: [...keep.keys()] } } });
    for (const [key, d] of keep) {
      await tx.defectExample.updateMany({
        where: { versionId: version.id, key },
        data: { description: d.description, characteristicKey: d.characteristicKey || null, position: d.position },
      });
    }
    await recordAudit(tx, {
      ...memberAction(ctx, "specVersion.update", "SpecVersion", version.id),
      before: {
        changeNote: version.changeNote,
        description: before.description,
        notes: before.notes,
        packaging: before.packaging,
        characteristics: before.characteristics.length,
        materials: before.materials.length,
      },
      after: {
        changeNote: content.changeNote,
        description: content.description,
        notes: content.notes,
        packaging: content.packaging,
        characteristics: content.characteristics.length,
        materials: content.materials.length,
      },
    });
  });
}

/** Publishes a draft: it becomes immutable, the previous published version is superseded, partners are told. Returns how many were emailed. */
export async function publishVersion(ctx: TenantContext, spec: LoadedSpec, version: LoadedVersion): Promise<{ emailed: number }> {
  ensureCan(ctx.ability, "publish", asSubject("SpecVersion", version), accountTranslator(ctx.user, "specs")("refusal.publishRole"));
  if (version.characteristics.length === 0) throw new UserError(message("specs", "errors.noCharacteristics"), 422);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.specVersion.updateMany({
      where: { id: version.id, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: now, publishedById: ctx.user.id },
    });
    if (count !== 1) throw new UserError(message("specs", "errors.alreadyPublished"), 409);
    await tx.specVersion.updateMany({ where: { specId: spec.id, status: "PUBLISHED", id: { not: version.id } }, data: { status: "SUPERSEDED" } });
    await tx.spec.update({ where: { id: spec.id }, data: { currentVersionId: version.id } });
    await recordAudit(tx, {
      ...memberAction(ctx, "specVersion.publish", "SpecVersion", version.id),
      before: { status: "DRAFT" },
      after: { status: "PUBLISHED", number: version.number },
    });
    const emailed = await notifySpecPublished(tx, { spec, versionId: version.id, number: version.number, importerName: ctx.org.name });
    return { emailed };
  });
}

/**
 * Deletes a draft that was never published, with everything in it. Its files
 * stay with the spec's other versions that link them; the audit keeps what it was.
 */
export async function deleteDraft(ctx: TenantContext, version: LoadedVersion) {
  ensureCan(
    ctx.ability,
    "delete",
    asSubject("SpecVersion", version),
    version.status === "DRAFT"
      ? accountTranslator(ctx.user, "specs")("refusal.deleteDraftRole")
      : accountTranslator(ctx.user, "specs")("refusal.publishedUndeletable", { number: version.number }),
  );
  if (version.number === 1) throw new UserError(message("specs", "errors.firstVersionKept"), 409);
  await prisma.$transaction(async (tx) => {
    // Conditional on DRAFT: a publish that lands first wins, and the delete is refused.
    const { count } = await tx.specVersion.deleteMany({ where: { id: version.id, status: "DRAFT" } });
    if (count !== 1) throw new UserError(message("specs", "errors.publishedMeanwhileNotDeleted"), 409);
    await recordAudit(tx, {
      ...memberAction(ctx, "specVersion.delete", "SpecVersion", version.id),
      before: { status: "DRAFT", number: version.number, characteristics: version.characteristics.length },
    });
  });
}

/** "May this member start a new version of this spec?": a draft of it. */
export const versionToStart = (spec: Pick<LoadedSpec, "id" | "orgId">) => asSubject("SpecVersion", { specId: spec.id, orgId: spec.orgId, status: "DRAFT" });

/** Starts the next version as a copy of the latest one; one draft at a time. */
export async function startNewVersion(ctx: TenantContext, spec: LoadedSpec) {
  ensureCan(ctx.ability, "create", versionToStart(spec), accountTranslator(ctx.user, "specs")("refusal.startVersionRole"));
  return prisma.$transaction(async (tx) => {
    const draft = await tx.specVersion.findFirst({ where: { specId: spec.id, status: "DRAFT" }, select: { number: true } });
    if (draft) return draft;
    const latest = await tx.specVersion.findFirstOrThrow({
      where: { specId: spec.id },
      orderBy: { number: "desc" },
      include: { materials: true, characteristics: { select: { position: true, ...characteristicColumns } }, defectExamples: true, files: true },
    });
    const next = await tx.specVersion.create({
      data: {
        specId: spec.id,
        orgId: spec.orgId,
        number: latest.number + 1,
        description: latest.description,
        notes: latest.notes,
        packaging: latest.packaging,
        materials: { createMany: { data: latest.materials.map(({ position, key, material, grade, source }) => ({ position, key, material, grade, source })) } },
        characteristics: {
          createMany: {
            // Every column of the requirement, the decimals it was typed with included.
            data: latest.characteristics,
          },
        },
        defectExamples: {
          createMany: {
            data: latest.defectExamples.map(({ position, key, description, characteristicKey, acceptablePhotoId, unacceptablePhotoId }) => ({
              position,
              key,
              description,
              characteristicKey,
              acceptablePhotoId,
              unacceptablePhotoId,
            })),
          },
        },
        files: { createMany: { data: latest.files.map(({ attachmentId, position }) => ({ attachmentId, position })) } },
      },
    });
    await recordAudit(tx, {
      ...memberAction(ctx, "specVersion.create", "SpecVersion", next.id),
      after: { number: next.number, copiedFrom: latest.number },
    });
    return { number: next.number };
  });
}

/** Stores uploaded files against a draft, in the caller's checks' transaction (see attachments/uploads). */
type SaveUploads = (tx: Tx) => Promise<Record<string, { id: string }[]>>;

/** Links uploaded drawings to a draft. */
export async function addVersionFiles(ctx: TenantContext, version: LoadedVersion, saveUploads: SaveUploads) {
  ensureDraftEditable(ctx, version, ["attachments"]);
  await prisma.$transaction(async (tx) => {
    await lockDraft(tx, version.id);
    const attachmentIds = Object.values(await saveUploads(tx))
      .flat()
      .map((a) => a.id);
    if (attachmentIds.length === 0) throw new UserError(message("specs", "errors.noFiles"), 400);
    const start = version.files.length;
    await tx.specVersionFile.createMany({
      data: attachmentIds.map((attachmentId, i) => ({ versionId: version.id, attachmentId, position: start + i })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      ...memberAction(ctx, "specVersion.add-files", "SpecVersion", version.id),
      after: { attachments: attachmentIds },
    });
  });
}

export async function removeVersionFile(ctx: TenantContext, version: LoadedVersion, attachmentId: string) {
  ensureDraftEditable(ctx, version, ["attachments"]);
  await prisma.$transaction(async (tx) => {
    await lockDraft(tx, version.id);
    await tx.specVersionFile.deleteMany({ where: { versionId: version.id, attachmentId } });
    await recordAudit(tx, {
      ...memberAction(ctx, "specVersion.remove-file", "SpecVersion", version.id),
      before: { attachment: attachmentId },
    });
  });
}

/** Adds a pair of acceptable / unacceptable photos with a description. */
export async function addDefectExample(
  ctx: TenantContext,
  version: LoadedVersion,
  input: { description: string; characteristicKey?: string },
  saveUploads: SaveUploads,
) {
  ensureDraftEditable(ctx, version, ["defectExamples"]);
  if (input.characteristicKey && !version.characteristics.some((c) => c.key === input.characteristicKey)) {
    throw new UserError(message("specs", "errors.unknownCharacteristic"), 400);
  }
  await prisma.$transaction(async (tx) => {
    await lockDraft(tx, version.id);
    const photos = await saveUploads(tx);
    const acceptablePhotoId = photos.acceptable?.[0]?.id ?? null;
    const unacceptablePhotoId = photos.unacceptable?.[0]?.id ?? null;
    if (!acceptablePhotoId && !unacceptablePhotoId) throw new UserError(message("specs", "errors.noExamplePhoto"), 400);
    const example = await tx.defectExample.create({
      data: {
        versionId: version.id,
        position: version.defectExamples.length,
        key: newKey(),
        description: input.description,
        characteristicKey: input.characteristicKey || null,
        acceptablePhotoId,
        unacceptablePhotoId,
      },
    });
    await recordAudit(tx, {
      ...memberAction(ctx, "specVersion.add-defect-example", "SpecVersion", version.id),
      after: { defectExample: example.id },
    });
  });
}

export interface LoadedVersionRoute {
  ctx: TenantContext;
  spec: LoadedSpec;
  version: LoadedVersion;
}

/** The tenant, spec and version a version route works on, in one statement; 404 for anything unreadable. */
export async function loadSpecVersionRoute(request: Request, params: { org?: string; specId?: string; number?: string }): Promise<LoadedVersionRoute> {
  const ctx = await requireMembership(request, params.org);
  const found = await prisma.specVersion.findFirst({
    where: readableVersionWhere(ctx, idParam(params.specId), versionNumberParam(params.number)),
    include: { ...versionContent, spec: { include: specInclude } },
  });
  if (!found) versionNotFound(ctx);
  const { spec, ...version } = found;
  return { ctx, spec, version: { ...version, spec } };
}
