import { Prisma } from "~/generated/prisma/client.ts";
import { readableMembershipsSql, readablePartnershipsSql } from "~/lib/read-conditions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

export interface OrgOverview {
  activePartners: number;
  invitedPartners: number;
  members: number;
}

/**
 * The org's counts as columns of a SELECT, so that the dashboard reads them in
 * the statement that counts its groups. Raw SQL, so the tenant conditions come
 * from lib/read-conditions.server.ts (a factory never reads an INVITED
 * partnership: it has no factory yet).
 */
export function orgOverviewColumns(ctx: TenantContext): Prisma.Sql {
  const partnerships = readablePartnershipsSql(ctx, "p");
  return Prisma.sql`
    (SELECT count(*) FROM "Partnership" p WHERE ${partnerships} AND p.status = 'ACTIVE')::int AS "activePartners",
    (SELECT count(*) FROM "Partnership" p WHERE ${partnerships} AND p.status = 'INVITED')::int AS "invitedPartners",
    (SELECT count(*) FROM "Membership" m WHERE ${readableMembershipsSql(ctx, "m")})::int AS "members"`;
}
