import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

/** Counts for the org's overview page, each through the ability. */
export async function getOrgOverview(ctx: TenantContext) {
  const partnerships = accessible(ctx.ability, "read", "Partnership");
  const [activePartners, invitedPartners, members] = await Promise.all([
    prisma.partnership.count({ where: { AND: [partnerships, { status: "ACTIVE" }] } }),
    prisma.partnership.count({ where: { AND: [partnerships, { status: "INVITED" }] } }),
    prisma.membership.count({ where: { AND: [accessible(ctx.ability, "read", "Membership"), { orgId: ctx.org.id }] } }),
  ]);
  return { activePartners, invitedPartners, members };
}
