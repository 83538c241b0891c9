// An org's time zone: a factory's due dates end at midnight there (corrective-actions/due.ts).
// Set from its creator's zone; an owner changes it on the members page.
import { memberAction, recordAudit } from "~/lib/audit.server.ts";
import { ensureCan } from "~/lib/authorize.server.ts";
import { asSubject } from "~/lib/ability.ts";
import { prisma } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

const orgSubject = (ctx: TenantContext) => asSubject("Organization", { id: ctx.org.id });

/** The org's zone for someone who may change it; null for everyone else (they are not shown the form). */
export async function orgTimeZoneToChange(ctx: TenantContext): Promise<string | null> {
  if (!ctx.ability.can("update", orgSubject(ctx))) return null;
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { timeZone: true } });
  return org.timeZone;
}

/** `timeZone` is checked already (timeZoneSchema). */
export async function changeOrgTimeZone(ctx: TenantContext, timeZone: string) {
  ensureCan(ctx.ability, "update", orgSubject(ctx));
  await prisma.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { timeZone: true } });
    await tx.organization.update({ where: { id: ctx.org.id }, data: { timeZone } });
    await recordAudit(tx, { ...memberAction(ctx, "organization.update", "Organization", ctx.org.id), before, after: { timeZone } });
  });
}
