import { accessible } from "~/lib/authorize.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { toPage } from "~/lib/pagination.ts";
import { readableCorrectiveActionsSql } from "~/lib/read-conditions.server.ts";
import type { TenantContext } from "~/lib/tenant.server.ts";
import { Prisma, type CorrectiveActionStatus } from "~/generated/prisma/client.ts";
import { isOverdue } from "./due.ts";
import { overdueSql } from "./due-sql.server.ts";

type ListQuery = { status?: CorrectiveActionStatus; partnerId?: string; overdue?: boolean; page: number; pageSize: number };

const listSelect = {
  id: true,
  title: true,
  status: true,
  severity: true,
  planDueAt: true,
  updatedAt: true,
  items: { select: { dueAt: true } },
  partnership: { select: { importer: { select: { name: true } }, factory: { select: { name: true, timeZone: true } } } },
} satisfies Prisma.CorrectiveActionSelect;

/**
 * The ids of one page in list order, with the counts, in one statement
 * whatever the page: what waits for this org first, overdue ones first within
 * it, then the rest; by plan due date within each. The SQL takes the
 * corrective-action read rule from lib/read-conditions.server.ts; the rows
 * are then read through the ability all the same.
 */
async function pageOfIds(ctx: TenantContext, query: ListQuery, now: Date) {
  const importer = ctx.org.kind === "IMPORTER";
  // The rule of `isOverdue` in due.ts: a late plan, or a late item of an accepted plan, by the factory's day.
  const late = overdueSql("c", now);
  const filters = [readableCorrectiveActionsSql(ctx, "c")];
  if (query.status) filters.push(Prisma.sql`c.status = ${query.status}::text::"CorrectiveActionStatus"`);
  if (query.partnerId) filters.push(importer ? Prisma.sql`c."factoryId" = ${query.partnerId}` : Prisma.sql`c."importerId" = ${query.partnerId}`);
  if (query.overdue) filters.push(late);
  const myTurn = importer ? Prisma.sql`c.status IN ('PLAN_SUBMITTED', 'IMPLEMENTED')` : Prisma.sql`c.status IN ('OPEN', 'PLAN_ACCEPTED')`;
  const [row] = await prisma.$queryRaw<{ total: number; myTurn: number; ids: string[] }[]>`
    WITH listed AS (
      SELECT c.id, c."planDueAt", ${myTurn} AS my_turn, ${myTurn} AND ${late} AS my_turn_late
      FROM "CorrectiveAction" c
      WHERE ${Prisma.join(filters, " AND ")}
    )
    SELECT (SELECT count(*)::int FROM listed) AS total,
      (SELECT count(*)::int FROM listed WHERE my_turn) AS "myTurn",
      ARRAY(SELECT id FROM listed ORDER BY my_turn_late DESC, my_turn DESC, "planDueAt" ASC, id ASC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) AS ids`;
  return row!;
}

const factoryZone = (ca: { partnership: { factory: { timeZone: string } | null } }) => ca.partnership.factory?.timeZone ?? "UTC";

/**
 * Corrective actions for the list page. Whose turn it is decides the order:
 * what waits for this org comes first (overdue ones first within it). Two
 * statements at any page and page size.
 */
export async function listCorrectiveActions(ctx: TenantContext, query: ListQuery, now = new Date()) {
  const { total, myTurn, ids } = await pageOfIds(ctx, query, now);
  // Asked even for an empty page, so that every page reads the same statements.
  const rows = await prisma.correctiveAction.findMany({
    where: { AND: [accessible(ctx.ability, "read", "CorrectiveAction"), { id: { in: ids } }] },
    select: listSelect,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { items: planItems, ...ca } = row;
    return [
      {
        ...ca,
        overdue: isOverdue({ ...ca, items: planItems }, factoryZone(ca), now),
        // The zone the due date is a day of (the factory's), named next to it.
        dueTimeZone: factoryZone(ca),
        partnerName: ctx.org.kind === "IMPORTER" ? ca.partnership.factory?.name : ca.partnership.importer.name,
      },
    ];
  });
  return { ...toPage(items, total, query.page, query.pageSize), myTurnCount: myTurn };
}
