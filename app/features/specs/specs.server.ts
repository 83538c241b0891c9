import { asSubject } from "~/lib/ability.ts";
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { accessible, ensureCan } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { UserError } from "~/lib/errors.ts";
import { message } from "~/lib/i18n/message.ts";
import { notFound } from "~/lib/http.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { accountTranslator } from "~/lib/i18n/translate.server.ts";

/** The relations the Spec rules look through (see specRules in the ability). */
export const specSharesForAbility = { select: { factoryId: true, partnership: { select: { status: true } } } } as const;

/** What a loaded spec brings: the shares its rules need and the importer's name. */
export const specInclude = { shares: specSharesForAbility, org: { select: { id: true, name: true, slug: true } } } as const;

/** "May this member create specifications?": one of this importer's. */
export const specToCreate = (ctx: TenantContext) => asSubject("Spec", { orgId: ctx.org.id });

/** Whether this member may create specifications at all: asked before a form is read. */
export function ensureCanCreateSpec(ctx: TenantContext) {
  ensureCan(ctx.ability, "create", specToCreate(ctx), accountTranslator(ctx.user, "specs")("refusal.createRole"));
}

export async function createSpec(ctx: TenantContext, input: { title: string; productCode: string; description: string }) {
  ensureCanCreateSpec(ctx);
  const clash = await prisma.spec.findUnique({ where: { orgId_productCode: { orgId: ctx.org.id, productCode: input.productCode } }, select: { id: true } });
  if (clash) throw new UserError(message("specs", "errors.productCodeTaken", { productCode: input.productCode }), 409);
  return prisma.$transaction(async (tx) => {
    const spec = await tx.spec.create({
      data: { orgId: ctx.org.id, title: input.title, productCode: input.productCode, description: input.description, createdById: ctx.user.id },
    });
    await tx.specVersion.create({ data: { specId: spec.id, orgId: ctx.org.id, number: 1, description: input.description } });
    await recordAudit(tx, {
      ...memberAction(ctx, "spec.create", "Spec", spec.id),
      after: { title: spec.title, productCode: spec.productCode },
    });
    return spec;
  });
}

/** A spec the user may read, with what its pages need; 404 otherwise. */
export async function loadSpec(ctx: TenantContext, specId: string) {
  const spec = await prisma.spec.findFirst({
    where: { AND: [accessible(ctx.ability, "read", "Spec"), { id: specId }] },
    include: specInclude,
  });
  if (!spec) notFound(accountTranslator(ctx.user, "specs")("refusal.specNotFound"));
  return spec;
}

export type LoadedSpec = Awaited<ReturnType<typeof loadSpec>>;
