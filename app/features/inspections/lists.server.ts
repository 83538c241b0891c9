// The inspection list: what waits for this org first, then by proposed day, newest first.
import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { toPage } from "~/lib/pagination.ts";
import { readableInspectionsSql } from "~/lib/read-conditions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import type { InspectionStatus, InspectionType } from "./schemas.ts";

const listSelect = {
  id: true,
  type: true,
  status: true,
  poNumber: true,
  lotSize: true,
  proposedDate: true,
  inspectedBy: true,
  proposedByOrgId: true,
  result: true,
  specId: true,
  importerId: true,
  factoryId: true,
  partnership: { select: { importer: { select: { name: true } }, factory: { select: { name: true } } } },
} satisfies Prisma.InspectionSelect;

export type InspectionListFilters = { status?: InspectionStatus; type?: InspectionType; partnerId?: string; specId?: string };
type ListQuery = InspectionListFilters & { page: number; pageSize: number };

/**
 * What waits for this org: a date the other side proposed (to confirm), an inspection it carries
 * out itself once confirmed (to inspect), and for the importer a submitted result (to decide).
 */
function waitingSql(ctx: TenantContext) {
  const side = ctx.org.kind === "IMPORTER" ? "IMPORTER" : "FACTORY";
  const toConfirm = Prisma.sql`(i.status = 'BOOKED' AND i."proposedByOrgId" <> ${ctx.org.id})`;
  const toInspect = Prisma.sql`(i.status = 'CONFIRMED' AND i."inspectedBy" = ${side}::text::"InspectorSide")`;
  return ctx.org.kind === "IMPORTER" ? Prisma.sql`(${toConfirm} OR ${toInspect} OR i.status = 'SUBMITTED')` : Prisma.sql`(${toConfirm} OR ${toInspect})`;
}

/**
 * The ids of one page in list order, with the counts, in one statement whatever the page. The
 * SQL takes the inspection read rule from lib/read-conditions.server.ts; the rows are then read
 * through the ability all the same.
 */
async function pageOfIds(ctx: TenantContext, query: ListQuery) {
  const importer = ctx.org.kind === "IMPORTER";
  const filters = [readableInspectionsSql(ctx, "i")];
  if (query.status) filters.push(Prisma.sql`i.status = ${query.status}::text::"InspectionStatus"`);
  if (query.type) filters.push(Prisma.sql`i.type = ${query.type}::text::"InspectionType"`);
  if (query.partnerId) filters.push(importer ? Prisma.sql`i."factoryId" = ${query.partnerId}` : Prisma.sql`i."importerId" = ${query.partnerId}`);
  if (query.specId) filters.push(Prisma.sql`i."specId" = ${query.specId}`);
  const [row] = await prisma.$queryRaw<{ total: number; waiting: number; ids: string[] }[]>`
    WITH listed AS (
      SELECT i.id, i."proposedDate", i."updatedAt", ${waitingSql(ctx)} AS waiting
      FROM "Inspection" i
      WHERE ${Prisma.join(filters, " AND ")}
    )
    SELECT (SELECT count(*)::int FROM listed) AS total,
      (SELECT count(*)::int FROM listed WHERE waiting) AS waiting,
      ARRAY(SELECT id FROM listed ORDER BY waiting DESC, "proposedDate" DESC, "updatedAt" DESC, id ASC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) AS ids`;
  return row!;
}

/** Inspections for the list page: waiting first, then the latest proposed day first. Three statements at any page and page size. */
export async function listInspections(ctx: TenantContext, query: ListQuery) {
  const { total, waiting, ids } = await pageOfIds(ctx, query);
  // Asked even for an empty page, so that every page reads the same statements.
  const rows = await prisma.inspection.findMany({ where: { AND: [accessible(ctx.ability, "read", "Inspection"), { id: { in: ids } }] }, select: listSelect });
  const specIds = [...new Set(rows.map((r) => r.specId))];
  const specs = await prisma.spec.findMany({ where: { id: { in: specIds } }, select: { id: true, title: true, productCode: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const specById = new Map(specs.map((s) => [s.id, s]));
  const waitingIds = new Set<string>();
  const side = ctx.org.kind === "IMPORTER" ? "IMPORTER" : "FACTORY";
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const toConfirm = row.status === "BOOKED" && row.proposedByOrgId !== ctx.org.id;
    const toInspect = row.status === "CONFIRMED" && row.inspectedBy === side;
    const toDecide = side === "IMPORTER" && row.status === "SUBMITTED";
    if (toConfirm || toInspect || toDecide) waitingIds.add(id);
    const { proposedByOrgId: _proposer, ...shown } = row;
    return [
      {
        ...shown,
        proposedDate: row.proposedDate.toISOString().slice(0, 10),
        spec: specById.get(row.specId) ?? null,
        waits: toConfirm ? ("confirm" as const) : toInspect ? ("inspect" as const) : toDecide ? ("decide" as const) : null,
      },
    ];
  });
  return { ...toPage(items, total, query.page, query.pageSize), waitingCount: waiting };
}

/** The specs the list filters by: those this org may read (its own, or those shared with it). One statement. */
export function listInspectionSpecs(ctx: TenantContext) {
  return prisma.spec.findMany({
    where: { AND: [accessible(ctx.ability, "read", "Spec"), { currentVersionId: { not: null } }] },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, title: true, productCode: true },
  });
}
