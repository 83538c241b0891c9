import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { notifySpecPublished } from "./notifications.server.ts";
import type { LoadedSpec } from "./specs.server.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

/** Active partner factories, each marked with whether the spec is shared with it. */
export async function listShareOptions(ctx: TenantContext, spec: LoadedSpec) {
  if (ctx.org.kind !== "IMPORTER") return [];
  const [partnerships, shares] = await Promise.all([
    prisma.partnership.findMany({
      where: { AND: [accessible(ctx.ability, "read", "Partnership"), { status: "ACTIVE", importerId: ctx.org.id }] },
      select: { factory: { select: { id: true, name: true } } },
      orderBy: { activatedAt: "asc" },
      take: 500,
    }),
    prisma.specShare.findMany({
      where: { AND: [accessible(ctx.ability, "read", "SpecShare"), { specId: spec.id, partnership: { status: "ACTIVE" } }] },
      select: { factoryId: true, createdAt: true },
    }),
  ]);
  const sharedAt = new Map(shares.map((s) => [s.factoryId, s.createdAt]));
  return partnerships.flatMap(({ factory }) => (factory ? [{ ...factory, sharedAt: sharedAt.get(factory.id) ?? null }] : []));
}

/** Shares a spec with active partner factories; when a version is published they get the email now. Returns how many were emailed. */
export async function shareSpec(ctx: TenantContext, spec: LoadedSpec, factoryIds: string[]): Promise<{ emailed: number }> {
  ensureCan(ctx.ability, "share", asSubject("Spec", spec), accountTranslator(ctx.user, "specs")("refusal.shareRole"));
  for (const factoryId of factoryIds) ensureCan(ctx.ability, "create", asSubject("SpecShare", { specId: spec.id, importerId: spec.orgId, factoryId }));
  const partnerships = await prisma.partnership.findMany({
    where: { importerId: ctx.org.id, status: "ACTIVE", factoryId: { in: factoryIds } },
    select: { id: true, factoryId: true },
  });
  if (partnerships.length !== new Set(factoryIds).size) throw new UserError(message("specs", "errors.shareWithPartnersOnly"), 400);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.specShare.findMany({
      where: { specId: spec.id, factoryId: { in: factoryIds } },
      select: { id: true, factoryId: true, partnershipId: true },
    });
    // A share made under an ended partnership moves to the new one: partners again, the factory sees the spec again.
    for (const share of existing) {
      const current = partnerships.find((p) => p.factoryId === share.factoryId)!;
      if (share.partnershipId !== current.id) await tx.specShare.update({ where: { id: share.id }, data: { partnershipId: current.id } });
    }
    const activeAlready = new Set(
      existing.filter((s) => s.partnershipId === partnerships.find((p) => p.factoryId === s.factoryId)!.id).map((s) => s.factoryId),
    );
    const added = partnerships.filter((p) => !activeAlready.has(p.factoryId!));
    const created = added.filter((p) => !existing.some((s) => s.factoryId === p.factoryId));
    await tx.specShare.createMany({
      data: created.map((p) => ({ specId: spec.id, importerId: ctx.org.id, factoryId: p.factoryId!, partnershipId: p.id, createdById: ctx.user.id })),
      skipDuplicates: true,
    });
    for (const p of added) {
      await recordAudit(tx, {
        ...memberAction(ctx, "spec.share", "Spec", spec.id),
        after: { factoryId: p.factoryId },
      });
    }
    if (spec.currentVersionId && added.length) {
      const current = await tx.specVersion.findUniqueOrThrow({ where: { id: spec.currentVersionId }, select: { id: true, number: true } });
      const emailed = await notifySpecPublished(tx, {
        spec,
        versionId: current.id,
        number: current.number,
        importerName: ctx.org.name,
        factoryIds: added.map((p) => p.factoryId!),
      });
      return { emailed };
    }
    return { emailed: 0 };
  });
}

export async function unshareSpec(ctx: TenantContext, spec: LoadedSpec, factoryId: string) {
  const share = await prisma.specShare.findFirst({ where: { AND: [accessible(ctx.ability, "read", "SpecShare"), { specId: spec.id, factoryId }] } });
  if (!share) throw new UserError(message("specs", "errors.notSharedWithFactory"), 404);
  ensureCan(ctx.ability, "delete", asSubject("SpecShare", share), accountTranslator(ctx.user, "specs")("refusal.changeSharingRole"));
  await prisma.$transaction(async (tx) => {
    await tx.specShare.delete({ where: { id: share.id } });
    await recordAudit(tx, { ...memberAction(ctx, "spec.unshare", "Spec", spec.id), before: { factoryId } });
  });
}
