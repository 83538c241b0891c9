import { Prisma } from "~/generated/prisma/client.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";

export interface OrgOverview {
  activePartners: number;
  invitedPartners: number;
  members: number;
}

/**
 * The org's counts as columns of a SELECT, so that the dashboard reads them in
 * the statement that counts its groups. Raw SQL, so the tenant conditions are
 * ability.ts's read rules written out (the same for every role): an importer
 * reads the partnerships it made, a factory those it belongs to (an INVITED
 * one has no factory yet, so a factory never counts any), and each org its
 * own memberships.
 */
export function orgOverviewColumns(ctx: TenantContext): Prisma.Sql {
  const me = ctx.org.id;
  const partner = Prisma.raw(ctx.org.kind === "IMPORTER" ? `"importerId"` : `"factoryId"`);
  return Prisma.sql`
    (SELECT count(*) FROM "Partnership" WHERE ${partner} = ${me} AND status = 'ACTIVE')::int AS "activePartners",
    (SELECT count(*) FROM "Partnership" WHERE ${partner} = ${me} AND status = 'INVITED')::int AS "invitedPartners",
    (SELECT count(*) FROM "Membership" WHERE "orgId" = ${me})::int AS "members"`;
}
