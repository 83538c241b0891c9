import { randomUUID } from "node:crypto";
import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { notFound } from "~/lib/http.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { isoDay } from "~/lib/dates.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/lib/i18n/message.ts";

/** "May this member start first articles?": a first article of this factory, under an active partnership. */
export const firstArticleToStart = (ctx: TenantContext) => asSubject("FirstArticle", { factoryId: ctx.org.id, partnership: { status: "ACTIVE" } });

/** Whether this member may start first articles at all: asked before a form is read. */
export function ensureCanStart(ctx: TenantContext) {
  ensureCan(ctx.ability, "create", firstArticleToStart(ctx), message("firstArticles", "errors.startRoleOnly"));
}

export const firstArticleInclude = {
  partnership: { select: { status: true } },
  measurements: { select: { characteristicKey: true, sample: true, raw: true, value: true, passed: true } },
} satisfies Prisma.FirstArticleInclude;

/** A first article the user may read (never another factory's, never an importer's view of a draft); 404 otherwise. */
export async function loadFirstArticle(ctx: TenantContext, id: string) {
  const fa = await prisma.firstArticle.findFirst({
    where: { AND: [accessible(ctx.ability, "read", "FirstArticle"), { id }] },
    include: firstArticleInclude,
  });
  if (!fa) notFound(message("firstArticles", "errors.notFound"));
  return fa;
}
export type LoadedFirstArticle = Awaited<ReturnType<typeof loadFirstArticle>>;

/** Readings as the grid shows them: raw text per characteristic, one per sample. */
export function readingsOf(fa: Pick<LoadedFirstArticle, "measurements" | "sampleCount">): Record<string, string[]> {
  const readings: Record<string, string[]> = {};
  for (const m of fa.measurements) {
    if (m.sample < 1 || m.sample > fa.sampleCount) continue;
    (readings[m.characteristicKey] ??= Array.from({ length: fa.sampleCount }, () => ""))[m.sample - 1] = m.raw;
  }
  return readings;
}

/**
 * Published versions this factory may inspect against: the current version of
 * each spec shared with it, with whether it has acknowledged it (a first
 * article needs an acknowledged version).
 */
export async function listStartableVersions(ctx: TenantContext) {
  if (!ctx.ability.can("create", firstArticleToStart(ctx))) return [];
  const specs = await prisma.spec.findMany({
    where: { AND: [accessible(ctx.ability, "read", "Spec"), { currentVersionId: { not: null } }] },
    orderBy: { title: "asc" },
    take: 500,
    select: {
      id: true,
      title: true,
      productCode: true,
      org: { select: { name: true } },
      currentVersion: { select: { id: true, number: true, acknowledgements: { where: { factoryId: ctx.org.id }, select: { status: true } } } },
    },
  });
  return specs.flatMap((s) =>
    s.currentVersion
      ? [
          {
            specId: s.id,
            title: s.title,
            productCode: s.productCode,
            importer: s.org.name,
            versionId: s.currentVersion.id,
            number: s.currentVersion.number,
            acknowledged: s.currentVersion.acknowledgements[0]?.status === "ACKNOWLEDGED",
          },
        ]
      : [],
  );
}

/** What the factory writes about the lot it inspected, as forms send it and pages show it. */
export interface FirstArticleHeader {
  poNumber: string;
  lotNumber: string;
  quantityProduced: number;
  sampleCount: number;
  /** YYYY-MM-DD. */
  inspectedOn: string;
  notes: string;
}

export function headerOf(fa: Pick<LoadedFirstArticle, keyof FirstArticleHeader>): FirstArticleHeader {
  const { poNumber, lotNumber, quantityProduced, sampleCount, inspectedOn, notes } = fa;
  return { poNumber, lotNumber, quantityProduced, sampleCount, inspectedOn: isoDay(inspectedOn), notes };
}

/** Starts a first article (round 1) against the current, acknowledged version of a shared spec. */
export async function createFirstArticle(ctx: TenantContext, input: FirstArticleHeader & { versionId: string }) {
  ensureCanStart(ctx);
  const startable = (await listStartableVersions(ctx)).find((v) => v.versionId === input.versionId);
  if (!startable) throw new UserError(message("firstArticles", "errors.chooseCurrentVersion"), 400);
  if (!startable.acknowledged) {
    throw new UserError(message("firstArticles", "errors.acknowledgeSpecFirst", { title: startable.title, number: startable.number }), 409);
  }
  const share = await prisma.specShare.findFirstOrThrow({
    where: { specId: startable.specId, factoryId: ctx.org.id },
    select: { importerId: true, partnershipId: true, partnership: { select: { status: true } } },
  });
  const draft = {
    factoryId: ctx.org.id,
    importerId: share.importerId,
    partnershipId: share.partnershipId,
    status: "DRAFT" as const,
    partnership: share.partnership,
  };
  ensureCan(ctx.ability, "create", asSubject("FirstArticle", draft), message("firstArticles", "errors.roleCannotStart"));
  return prisma.$transaction(async (tx) => {
    const fa = await tx.firstArticle.create({
      data: {
        seriesId: randomUUID(),
        importerId: share.importerId,
        factoryId: ctx.org.id,
        partnershipId: share.partnershipId,
        specId: startable.specId,
        versionId: startable.versionId,
        poNumber: input.poNumber,
        lotNumber: input.lotNumber,
        quantityProduced: input.quantityProduced,
        sampleCount: input.sampleCount,
        inspectedOn: new Date(`${input.inspectedOn}T00:00:00Z`),
        notes: input.notes,
        createdById: ctx.user.id,
      },
    });
    await recordAudit(tx, {
      ...memberAction(ctx, "firstArticle.create", "FirstArticle", fa.id),
      after: { poNumber: fa.poNumber, versionId: fa.versionId, round: 1 },
    });
    return fa;
  });
}
